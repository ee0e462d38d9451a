import Foundation
import Testing
@testable import Gongwen

/// The standard's numbers asserted on the XML of generated notices.
@Suite("Notices (GB/T 9704)")
struct NoticeTests {
    static let layouts = Fixtures.repository.appendingPathComponent("templates/layouts")

    static func notice(_ name: String) throws -> NoticeDocument {
        let url = Fixtures.repository.appendingPathComponent("examples/notices/\(name).json")
        return try NoticeRenderer.decode(Data(contentsOf: url), source: url.path)
    }

    static func render(_ notice: NoticeDocument) throws -> OfficePackage {
        let renderer = NoticeRenderer(library: Fixtures.library, layouts: layouts)
        let validated = try renderer.validate(notice, baseFolder: Fixtures.repository.appendingPathComponent("examples/notices"))
        let url = Fixtures.temporaryFolder().appendingPathComponent("notice.docx")
        try renderer.writeDocx(validated, to: url)
        return try OfficePackage(url: url)
    }

    static func render(_ name: String) throws -> (package: OfficePackage, body: XMLNode) {
        let package = try render(notice(name))
        return (package, try package.xml("word/document.xml").first("w:body")!)
    }

    /// The body's paragraphs (outside tables and frames) with their text.
    static func paragraphs(_ body: XMLNode) -> [XMLNode] { body.children("w:p") }

    static func paragraph(_ body: XMLNode, containing text: String) -> XMLNode? {
        body.all("w:p").first { $0.allText.contains(text) }
    }

    static func runs(_ p: XMLNode) -> [XMLNode] { p.children("w:r") }

    @Test func pageIsA4WithTheStandardMargins() throws {
        let (_, body) = try Self.render("000")
        let sections = body.all("w:sectPr")
        #expect(!sections.isEmpty)
        let portrait = sections.first { $0.first("w:pgSz")?["w:orient"] == nil }!
        #expect(portrait.first("w:pgSz")?["w:w"] == "11906")
        #expect(portrait.first("w:pgSz")?["w:h"] == "16838")
        let m = portrait.first("w:pgMar")!
        #expect(m["w:top"] == "2098")     // 37 mm
        #expect(m["w:left"] == "1587")    // 28 mm
        #expect(m["w:right"] == "1474")   // 26 mm
        #expect(m["w:bottom"] == "1984")  // 35 mm
    }

    @Test func bodyLinesAreOnTheGrid() throws {
        let (_, body) = try Self.render("000")
        let p = try #require(Self.paragraph(body, containing: "深入学习贯彻习近平新时代"))
        let spacing = try #require(p.first("w:pPr")?.first("w:spacing"))
        #expect(spacing["w:line"] == "579")
        #expect(spacing["w:lineRule"] == "exact")
        #expect(p.first("w:ind")?["w:firstLine"] == "630")  // two characters of 15.75 pt
        let run = Self.runs(p)[0]
        #expect(run.first("w:rFonts")?["w:eastAsia"] == "仿宋_GB2312")
        #expect(run.first("w:sz")?["w:val"] == "32")        // 三号
        #expect(run.first("w:rPr")?.first("w:spacing")?["w:val"] == "-5")
        #expect(p.first("w:widowControl")?["w:val"] == "0")
        // No character grid: Word's linesAndChars grid halves the line in LibreOffice.
        #expect(body.all("w:docGrid").allSatisfy { $0["w:type"] == nil })
    }

    @Test func redIssuerMarkAndSeparatorLine() throws {
        let (_, body) = try Self.render("000")
        let mark = try #require(Self.paragraph(body, containing: "郑州市科普工作联席办公会议办公室文件"))
        let run = Self.runs(mark)[0]
        #expect(run.first("w:color")?["w:val"] == "FF0000")
        #expect(run.first("w:rFonts")?["w:eastAsia"] == "方正小标宋简体")
        #expect(mark.first("w:jc")?["w:val"] == "center")
        let number = try #require(Self.paragraph(body, containing: "郑科普联办〔2020〕2号"))
        #expect(number.first("w:jc")?["w:val"] == "center")
        let line = try #require(number.first("w:pBdr")?.first("w:bottom"))
        #expect(line["w:color"] == "FF0000")
        #expect(line["w:val"] == "single")
        #expect(line["w:sz"] == "11")       // 0.5 mm, the preset's thickness
        #expect(line["w:space"] == "6")     // 4 mm below the number's glyphs (NoticePageTests)
        // Two lines between the mark and the number.
        #expect(number.first("w:spacing")?["w:before"] == "1053")   // two lines less the mark's spare 5.25 pt
    }

