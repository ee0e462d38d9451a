import Foundation
import Gongwen

/// The PDF of one filled key-project form: through the warm pool (LibreOffice started once,
/// then reused, as every `PDFConverter` of a process does) against a cold
/// `soffice --convert-to pdf` of the same DOCX (a new LibreOffice and profile per document,
/// the way before the pool). Wall time, since the work is LibreOffice's, in other processes.
/// The two take turns in each round, like the writers in `DocumentBench`.
struct PDFBench {
    var warm = Timing()
    var cold = Timing()
    let rounds: Int

    static func run(_ fixture: KeyProjectFixture, rounds: Int, in folder: URL) throws -> PDFBench {
        let docx = folder.appendingPathComponent("pdf-bench.docx")
        try FormRenderer(library: fixture.library).write(fixture.template, values: fixture.values, format: .docx, to: docx)
        let converter = PDFConverter(fontConfig: fixture.templatesFolder.appendingPathComponent("fonts/fonts.conf"))
        // Untimed: the pool's instance starts here, once, as in a long batch or the service.
        try converter.convert(docx, to: folder.appendingPathComponent("pdf-bench-start.pdf"))
        var bench = PDFBench(rounds: rounds)
        for round in 0..<rounds {
            let warmPDF = folder.appendingPathComponent("pdf-bench-warm-\(round).pdf")
            let coldPDF = folder.appendingPathComponent("pdf-bench-cold-\(round).pdf")
            let turns: [(WritableKeyPath<PDFBench, Timing>, () throws -> Void)] = [
                (\.warm, { try converter.convert(docx, to: warmPDF) }),
                (\.cold, { try converter.convertCold(docx, to: coldPDF) }),
            ]
            for turn in 0..<2 {
                let (timing, body) = turns[(round + turn) % 2]
                try bench[keyPath: timing].measure(body)
            }
        }
        guard converter.poolSnapshot?.jobsDone ?? 0 > rounds else {
            throw BenchFailure("the warm conversions did not go through the pool (no python3-uno?)")
        }
        return bench
    }

    /// How many times less wall time a warm PDF takes than a cold one (median against median).
    var ratio: Double { cold.wall.median / warm.wall.median }
}
