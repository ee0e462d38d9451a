import Foundation
import Testing
@testable import Gongwen

@Suite("DOCX writer")
struct DocxWriterTests {
    func document(_ templateID: String, _ data: JSONValue? = nil) throws -> XMLNode {
        try Fixtures.render(templateID, data, format: .docx).xml("word/document.xml")
    }

    /// The text of each cell of each row of the first table.
    func tableText(_ doc: XMLNode) -> [[String]] {
        doc.first("w:tbl")!.children("w:tr").map { row in
            row.children("w:tc").map { cell in
                cell.all("w:p").map { p in
                    p.all("w:r").map { r in
                        r.children.map { $0.name == "w:t" ? $0.text : $0.name == "w:br" ? "\n" : "" }.joined()
                    }.joined()
                }.joined(separator: "\n")
            }
        }
    }

    @Test func packageHasEveryPartWithItsContentType() throws {
        let package = try Fixtures.render("key-project-2020", format: .docx)
        #expect(package.names.first == "[Content_Types].xml")
        #expect(Set(package.names) == [
            "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
            "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/theme/theme1.xml", "docProps/core.xml",
            "docProps/app.xml",
        ])
        let types = try package.xml("[Content_Types].xml")
        let overrides = Dictionary(uniqueKeysWithValues: types.all("Override").map { ($0["PartName"]!, $0["ContentType"]!) })
        #expect(overrides["/word/document.xml"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
        #expect(overrides["/word/styles.xml"]?.hasSuffix("styles+xml") == true)
        let rels = try package.xml("word/_rels/document.xml.rels").all("Relationship").map { $0["Target"]! }
        #expect(Set(rels) == ["styles.xml", "settings.xml", "fontTable.xml", "theme/theme1.xml"])
    }

    @Test func a4PortraitWithTheTemplateMargins() throws {
        let doc = try document("key-project-2020")
        let size = try #require(doc.first("w:pgSz"))
        #expect(size["w:w"] == "11906")
        #expect(size["w:h"] == "16838")
        #expect(size["w:orient"] == nil)
        let margins = try #require(doc.first("w:pgMar"))
        #expect(margins["w:top"] == "1417")   // 25 mm
        #expect(margins["w:left"] == "1134")  // 20 mm
        #expect(margins["w:bottom"] == "1134")
    }

    @Test func landscapeListForm() throws {
        let size = try #require(try document("open-institution-2020").first("w:pgSz"))
        #expect(size["w:w"] == "16838")
        #expect(size["w:h"] == "11906")
        #expect(size["w:orient"] == "landscape")
    }

    @Test func keyProjectTableSpansAndText() throws {
        let doc = try document("key-project-2020", Fixtures.example(.keyProject))
        #expect(doc.first("w:p")?.allText == "2020 年科技活动周重点项目（活动）备案表")
        let rows = doc.first("w:tbl")!.children("w:tr")
        #expect(rows.count == 9)
        let first = rows[0].children("w:tc")
        #expect(first.count == 2)
        #expect(first[1].first("w:gridSpan")?["w:val"] == "3")
        let text = tableText(doc)
        #expect(text[0] == ["项目名称", "“科技战疫 创新强国”科普大篷车进社区巡回展"])
        #expect(text[4] == ["地址", "郑州市中原区工人路 13 号", "邮政编码", "450007"])
        #expect(text[7] == ["拟参加人数", "3000"])
        // The stacked label is one character a line.
        #expect(text[8][0] == "项\n目\n简\n介\n（\n5\n0\n0\n字\n内\n）")
        let widths = doc.first("w:tblGrid")!.children("w:gridCol").map { Int($0["w:w"]!)! }
        #expect(widths.reduce(0, +) == 9638)  // 170 mm of text width
    }

    @Test func statisticsGroupsUseVerticalMerge() throws {
        let doc = try document("statistics-2022", Fixtures.example(.statistics))
        let rows = doc.first("w:tbl")!.children("w:tr")
        #expect(rows.count == 20)
        #expect(rows[0].children("w:tc")[0].first("w:vMerge")?["w:val"] == "restart")
        let continued = rows[1].children("w:tc")[0].first("w:vMerge")
        #expect(continued != nil && continued?["w:val"] == nil)
        #expect(rows[17].children("w:tc")[0].first("w:gridSpan")?["w:val"] == "2")
        let text = tableText(doc)
        #expect(text[0] == ["科普活动开展次数", "举办活动次数", "86"])
        #expect(text[1] == ["", "承接科技部活动任务个数", "3"])
        #expect(text[2][2] == "15.5")
        #expect(text[17] == ["活动周期间开放的科普场馆数量", "6"])
        #expect(doc.all("w:p")[1].allText == "部门/地方（盖章）：新乡市科学技术局")
    }

    @Test func listHeadingRowRepeatsAndRowsFollowTheData() throws {
        let rows = (1...60).map { #"{"name": "第\#($0)研究所", "phone": "0373-5820419"}"# }.joined(separator: ",")
        let doc = try document("open-institution-2020", Fixtures.json(#"{"reporter": "郑州市科技局", "rows": [\#(rows)]}"#))
        let tableRows = doc.first("w:tbl")!.children("w:tr")
        #expect(tableRows.count == 61)
        #expect(tableRows[0].first("w:tblHeader") != nil)
        #expect(tableRows[1].first("w:tblHeader") == nil)
        #expect(tableRows.allSatisfy { $0.first("w:cantSplit") != nil })
        let text = tableText(doc)
        #expect(text[0] == ["单位名称", "开放时间", "开放内容", "具体地址", "联系人", "联系方式"])
        #expect(text[60] == ["第60研究所", "", "", "", "", "0373-5820419"])
    }

    @Test func everyRunNamesItsEastAsianFontAndNoThemeFont() throws {
        let package = try Fixtures.render("key-project-2020", Fixtures.example(.keyProject), format: .docx)
        let doc = try package.xml("word/document.xml")
        let fonts = doc.all("w:rFonts")
        #expect(!fonts.isEmpty)
        for f in fonts {
            #expect(f["w:eastAsia"] != nil)
            #expect(f["w:ascii"] == "Times New Roman")
            #expect(f["w:hAnsi"] == "Times New Roman")
            #expect(f["w:cs"] == "Times New Roman")
            #expect(!f.attributes.keys.contains { $0.hasSuffix("Theme") })
        }
        #expect(doc.all("w:r").allSatisfy { $0.first("w:rFonts") != nil })
        let title = doc.first("w:r")!
        #expect(title.first("w:rFonts")?["w:eastAsia"] == "方正小标宋简体")
        #expect(title.first("w:sz")?["w:val"] == "36")
        let cellFonts = Set(doc.first("w:tbl")!.all("w:rFonts").map { $0["w:eastAsia"]! })
        #expect(cellFonts == ["仿宋_GB2312"])
        let styles = try package.xml("word/styles.xml")
        #expect(styles.first("w:rPrDefault")?.first("w:rFonts")?["w:eastAsia"] == "仿宋_GB2312")
        #expect(styles.first("w:lang")?["w:eastAsia"] == "zh-CN")
        let table = try package.xml("word/fontTable.xml")
        #expect(table.all("w:font").first { $0["w:name"] == "仿宋_GB2312" }?.first("w:altName")?["w:val"] == "仿宋")
    }

    @Test func hintIsGreyInBlankForms() throws {
        let doc = try document("key-project-2021")
        let hint = doc.all("w:r").first { $0.allText.contains("主要活动内容") }
        #expect(hint?.first("w:color")?["w:val"] == "808080")
        #expect(hint?.allText == "(主要活动内容、方式、参加人员、宣传方式)")
    }

    @Test func notesFollowTheTable() throws {
        let doc = try document("key-project-2021")
        let body = doc.first("w:body")!
        let afterTable = body.children.drop { $0.name != "w:tbl" }.dropFirst().filter { $0.name == "w:p" }.map(\.allText)
        #expect(afterTable == ["注：请按通知要求填写表格于 5 月 15 日前报市科技局政法科。", "联系人：王美竹 电话：6666209 13513936162", "邮箱：6666209@163.com"])
    }

    @Test func textThatMustSurviveIsEscapedAndKept() throws {
        let text = "A<B & \"C\" 𠀀𪚥😀（）〔〕：  two spaces"
        let package = try Fixtures.render("key-project-2020", .object(["projectName": .string(text), "summary": .string("一\n二\t三")]), format: .docx)
        let raw = String(decoding: try package.data("word/document.xml"), as: UTF8.self)
        #expect(raw.contains("A&lt;B &amp; \"C\""))
        let text0 = tableText(try package.xml("word/document.xml"))
        #expect(text0[0][1] == text)
        #expect(text0[8][1] == "一\n二三")
    }
}