    @Test func jointIssuerStacksNamesWithTheSuffixBeside() throws {
        let (_, body) = try Self.render("004")
        let table = try #require(body.children("w:tbl").first)
        let rows = table.children("w:tr")
        #expect(rows.map { $0.children("w:tc")[0].allText } == ["濮阳市科学技术局", "中共濮阳市委宣传部", "濮阳市科学技术协会"])
        #expect(rows[0].children("w:tc")[1].allText == "文件")
        #expect(rows[0].children("w:tc")[1].first("w:vMerge")?["w:val"] == "restart")
        #expect(rows[1].children("w:tc")[1].first("w:vMerge") != nil)
        #expect(rows[0].children("w:tc")[1].first("w:vAlign")?["w:val"] == "center")
        #expect(table.all("w:color").allSatisfy { $0["w:val"] == "FF0000" })
    }

    @Test func titleAndRecipients() throws {
        let (_, body) = try Self.render("000")
        let title = try #require(Self.paragraph(body, containing: "关于举办2020年全市科技活动周的通知"))
        let run = Self.runs(title)[0]
        #expect(run.first("w:rFonts")?["w:eastAsia"] == "方正小标宋简体")
        #expect(run.first("w:sz")?["w:val"] == "44")   // 二号
        #expect(title.first("w:jc")?["w:val"] == "center")
        let first = try #require(Self.paragraph(body, containing: "郑州市科普联席办"))
        #expect(first.first("w:spacing")?["w:before"] == "1158")  // two lines below the red line
        let recipients = try #require(Self.paragraph(body, containing: "各县（市、区）、开发区科技行政主管部门"))
        #expect(recipients.allText.hasSuffix("："))
        #expect(recipients.first("w:spacing")?["w:before"] == "579")
        #expect(recipients.first("w:ind")?["w:firstLine"] == "0")
    }

    @Test func headingsAreNumberedFromTheNestingInTheFontOfTheirLevel() throws {
        let (_, body) = try Self.render("demo-sealed")
        func heading(_ text: String) throws -> (String, String) {
            let p = try #require(Self.paragraph(body, containing: text))
            let run = Self.runs(p)[0]
            return (run.allText, run.first("w:rFonts")!["w:eastAsia"]!)
        }
        #expect(try heading("总结内容") == ("一、总结内容", "黑体"))
        #expect(try heading("活动开展情况。") == ("（一）活动开展情况。", "楷体_GB2312"))
        #expect(try heading("经验与问题。") == ("（二）经验与问题。", "楷体_GB2312"))
        #expect(try heading("做法：") == ("1.做法：", "仿宋_GB2312"))
        #expect(try heading("问题：") == ("2.问题：", "仿宋_GB2312"))
        #expect(try heading("原因分析") == ("（1）原因分析", "仿宋_GB2312"))
        #expect(try heading("报送要求") == ("二、报送要求", "黑体"))
        // The text after a run-in heading is body text.
        let p = try #require(Self.paragraph(body, containing: "活动开展情况。"))
        #expect(Self.runs(p)[1].first("w:rFonts")?["w:eastAsia"] == "仿宋_GB2312")
    }

    @Test func addingASectionRenumbersTheOnesAfterIt() throws {
        var notice = try Self.notice("demo-sealed")
        notice.body.insert(BodyBlock(heading: "新增部分", text: nil, body: nil, contact: nil), at: 2)
        let body = try Self.render(notice).xml("word/document.xml")
        #expect(Self.paragraph(body, containing: "新增部分")?.allText == "二、新增部分")
        #expect(Self.paragraph(body, containing: "报送要求")?.allText == "三、报送要求")
    }

