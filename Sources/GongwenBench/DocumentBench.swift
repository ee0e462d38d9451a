import Foundation
import Gongwen

/// Times single documents in this process. The writers take turns within each iteration
/// rather than running one after another, so that a change of CPU clock or a noisy neighbour
/// during the run weighs on all of them alike and the ratios stay fair; and each round starts
/// with the next writer, since whichever runs first after the untimed clean-up runs on colder
/// caches (measured here: a few percent slower in the first place than later).
struct DocumentBench {
    /// Validate the record + lay out the sheet + write the XLSX: what one request does.
    var xlsx = Timing()
    /// `XlsxWriter` alone, on a sheet laid out beforehand.
    var xlsxWriterOnly = Timing()
    /// The same sheet written by libxlsxwriter from C.
    var floor = Timing()
    /// Validate + lay out + write the DOCX.
    var docx = Timing()
    /// `DocxWriter` alone, on the same sheet.
    var docxWriterOnly = Timing()

    static func run(_ fixture: KeyProjectFixture, iterations: Int, in folder: URL) throws -> DocumentBench {
        let renderer = FormRenderer(library: fixture.library)
        let sheet = FormSheetBuilder.build(fixture.template, values: fixture.values)
        let floorWriter = FloorWriter(values: fixture.values)
        func render(_ format: OutputFormat, to url: URL) throws {
            let (template, validated) = try renderer.validate(templateID: KeyProjectFixture.templateID, data: fixture.data)
            try renderer.write(template, values: validated.values, format: format, to: url)
        }
        let writers: [(name: String, timing: WritableKeyPath<DocumentBench, Timing>, write: (URL) throws -> Void)] = [
            ("ours.xlsx", \.xlsx, { try render(.xlsx, to: $0) }),
            ("writer.xlsx", \.xlsxWriterOnly, { try XlsxWriter().write(sheet, to: $0) }),
            ("floor.xlsx", \.floor, { try floorWriter.write(to: $0) }),
            ("ours.docx", \.docx, { try render(.docx, to: $0) }),
            ("writer.docx", \.docxWriterOnly, { try DocxWriter().write(sheet, to: $0) }),
        ]
        let warmUp = max(5, iterations / 10)  // rounds that warm caches and the allocator, not recorded
        var bench = DocumentBench()
        var previous: [URL] = []
        for round in 0..<(warmUp + iterations) {
            let files = writers.map { folder.appendingPathComponent(Self.numbered($0.name, round)) }
            for turn in 0..<writers.count {
                let i = (round + turn) % writers.count
                try bench[keyPath: writers[i].timing].measure(record: round >= warmUp) { try writers[i].write(files[i]) }
            }
            for file in previous { try? FileManager.default.removeItem(at: file) }  // untimed: the last round's files stay
            previous = files
        }
        return bench
    }

    /// `ours.xlsx` → `ours-17.xlsx`. Every document is a new file, as in a batch: replacing a
    /// file makes ext4 flush it to disk at once (auto_da_alloc), a cost that is not the
    /// writer's. The Python scripts do the same (`Benchmarks/key_project.py`).
    static func numbered(_ name: String, _ round: Int) -> String {
        let dot = name.lastIndex(of: ".")!
        return "\(name[..<dot])-\(round)\(name[dot...])"
    }
}
