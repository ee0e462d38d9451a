import Foundation
import Testing
@testable import Gongwen

/// Text that looks like SpreadsheetML's own escape, `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19
/// ST_Xstring), must reach a reader as it was typed: Excel decodes `_x0041_` in a cell to `A`,
/// so a literal one is written with its leading underscore escaped, `_x005F_x0041_`, the way
/// Excel writes it. The parts are read here with Foundation's XML parser, which knows nothing
/// of that escape, so the assertions see the escaped text as it stands in the file.
@Suite("Literal _xHHHH_ text in XLSX")
struct CellTextTests {
    /// Typed text, and how it must stand in the file.
    static let literals: [(typed: String, stored: String)] = [
        ("_x0041_", "_x005F_x0041_"),
        ("_x005F_", "_x005F_x005F_"),
        ("_xD800_", "_x005F_xD800_"),
        ("x_x0041_", "x_x005F_x0041_"),
        ("_x005F_x0041_", "_x005F_x005F_x005F_x0041_"),
        ("a_x00e9_b_x1234_", "a_x005F_x00e9_b_x005F_x1234_"),
        // Not the escape's form, so not escaped: Excel decodes a lower-case x only, and
        // exactly four hexadecimal digits between the underscores.
        ("_X0041_", "_X0041_"),
        ("_x004_", "_x004_"),
        ("_x00G1_", "_x00G1_"),
        ("_x0041", "_x0041"),
        ("仿宋_GB2312", "仿宋_GB2312"),
    ]

    /// The key-project form with one literal in each text field that has room for it.
    static func keyProjectData(_ texts: [String]) -> JSONValue {
        let keys = ["projectName", "organizer", "supervisor", "venue", "period", "leader", "contact", "address", "budget", "summary"]
        let pairs = zip(keys, texts).map { key, text in
            "\"\(key)\": \"\(text)\""
        }
        return Fixtures.json("{" + pairs.joined(separator: ", ") + "}")
    }

    @Test func cellValuesAreEscapedWhereTheyLookLikeTheEscape() throws {
        for chunk in stride(from: 0, to: Self.literals.count, by: 10) {
            let cases = Array(Self.literals[chunk..<min(chunk + 10, Self.literals.count)])
            let cells = try SheetCells(Fixtures.render("key-project-2020", Self.keyProjectData(cases.map(\.typed)), format: .xlsx))
            let stored = Set(cells.values.values)
            for (typed, expected) in cases {
                #expect(stored.contains(expected), "\(typed) should be stored as \(expected)")
            }
        }
    }

    /// The rows of a list form go through the same cells.
    @Test func listRowsAreEscapedToo() throws {
        let data = Fixtures.json(#"{"reporter": "_x0041_单位", "rows": [{"name": "_x0042_研究所", "content": "_X0043_"}]}"#)
        let cells = try SheetCells(Fixtures.render("open-institution-2020", data, format: .xlsx))
        let stored = Set(cells.values.values)
        #expect(stored.contains("_x005F_x0042_研究所"))
        #expect(stored.contains("_X0043_"))
        #expect(stored.contains { $0.hasSuffix("_x005F_x0041_单位") }, "the header line with the reporting unit")
    }

    /// Every other string the workbook hands libxlsxwriter that Excel reads as ST_Xstring: the
    /// title and notes (cells), the sheet's name, a field's label and hint (the data
    /// validation's title, prompt and message, and the hint in the empty cell) and the font
    /// name. The document properties are Dublin Core text, not ST_Xstring: Excel shows them
    /// as written, so they stay as typed.
    @Test func templateTextIsEscapedWhereExcelDecodesIt() throws {
        var template = try Fixtures.library.template(id: "key-project-2020")
        template.title = "备案表_x0041_"
        template.notes = ["注：_x0042_"]
        template.fonts.value.eastAsia = "仿宋_x0043_"
        let index = try #require(template.fields.firstIndex { $0.key == "projectName" })
        template.fields[index].label = "项目_x0044_"
        template.fields[index].hint = "提示_x0045_"
        let url = Fixtures.temporaryFolder().appendingPathComponent("form.xlsx")
        try XlsxWriter().write(FormSheetBuilder.build(template), to: url)
        let package = try OfficePackage(url: url)
        let cells = try SheetCells(package)
        #expect(cells["A1"] == "备案表_x005F_x0041_")
        #expect(cells.values.values.contains("注：_x005F_x0042_"))
        #expect(cells["B2"] == "提示_x005F_x0045_")
        let names = cells.styles.all("font").compactMap { $0.first("name")?["val"] }
        #expect(names.contains("仿宋_x005F_x0043_") && !names.contains("仿宋_x0043_"))
        let validation = try #require(cells.validation(covering: "B2"))
        #expect(validation["promptTitle"] == "项目_x005F_x0044_")
        #expect(validation["prompt"]?.hasSuffix("提示_x005F_x0045_") == true)
        #expect(validation["errorTitle"] == "填写有误：项目_x005F_x0044_")
        #expect(validation["error"]?.hasPrefix("项目_x005F_x0044_：") == true)
        let sheet = try #require(package.xml("xl/workbook.xml").first("sheet"))
        #expect(sheet["name"] == "备案表_x005F_x0041_")
        #expect(cells.sheet.first("oddFooter")?.text == "&C第 &P 页，共 &N 页")
        #expect(try package.xml("docProps/core.xml").first("dc:title")?.text == "备案表_x0041_")
    }

    /// Excel writes a typed `_x0041_` as `_x005F_x0041_` and keeps its own escapes for
    /// characters XML cannot carry: the reader decodes both, in shared and in inline strings.
    @Test func theReaderDecodesTheEscape() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("list.xlsx")
        try BatchTests.writeXlsx([["_x005F_x0041_", "_x0041_", "_X0041_", "a_x000D_b", "_xD83D__xDE00_"]], to: url)
        let sheet = try XlsxReader(path: url).firstSheet()
        #expect((0..<5).map { sheet[0, $0]?.text } == ["_x0041_", "A", "_X0041_", "a\rb", "😀"])
    }