    @Test func attachmentListIndentsAndAlignsNames() throws {
        let (_, body) = try Self.render("000")
        let first = try #require(Self.paragraph(body, containing: "附件：1."))
        let second = try #require(Self.paragraphs(body).first { $0.allText.hasPrefix("2.") && $0.allText.contains("备案表") })
        // 附件： starts two characters in; the names of both lines start at the same place.
        let ind1 = first.first("w:ind")!, ind2 = second.first("w:ind")!
        #expect(Int(ind1["w:left"]!)! - Int(ind1["w:hanging"]!)! == 630)
        #expect(ind1["w:left"] == ind2["w:left"])
        #expect(first.first("w:tab")?["w:pos"] == ind1["w:left"])
        #expect(first.first("w:spacing")?["w:before"] == "579")
        #expect(first.allText == "附件：1.\u{0009}2020年科技活动周重点项目（活动）备案表".replacingOccurrences(of: "\t", with: ""))
        let (_, single) = try Self.render("003")
        let only = try #require(Self.paragraph(single, containing: "附件："))
        #expect(only.allText == "附件：2022年全国科技活动周开展情况统计表")
        let ind = only.first("w:ind")!
        #expect(Int(ind["w:left"]!)! - Int(ind["w:hanging"]!)! == 630)
    }

    @Test func unsealedSignatureStandsTwoCharactersFromTheRight() throws {
        let (_, body) = try Self.render("000")
        let name = try #require(Self.paragraphs(body).first { $0.allText == "郑州市科普工作联席办公会议办公室" })
        let date = try #require(Self.paragraphs(body).first { $0.allText == "2020年7月22日" })
        let width = 8844, char = 315
        let nameWidth = 16 * char
        // The name ends two characters from the right; the date starts two characters after it.
        #expect(Int(name.first("w:ind")!["w:left"]!)! == width - 2 * char - nameWidth)
        #expect(Int(date.first("w:ind")!["w:left"]!)! == width - 2 * char - nameWidth + 2 * char)
        #expect(name.first("w:spacing")?["w:before"] == "579")
    }

    @Test func aDateLongerThanTheNameKeepsTwoCharactersFromTheRight() throws {
        var notice = try Self.notice("000")
        notice.signature = SignatureBlock(organs: [SignatoryOrgan(name: "市科技局", seal: nil)], sealed: false)
        let body = try Self.render(notice).xml("word/document.xml").first("w:body")!
        let date = try #require(Self.paragraphs(body).first { $0.allText == "2020年7月22日" })
        let name = try #require(Self.paragraphs(body).first { $0.allText == "市科技局" })
        // The date right-aligned two characters from the right, whatever the engine's spacing.
        #expect(date.first("w:jc")?["w:val"] == "right")
        #expect(date.first("w:ind")?["w:right"] == "630")
        // The name two characters left of the date's start; the width counts the five places
        // where Han text meets digits, as LibreOffice spaces them (70 twips each).
        let dateWidth = 4 * 155 + 3 * 315 + 155 + 2 * 155 + 5 * 70
        #expect(Int(name.first("w:ind")!["w:left"]!)! == 8844 - 2 * 315 - dateWidth - 2 * 315)
    }

    @Test func sealedSignatureCentresNamesUnderSealsAndRightAlignsTheDate() throws {
        let (package, body) = try Self.render("demo-sealed")
        let date = try #require(Self.paragraphs(body).first { $0.allText == "2025年5月30日" })
        #expect(date.first("w:jc")?["w:val"] == "right")
        #expect(date.first("w:ind")?["w:right"] == "1260")  // four characters
        let names = try #require(Self.paragraphs(body).first { $0.allText.contains("示例市科学技术局") && $0.first("w:drawing") != nil })
        let anchors = names.all("wp:anchor")
        #expect(anchors.count == 2)
        let extent = anchors[0].first("wp:extent")!
        #expect(extent["cx"] == String(2381 * 635))  // 42 mm
        // Seals do not touch: their left edges are more than a diameter apart.
        let xs = anchors.map { Int($0.first("wp:positionH")!.first("wp:posOffset")!.text)! }
        #expect(xs[1] - xs[0] > 2381 * 635)
        // The last seal is centred on the date, as wide as LibreOffice sets it (five places
        // where Han text meets digits, 70 twips each).
        let dateWidth = 4 * 155 + 3 * 315 + 155 + 2 * 155 + 5 * 70
        #expect(abs(xs[1] / 635 + 2381 / 2 - (8844 - 4 * 315 - dateWidth / 2)) <= 1)
        let rels = try package.xml("word/_rels/document.xml.rels").all("Relationship")
        #expect(rels.filter { $0["Type"]!.hasSuffix("/image") }.count == 2)
        #expect(package.names.contains("word/media/seal1.png"))
    }

