import Foundation
import Testing
@testable import Gongwen

/// The blank forms imported by an importer that knows no template: the types come from the
/// labels and (in XLSX) the data validations alone.
@Suite("Importing with no templates known")
struct ImportWithoutKnownLabelsTests {
    static var cases: [(String, OutputFormat)] {
        Fixtures.library.templates.flatMap { t in OutputFormat.allCases.map { (t.id, $0) } }
    }

    @Test(arguments: cases)
    func typesFromTheFileAlone(templateID: String, format: OutputFormat) throws {
        let template = try Fixtures.library.template(id: templateID)
        let url = Fixtures.temporaryFolder().appendingPathComponent("\(templateID).\(format.fileExtension)")
        try FormRenderer(library: Fixtures.library).write(template, values: .blank, format: format, to: url)
        let result = try TemplateImporter(library: TemplateLibrary(templates: [])).importFile(at: url)
        let got = Dictionary(uniqueKeysWithValues: result.template.fields.map { ($0.label, $0.type) })
        var wrong: [String] = []
        for field in template.fields where template.printedKeys.contains(field.key) {
            if got[field.label] != field.type { wrong.append("\(field.label): \(field.type.rawValue) → \(got[field.label]?.rawValue ?? "missing")") }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        // Keys no template knows are hashes of their labels; the cells are the same.
        let original = FormSheetBuilder.build(template), imported = FormSheetBuilder.build(result.template)
        #expect(original.cells.map { [$0.row, $0.column, $0.rowSpan, $0.colSpan] } == imported.cells.map { [$0.row, $0.column, $0.rowSpan, $0.colSpan] })
        #expect(result.template.fields.filter { $0.key != "reporter" }.allSatisfy { $0.rowKey.hasPrefix("field") })
    }
}