    /// A decoded escape is checked like typed text: `_xFFFE_` in a returned list is U+FFFE,
    /// which no XML can carry and libxlsxwriter would pass through, and is refused as such.
    @Test func aDecodedNonCharacterIsStillRefused() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("list.xlsx")
        try BatchTests.writeXlsx([["项目名称"], ["甲_xFFFE_"]], to: url)
        let batch = try BatchRunner(library: Fixtures.library, templateID: "key-project-2020", options: BatchOptions(
            formats: [.xlsx], folder: Fixtures.temporaryFolder().appendingPathComponent("out"), pattern: nil,
            zip: false, keepGoing: false, jobs: 1))
        do {
            _ = try batch.plan(ListSource.open(url))
            Issue.record("the plan should have been refused")
        } catch let failure as BatchValidationFailure {
            #expect(failure.issues.map(\.description) == ["第 2 行：projectName（项目名称）：含有不允许的控制字符 U+FFFE [xml-character]"])
        }
    }

    /// What we write, collect reads back as it was typed.
    @Test(arguments: OutputFormat.allCases)
    func literalsSurviveTheWayBack(format: OutputFormat) throws {
        let template = try Fixtures.library.template(id: "key-project-2020")
        let validator = Fixtures.library.validator(for: template)
        let typed = Self.literals.prefix(10).map(\.typed)
        let sent = try validator.validate(Self.keyProjectData(typed)).values
        let file = try CollectTests.write(template.id, sent, format: format, in: Fixtures.temporaryFolder(), name: "returned")
        let forms = try FormCollector(library: Fixtures.library, templateID: template.id).collect([file])
        #expect(forms.first?.values == sent, "\(forms.first?.problems ?? [])")
    }
}

@Suite("Xstring")
struct XstringTests {
    @Test func textWithoutTheEscapesFormIsTheSameBytes() {
        for text in ["", "_", "_x", "仿宋_GB2312", "_X0041_", "_x004_", "_x00G1_", "_x0041", "a_b_c", "项目名称（500字内）"] {
            #expect(Array(Xstring.escaped(text).utf8) == Array(text.utf8), "\(text)")
            #expect(Xstring.decoded(text) == text)
            #expect(Xstring.escapedLength(of: text) == text.utf16.count)
        }
    }

    @Test(arguments: CellTextTests.literals)
    func escapedThenDecodedIsWhatWasTyped(typed: String, stored: String) {
        #expect(Xstring.escaped(typed) == stored)
        #expect(Xstring.escapedLength(of: typed) == stored.utf16.count)
        #expect(Xstring.decoded(stored) == typed)
    }

    @Test func decodingFollowsExcel() {
        #expect(Xstring.decoded("_x0041__x00e9_") == "Aé")
        #expect(Xstring.decoded("_xD83D__xDE00_") == "😀")
        // A lone surrogate names no character: kept as written.
        #expect(Xstring.decoded("_xD800_x") == "_xD800_x")
        #expect(Xstring.decoded("_xD800__x0041_") == "_xD800_A")
    }

    /// Cut at a character so that the escaped text keeps within the limit.
    @Test func fittingCutsTheTypedTextNotTheEscape() {
        #expect(Xstring.escaped("重点项目备案表", fitting: 31) == "重点项目备案表")
        #expect(Xstring.escaped(String(repeating: "表", count: 40), fitting: 31) == String(repeating: "表", count: 31))
        #expect(Xstring.escaped("备案表_x0041_" + String(repeating: "表", count: 20), fitting: 31)
                == "备案表_x005F_x0041_" + String(repeating: "表", count: 15))
        #expect(Xstring.escaped(String(repeating: "表", count: 28) + "_x0041_", fitting: 31) == String(repeating: "表", count: 28) + "_x0")
        #expect(Xstring.escaped(String(repeating: "😀", count: 20), fitting: 31) == String(repeating: "😀", count: 15))
    }
}