    @Test func sealedWithoutImagesKeepsTheSealSpace() throws {
        let (_, body) = try Self.render("003")
        let names = Self.paragraphs(body).filter { $0.allText.contains("新乡市科学技术局") && $0.first("w:tabs") != nil }
        #expect(!names.isEmpty)
        #expect(body.all("w:drawing").isEmpty)
        // A spacer of two lines above the first row of names.
        let index = body.children.firstIndex { $0 === names[0] }!
        let before = body.children[..<index].last { $0.name == "w:p" }!
        #expect(before.first("w:spacing")?["w:line"] != nil)
    }

    @Test func noteIsInParenthesesTwoCharactersIn() throws {
        let (_, body) = try Self.render("004")
        let note = try #require(Self.paragraphs(body).first { $0.allText == "（信息公开选项：主动公开）" })
        #expect(note.first("w:ind")?["w:firstLine"] == "630")
    }

    @Test func attachmentsStartOnNewPagesWithLabelAndTitle() throws {
        let (_, body) = try Self.render("000")
        let labels = Self.paragraphs(body).filter { $0.allText == "附件1" || $0.allText == "附件2" }
        #expect(labels.count == 2)
        let first = labels[0]
        #expect(first.first("w:pageBreakBefore") != nil)
        #expect(Self.runs(first)[0].first("w:rFonts")?["w:eastAsia"] == "黑体")
        #expect(first.first("w:jc")?["w:val"] == "left")
        let index = body.children.firstIndex { $0 === first }!
        let title = body.children[index + 1]
        #expect(title.allText == "2020年科技活动周重点项目（活动）备案表")
        #expect(title.first("w:spacing")?["w:before"] == "579")  // the third line
        #expect(Self.runs(title)[0].first("w:sz")?["w:val"] == "44")
        // The landscape list form gets a landscape section of its own.
        #expect(body.all("w:pgSz").contains { $0["w:orient"] == "landscape" })
        let tables = body.children("w:tbl")
        #expect(tables.count == 2)
        #expect(tables[1].children("w:tr")[0].first("w:tblHeader") != nil)
    }

    @Test func colophonLinesAtTheFootOfTheLastPage() throws {
        let (_, body) = try Self.render("demo-sealed")
        let table = try #require(body.children("w:tbl").last)
        #expect(table.first("w:tblpPr")?["w:tblpYSpec"] == "bottom")
        let rows = table.children("w:tr")
        #expect(rows.map(\.allText) == ["抄送：示例市人民政府办公室，示例省科学技术厅，示例省科学技术协会。", "示例市科学技术局办公室2025年5月30日印发"])
        #expect(Self.runs(rows[0].first("w:p")!)[0].first("w:sz")?["w:val"] == "28")        // 四号
        #expect(rows[1].first("w:tab")?["w:val"] == "right")
        #expect(rows[1].first("w:ind")?["w:left"] == "280")                   // one 四号 character in
    }

    @Test func oddAndEvenFootersWithCachedPageNumbers() throws {
        let (package, _) = try Self.render("000")
        let settings = try package.xml("word/settings.xml")
        #expect(settings.first("w:evenAndOddHeaders") != nil)
        let odd = try package.xml("word/footer1.xml")
        let even = try package.xml("word/footer2.xml")
        #expect(odd.first("w:jc")?["w:val"] == "right")
        #expect(odd.first("w:ind")?["w:right"] == "280")   // one 四号 character, the number's own size
        #expect(even.first("w:jc")?["w:val"] == "left")
        #expect(even.first("w:ind")?["w:left"] == "280")
        #expect(odd.allText.replacingOccurrences(of: " PAGE ", with: "") == "— 1 —")
        #expect(even.allText.replacingOccurrences(of: " PAGE ", with: "") == "— 2 —")
        #expect(odd.all("w:fldChar").map { $0["w:fldCharType"]! } == ["begin", "separate", "end"])
        #expect(odd.first("w:instrText")?.text == " PAGE ")
        #expect(odd.first("w:rFonts")?["w:eastAsia"] == "宋体")
        #expect(odd.first("w:sz")?["w:val"] == "28")
        let document = try package.xml("word/document.xml")
        for section in document.all("w:sectPr") {
            let refs = section.all("w:footerReference").map { $0["w:type"]! }
            #expect(refs == ["default", "even"])
        }
    }

