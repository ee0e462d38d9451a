import Foundation
import Testing
@testable import Gongwen

@Suite("XLSX writer")
struct XlsxWriterTests {
    @Test func keyProjectFilledHasTitleMergesAndValues() throws {
        let cells = try SheetCells(Fixtures.render("key-project-2020", Fixtures.example(.keyProject), format: .xlsx))
        #expect(cells["A1"] == "2020 年科技活动周重点项目（活动）备案表")
        // Title across the four columns; full-width values across the three value columns.
        #expect(cells.merges.isSuperset(of: ["A1:D1", "B2:D2", "B9:D9", "B10:D10"]))
        #expect(cells["A2"] == "项目名称")
        #expect(cells["B2"] == "“科技战疫 创新强国”科普大篷车进社区巡回展")
        #expect(cells["C6"] == "邮政编码")
        #expect(cells["D6"] == "450007")
        #expect(cells["B9"] == "3000")
        #expect(cells["A10"] == "项目简介（500字内）")
        #expect(cells["B10"]?.contains("\n") == true)
    }

    @Test func fontsAndStackedLabel() throws {
        let cells = try SheetCells(Fixtures.render("key-project-2020", format: .xlsx))
        #expect(cells.font(of: "A1")?.name == "方正小标宋简体")
        #expect(cells.font(of: "A1")?.size == "18")
        #expect(cells.font(of: "A2")?.name == "仿宋_GB2312")
        #expect(cells.format(of: "A10")?.first("alignment")?["textRotation"] == "255")
        #expect(cells.format(of: "B10")?.first("alignment")?["wrapText"] == "1")
    }

    @Test func blankFormShowsTheHintInGrey() throws {
        let cells = try SheetCells(Fixtures.render("key-project-2020", format: .xlsx))
        #expect(cells["B10"] == "（主要活动内容、方式、参加人员、宣传方式）")
        let fontID = Int(cells.format(of: "B10")!["fontId"]!)!
        #expect(cells.styles.first("fonts")!.children("font")[fontID].first("color")?["rgb"] == "FF808080")
        #expect(cells["B2"] == nil)
    }

    @Test func pageSetupIsA4CentredOnePageWide() throws {
        let package = try Fixtures.render("open-institution-2020", format: .xlsx)
        let sheet = try package.xml("xl/worksheets/sheet1.xml")
        let setup = try #require(sheet.first("pageSetup"))
        #expect(setup["paperSize"] == "9")
        #expect(setup["orientation"] == "landscape")
        #expect(setup["fitToWidth"] == nil || setup["fitToWidth"] == "1")
        #expect(setup["fitToHeight"] == "0")
        #expect(sheet.first("pageSetUpPr")?["fitToPage"] == "1")
        #expect(sheet.first("printOptions")?["horizontalCentered"] == "1")
        let margins = try #require(sheet.first("pageMargins"))
        #expect(Double(margins["left"]!)! == 20 / 25.4)
        #expect(sheet.first("oddFooter")?.text == "&C第 &P 页，共 &N 页")
        let portrait = try Fixtures.render("key-project-2020", format: .xlsx).xml("xl/worksheets/sheet1.xml")
        #expect(portrait.first("pageSetup")?["orientation"] == "portrait")
    }

