import Foundation
import Testing
@testable import Gongwen

/// Each built-in template rendered blank, then imported: the imported template's layout
/// model is the original's, cell by cell.
@Suite("Importing our own blank forms")
struct ImportRoundTripTests {
    static var cases: [(String, OutputFormat)] {
        Fixtures.library.templates.flatMap { t in OutputFormat.allCases.map { (t.id, $0) } }
    }

    static func imported(_ templateID: String, _ format: OutputFormat) throws -> (FormTemplate, TemplateImporter.Result) {
        let library = Fixtures.library
        let template = try library.template(id: templateID)
        let url = Fixtures.temporaryFolder().appendingPathComponent("\(templateID).\(format.fileExtension)")
        try FormRenderer(library: library).write(template, values: .blank, format: format, to: url)
        return (template, try TemplateImporter(library: library).importFile(at: url))
    }

    @Test(arguments: cases)
    func layoutIsTheOriginals(templateID: String, format: OutputFormat) throws {
        let (template, result) = try Self.imported(templateID, format)
        let differences = SheetComparison.differences(FormSheetBuilder.build(template), FormSheetBuilder.build(result.template))
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(result.template.form == template.form)
        #expect(result.template.subject == template.subject)
        #expect(Set(result.template.fields.map(\.key)) == template.printedKeys)
    }

    /// XLSX keeps the column widths and row heights as the template gave them; DOCX scales
    /// the columns to the page, so only their proportions come back (to 1 %), and its rows
    /// keep their heights to the twip.
    @Test(arguments: cases)
    func widthsAndHeights(templateID: String, format: OutputFormat) throws {
        let (template, result) = try Self.imported(templateID, format)
        let original = FormSheetBuilder.build(template), imported = FormSheetBuilder.build(result.template)
        let a = original.columnWidths, b = imported.columnWidths
        switch format {
        case .xlsx:
            #expect(a == b)
            // A row the template leaves to the writer comes back with the height it was given.
            for (x, y) in zip(original.rowHeights, imported.rowHeights) where x != nil { #expect(x == y, "row heights \(original.rowHeights) against \(imported.rowHeights)") }
        case .docx:
            let sa = a.reduce(0, +), sb = b.reduce(0, +)
            for (x, y) in zip(a, b) { #expect(abs(x / sa - y / sb) < 0.01, "column widths \(a) against \(b)") }
            for (x, y) in zip(original.rowHeights, imported.rowHeights) where x != nil {
                #expect(abs(x! - (y ?? 0)) < 0.1, "row heights \(original.rowHeights) against \(imported.rowHeights)")
            }
        }
    }

    /// The same file imported twice gives the same bytes.
    @Test func importIsStable() throws {
        let (_, one) = try Self.imported("statistics-2022", .docx)
        let (_, two) = try Self.imported("statistics-2022", .docx)
        #expect(try TemplateImporter.encoded(one.template) == TemplateImporter.encoded(two.template))
    }
}