    @Test func upwardDocumentPutsTheNumberLeftAndTheSignerRight() throws {
        let (_, body) = try Self.render("demo-upward")
        let line = try #require(Self.paragraph(body, containing: "签发人："))
        #expect(line.first("w:jc")?["w:val"] == "left")
        #expect(line.first("w:tab")?["w:pos"] == "315")    // the number one character in
        let runs = Self.runs(line)
        #expect(runs[0].allText == "示科〔2025〕12号")
        #expect(runs.last?.allText == "张示例")
        #expect(runs.last?.first("w:rFonts")?["w:eastAsia"] == "楷体_GB2312")
        let marks = Self.paragraphs(body).prefix(3).map(\.allText)
        #expect(marks == ["000015", "秘密★1年", "加急"])
        #expect(Self.runs(Self.paragraphs(body)[1])[0].first("w:rFonts")?["w:eastAsia"] == "黑体")
    }

    @Test func fontsAreExplicitEverywhere() throws {
        let (package, body) = try Self.render("004")
        for fonts in body.all("w:rFonts") {
            #expect(fonts["w:eastAsia"] != nil && fonts["w:ascii"] != nil && fonts["w:hAnsi"] != nil && fonts["w:cs"] != nil)
            #expect(!fonts.attributes.keys.contains { $0.hasSuffix("Theme") })
        }
        let table = try package.xml("word/fontTable.xml").all("w:font").compactMap { $0["w:name"] }
        #expect(Set(["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"]).isSubset(of: Set(table)))
    }

    @Test(arguments: [("2020-07-22", "2020年7月22日"), ("2021-05-08", "2021年5月8日"), ("2024-02-29", "2024年2月29日")])
    func datesAreWrittenWithoutLeadingZeros(iso: String, chinese: String) {
        #expect(NoticeValidator.chineseDate(iso) == chinese)
    }

    @Test(arguments: ["2020-13-01", "2021-02-29", "2020-7-22", "20200722", "2020-00-10", "2020-04-31"])
    func badDates(iso: String) {
        #expect(NoticeValidator.chineseDate(iso) == nil)
    }

    @Test func everyProblemOfANoticeIsReportedTogether() throws {
        var notice = try Self.notice("000")
        notice.date = "2020-13-01"
        notice.body[0].text = "控制\u{7}字符"
        notice.attachments.append(NoticeAttachment(name: "不存在的附件", form: nil, body: nil))
        notice.attachments.append(NoticeAttachment(name: "未知表格", form: AttachedForm(template: "no-such-template", data: nil), body: nil))
        notice.attachments.append(NoticeAttachment(name: "另行发送又有正文", body: [BodyBlock(heading: nil, text: "x", body: nil, contact: nil)], separate: true))
        notice.attachments.append(NoticeAttachment(name: "另行发送", separate: true))
        notice.attachments[0].form?.data = .object(["projectName": .string("x"), "postcode": .string("1234")])
        let renderer = NoticeRenderer(library: Fixtures.library, layouts: Self.layouts)
        do {
            _ = try renderer.validate(notice, baseFolder: Fixtures.repository)
            Issue.record("expected a validation failure")
        } catch let failure as ValidationFailure {
            let found = Dictionary(failure.issues.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            #expect(found["date"]?.rule == .invalidDate)
            #expect(found["date"]?.label == "成文日期")
            #expect(found["body[0].text"]?.rule == .forbiddenCharacter(7))
            #expect(found["attachments[2]"]?.rule == .attachmentContent)
            #expect(found["attachments[3].form.template"]?.rule == .unknownTemplate)
            #expect(found["attachments[4]"]?.rule == .attachmentContent, "sent separately and text at once")
            #expect(found["attachments[5]"] == nil, "sent separately alone is an attachment")
            #expect(found["attachments[0].form.data.postcode"]?.label == "邮政编码")
        }
    }

    @Test func aMissingSealImageIsADataError() throws {
        var notice = try Self.notice("demo-sealed")
        notice.signature.organs[0].seal = "no-such-seal.png"
        let renderer = NoticeRenderer(library: Fixtures.library, layouts: Self.layouts)
        #expect { try renderer.validate(notice, baseFolder: Fixtures.repository.appendingPathComponent("examples/notices")) } throws: { error in
            (error as? ValidationFailure)?.issues.map(\.key) == ["signature.organs[0].seal"]
        }
    }

    @Test func everyExampleRenders() throws {
        for name in ["000", "001", "002", "003", "004", "demo-sealed", "demo-upward"] {
            let (package, _) = try Self.render(name)
            #expect(package.names.contains("word/footer1.xml"), "\(name)")
        }
    }
}
