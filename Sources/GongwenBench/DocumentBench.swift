import Foundation
import Gongwen

/// Times single documents in this process. The writers take turns within each iteration
/// rather than running one after another, so that a change of CPU clock or a noisy neighbour
/// during the run weighs on all of them alike and the ratios stay fair.
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
        let files = ["ours.xlsx", "writer.xlsx", "floor.xlsx", "ours.docx", "writer.docx"].map { folder.appendingPathComponent($0) }
        let warmUp = max(5, iterations / 10)  // rounds that warm caches and the allocator, not recorded
        var bench = DocumentBench()
        for round in 0..<(warmUp + iterations) {
            let record = round >= warmUp
            try bench.xlsx.measure(record: record) {
                let (template, validated) = try renderer.validate(templateID: KeyProjectFixture.templateID, data: fixture.data)
                try renderer.write(template, values: validated.values, format: .xlsx, to: files[0])
            }
            try bench.xlsxWriterOnly.measure(record: record) { try XlsxWriter().write(sheet, to: files[1]) }
            try bench.floor.measure(record: record) { try floorWriter.write(to: files[2]) }
            try bench.docx.measure(record: record) {
                let (template, validated) = try renderer.validate(templateID: KeyProjectFixture.templateID, data: fixture.data)
                try renderer.write(template, values: validated.values, format: .docx, to: files[3])
            }
            try bench.docxWriterOnly.measure(record: record) { try DocxWriter().write(sheet, to: files[4]) }
        }
        return bench
    }
}
