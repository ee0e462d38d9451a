import Foundation
import Testing
@testable import Gongwen

/// An Excel cell holds at most 32,767 UTF-16 code units, whatever a person counts: 500
/// characters with combining marks or tag characters can be far more. A value over it is a
/// field error found before anything is written, for every field, every list row, every
/// record of a batch and every returned form, so that it never becomes a write failure or a
/// cell Excel cuts short.
@Suite("Excel's cell limit")
struct CellLimitTests {
    let library = Fixtures.library

    /// `graphemes` characters of `units` UTF-16 code units in all: each a letter carrying
    /// tag characters (U+E0061, two units and one code point each) and, where the count is
    /// odd, one combining acute (one unit), which all stay in the letter's character.
    static func text(graphemes: Int, units: Int) -> String {
        var extra = units - graphemes
        var scalars = String.UnicodeScalarView()
        for i in 0..<graphemes {
            scalars.append("a")
            var share = extra / (graphemes - i)
            extra -= share
            if share % 2 == 1 {
                scalars.append("\u{0301}")
                share -= 1
            }
            scalars.append(contentsOf: repeatElement(Unicode.Scalar(0xE0061)!, count: share / 2))
        }
        return String(scalars)
    }

    /// `graphemes` letters carrying `marks` combining acutes each: one unit and one code point
    /// per mark.
    static func marked(graphemes: Int, marks: Int) -> String {
        String(repeating: "a" + String(repeating: "\u{0301}", count: marks), count: graphemes)
    }

    func issues(_ templateID: String, _ object: [String: JSONValue]) throws -> [FieldIssue] {
        let template = try library.template(id: templateID)
        do {
            _ = try library.validator(for: template).validate(.object(object))
            return []
        } catch {
            return error.issues
        }
    }