    @Test func listFormRepeatsItsHeadingRowOnEveryPrintedPage() throws {
        let rows = (1...60).map { #"{"name": "第\#($0)研究所", "content": "开放实验室"}"# }.joined(separator: ",")
        let package = try Fixtures.render("open-institution-2020", Fixtures.json(#"{"reporter": "郑州市科技局", "rows": [\#(rows)]}"#), format: .xlsx)
        let workbook = try package.xml("xl/workbook.xml")
        let titles = workbook.all("definedName").first { $0["name"] == "_xlnm.Print_Titles" }
        #expect(titles?.text.hasSuffix("!$3:$3") == true)
        let cells = try SheetCells(package)
        #expect(cells["A2"] == "填报单位（盖章）：郑州市科技局")
        #expect(cells["A3"] == "单位名称")
        #expect(cells["F3"] == "联系方式")
        #expect(cells["A4"] == "第1研究所")
        #expect(cells["A63"] == "第60研究所")
        #expect(cells["C63"] == "开放实验室")
    }

    @Test func blankListHasEmptyInputRows() throws {
        let cells = try SheetCells(Fixtures.render("open-institution-2020-quanzhou", format: .xlsx))
        #expect(cells["A3"] == "单位名称")
        #expect(cells["D3"] == "联系人")
        #expect(cells.sheet.all("row").count >= 3 + 15)
        #expect(!cells.isLocked("A4"))
        #expect(cells.isLocked("A3"))
    }

    @Test func statisticsGroupsAreMergedDownAndSpanningRowsAcross() throws {
        let cells = try SheetCells(Fixtures.render("statistics-2022", Fixtures.example(.statistics), format: .xlsx))
        #expect(cells["A2"] == "部门/地方（盖章）：新乡市科学技术局")
        #expect(cells["A3"] == "科普活动开展次数")
        #expect(cells.merges.isSuperset(of: ["A3:A4", "A5:A11", "A12:A15", "A16:A17", "A18:A19", "A20:B20", "A21:B21", "A22:B22"]))
        #expect(cells["B5"] == "中央财政经费投入情况")
        #expect(cells["C5"].flatMap(Double.init) == 15.5)
        // Numbers are numbers, not text.
        let c3 = cells.sheet.all("c").first { $0["r"] == "C3" }
        #expect(c3?["t"] == nil)
    }

    @Test func sheetIsProtectedWithInputsUnlocked() throws {
        let cells = try SheetCells(Fixtures.render("key-project-2020", Fixtures.example(.keyProject), format: .xlsx))
        let protection = try #require(cells.sheet.first("sheetProtection"))
        #expect(protection["sheet"] == "1")
        #expect(protection["password"] == nil)
        #expect(cells.isLocked("A2"))
        #expect(!cells.isLocked("B2"))
        #expect(!cells.isLocked("B10"))
    }

    @Test func dataValidationPerFieldType() throws {
        let cells = try SheetCells(Fixtures.render("key-project-2020", format: .xlsx))
        let participants = try #require(cells.validation(covering: "B9"))
        #expect(participants["type"] == "whole")
        #expect(participants["operator"] == "greaterThanOrEqual")
        #expect(participants.first("formula1")?.text == "0")
        #expect(participants["promptTitle"] == "拟参加人数")
        #expect(participants["prompt"]?.contains("整数") == true)
        #expect(participants["error"]?.contains("拟参加人数") == true)
        let summary = try #require(cells.validation(covering: "B10"))
        #expect(summary["type"] == "textLength")
        #expect(summary["operator"] == "lessThanOrEqual")
        #expect(summary.first("formula1")?.text == "500")
        let postcode = try #require(cells.validation(covering: "D6"))
        #expect(postcode["type"] == "custom")
        #expect(postcode.first("formula1")?.text == "AND(LEN(D6)=6,ISNUMBER(--D6))")
        let email = try #require(cells.validation(covering: "B8"))
        #expect(email["type"] == "custom")

        let stats = try SheetCells(Fixtures.render("statistics-2022", format: .xlsx))
        #expect(stats.validation(covering: "C5")?["type"] == "decimal")
        #expect(stats.validation(covering: "C3")?["type"] == "whole")
    }

    @Test func listValidationCoversTheWholeColumn() throws {
        let cells = try SheetCells(Fixtures.render("open-institution-2020", format: .xlsx))
        #expect(cells.validation(covering: "F4")?["sqref"] == "F4:F18")
    }

    @Test func textThatMustSurvive() throws {
        let text = "A<B & \"C\" 𠀀𪚥😀（）〔〕："
        let data = JSONValue.object(["projectName": .string(text), "summary": .string("第一行\n第二行")])
        let cells = try SheetCells(Fixtures.render("key-project-2020", data, format: .xlsx))
        #expect(cells["B2"] == text)
        #expect(cells["B10"] == "第一行\n第二行")
    }

    @Test func coreProperties() throws {
        let package = try Fixtures.render("statistics-2022", format: .xlsx)
        let core = try package.xml("docProps/core.xml")
        #expect(core.first("dc:title")?.text == "2022 年全国科技活动周开展情况统计表")
        #expect(core.first("dc:creator")?.text == "Gongwen")
    }
}