    func expectCellLimit(_ found: [FieldIssue], key: String, label: String, actual: Int,
                         sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(found.map(\.key) == [key], sourceLocation: sourceLocation)
        #expect(found.first?.label == label, sourceLocation: sourceLocation)
        #expect(found.first?.rule.id == "cell-limit", sourceLocation: sourceLocation)
        #expect(found.first?.message == "超出 Excel 单元格的容量：最多 32767 个字符（按 UTF-16 编码单元计，现有 \(actual) 个）",
                sourceLocation: sourceLocation)
    }

    @Test func fiveHundredCharactersOfCombiningMarksAreRefused() throws {
        let summary = Self.marked(graphemes: 500, marks: 70)
        #expect(summary.count == 500 && summary.unicodeScalars.count == 35_500)
        expectCellLimit(try issues("key-project-2020", ["projectName": .string("x"), "summary": .string(summary)]),
                        key: "summary", label: "项目简介", actual: 35_500)
    }

    @Test func fiveHundredCharactersOfFortyThousandUnitsAreRefused() throws {
        let summary = Self.text(graphemes: 500, units: 40_500)
        #expect(summary.count == 500 && summary.utf16.count == 40_500 && summary.unicodeScalars.count < 32_767)
        expectCellLimit(try issues("key-project-2020", ["projectName": .string("x"), "summary": .string(summary)]),
                        key: "summary", label: "项目简介", actual: 40_500)
    }

    /// At the limit the value is written, and read back whole.
    @Test func exactlyTheLimitIsWrittenWhole() throws {
        let summary = Self.text(graphemes: 500, units: 32_767)
        #expect(try issues("key-project-2020", ["projectName": .string("x"), "summary": .string(summary)]).isEmpty)
        let cells = try SheetCells(Fixtures.render("key-project-2020", .object(["projectName": .string("x"), "summary": .string(summary)]), format: .xlsx))
        #expect(cells["B10"] == summary)
    }

    /// Every field type, before its own rules: one character of 33,000 code units.
    @Test(arguments: [
        ("key-project-2020", "projectName", "项目名称"), ("key-project-2020", "email", "电子邮箱"),
        ("key-project-2020", "phone", "联系电话"), ("key-project-2020", "postcode", "邮政编码"),
        ("key-project-2020", "participants", "拟参加人数"), ("statistics-2022", "funds.central", "中央财政经费投入情况"),
    ])
    func everyFieldTypeHasTheLimit(templateID: String, key: String, label: String) throws {
        let value = Self.marked(graphemes: 1, marks: 32_999)
        var object: [String: JSONValue] = [key: .string(value)]
        if key != "projectName", templateID == "key-project-2020" { object["projectName"] = .string("x") }
        if templateID == "statistics-2022" { object["reporter"] = .string("新乡市科学技术局") }
        expectCellLimit(try issues(templateID, object), key: key, label: label, actual: 33_000)
    }

    @Test func listRowsHaveTheLimit() throws {
        let name = Self.marked(graphemes: 10, marks: 3_300)
        let found = try issues("open-institution-2020", ["reporter": .string("郑州市科技局"), "rows": .array([.object(["name": .string("郑州大学")]), .object(["name": .string(name)])])])
        expectCellLimit(found, key: "rows[1].name", label: "单位名称", actual: 33_010)
    }

    /// The header line's cell holds its text and the reporting unit after it: the unit has
    /// the room the text leaves.
    @Test func theHeaderLineCountsItsTextToo() throws {
        let header = "填报单位（盖章）："
        let roomy = Self.text(graphemes: 100, units: 32_767 - header.utf16.count)
        #expect(try issues("open-institution-2020", ["reporter": .string(roomy)]).isEmpty)
        let full = Self.text(graphemes: 100, units: 32_767)
        expectCellLimit(try issues("open-institution-2020", ["reporter": .string(full)]),
                        key: "reporter", label: "填报单位", actual: 32_767 + header.utf16.count)
    }

    /// A literal `_xHHHH_` is handed to libxlsxwriter with its underscore escaped, seven more
    /// characters that libxlsxwriter counts against the same limit: a value that would only
    /// fit unescaped is refused here, not by the writer.
    @Test func escapedLiteralsCountWhereTheWriterCountsThem() throws {
        let summary = String(repeating: "_x0041_", count: 70) + Self.marked(graphemes: 10, marks: 3_220)
        #expect(summary.count == 500 && summary.utf16.count == 32_700)
        expectCellLimit(try issues("key-project-2020", ["projectName": .string("x"), "summary": .string(summary)]),
                        key: "summary", label: "项目简介", actual: 32_700 + 70 * 6)
    }

    /// Text that only a template holds (a note, over the table's width) is not validated:
    /// when libxlsxwriter refuses it in a merged range, the write fails instead of leaving the
    /// range empty.
    @Test func mergedTextTheWriterRefusesIsAnErrorNotAnEmptyCell() throws {
        var template = try library.template(id: "key-project-2020")
        template.notes = [Self.marked(graphemes: 10, marks: 3_300)]
        let url = Fixtures.temporaryFolder().appendingPathComponent("form.xlsx")
        #expect(throws: XlsxError.self) { try XlsxWriter().write(FormSheetBuilder.build(template), to: url) }
    }

    @Test func aBatchRecordOverTheLimitIsRefusedBeforeAnythingIsWritten() throws {
        let folder = Fixtures.temporaryFolder().appendingPathComponent("out")
        let summary = Self.marked(graphemes: 500, marks: 70)
        let source = try JSONLinesList.open(.memory(Data("""
            {"projectName": "甲", "summary": "好"}
            {"projectName": "乙", "summary": "\(summary)"}

            """.utf8)), file: "list.jsonl")
        let batch = try BatchRunner(library: library, templateID: "key-project-2020", options: BatchOptions(
            formats: [.xlsx], folder: folder, pattern: nil, zip: false, keepGoing: false, jobs: 1))
        do {
            _ = try batch.plan(source)
            Issue.record("the plan should have been refused")
        } catch let failure as BatchValidationFailure {
            #expect(failure.issues.map(\.description) == [
                "第 2 行：summary（项目简介）：超出 Excel 单元格的容量：最多 32767 个字符（按 UTF-16 编码单元计，现有 35500 个） [cell-limit]",
            ])
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    /// A returned form whose cell holds more than Excel's limit (a DOCX has no such limit; an
    /// XLSX from a writer that does not check) is not collected.
    @Test(arguments: OutputFormat.allCases)
    func aReturnedFormOverTheLimitIsNotCollected(format: OutputFormat) throws {
        let template = try library.template(id: "key-project-2020")
        let values = FormValues(values: ["projectName": .text("甲"), "summary": .text(Self.text(graphemes: 500, units: 40_500))])
        let file = try CollectTests.write(template.id, values, format: format, in: Fixtures.temporaryFolder(), name: "returned")
        let forms = try FormCollector(library: library, templateID: template.id).collect([file])
        guard case .invalid(let failure)? = forms.first?.outcome else {
            Issue.record("collected: \(forms.first?.problems ?? [])")
            return
        }
        expectCellLimit(failure.issues, key: "summary", label: "项目简介", actual: 40_500)
    }
}
