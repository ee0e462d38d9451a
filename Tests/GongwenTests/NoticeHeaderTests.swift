import Foundation
import Testing
@testable import Gongwen

/// The title broken into paragraphs and the issuer mark compressed, asserted on the DOCX
/// (issue 11, defect 8).
@Suite("Notice title and issuer mark")
struct NoticeHeaderTests {
    static let longTitle = "郑州市科普工作联席办公会议办公室关于举办2025年全市科技活动周分会场活动的通知"
    static let longName = "2025年全市科技活动周分会场重点项目（活动）备案表及各县（市、区）开发区科技行政主管部门报送汇总表"

    /// The paragraphs of the body, in order, with their text.
    static func texts(_ notice: NoticeDocument) throws -> (body: XMLNode, texts: [String]) {
        let body = try NoticeTests.render(notice).xml("word/document.xml").first("w:body")!
        return (body, body.children("w:p").map(\.allText))
    }

    @Test func aOneStringTitleBecomesCentredParagraphsBrokenBetweenWords() throws {
        var notice = try NoticeTests.notice("000")
        notice.title = [Self.longTitle]
        let (body, texts) = try Self.texts(notice)
        let start = try #require(texts.firstIndex(of: "郑州市科普工作联席"))
        #expect(Array(texts[start..<(start + 3)]) == ["郑州市科普工作联席", "办公会议办公室关于举办2025年", "全市科技活动周分会场活动的通知"])
        let paragraphs = body.children("w:p")
        #expect(paragraphs[start].first("w:spacing")?["w:before"] == "1158")  // two lines below the red line
        for (i, p) in paragraphs[start..<(start + 3)].enumerated() {
            #expect(p.first("w:jc")?["w:val"] == "center")
            // The lines keep together; the last lets 主送机关 go to the next page if it must.
            #expect((p.first("w:keepNext") != nil) == (i < 2))
            #expect(p.first("w:sz")?["w:val"] == "44")
            #expect(p.first("w:rPr")?.first("w:spacing") == nil)  // titles are not condensed
        }
        #expect(paragraphs[start + 1].first("w:spacing")?["w:before"] == "0")
    }

    @Test func titlesGivenAsLinesKeepThem() throws {
        let (_, texts) = try Self.texts(try NoticeTests.notice("000"))
        let start = try #require(texts.firstIndex(of: "郑州市科普联席办"))
        #expect(texts[start + 1] == "关于举办2020年全市科技活动周的通知")
    }

    @Test func anAttachmentTitleBreaksOnItsPortraitPageAndStaysWholeOnALandscapeOne() throws {
        var notice = try NoticeTests.notice("000")
        notice.attachments[0].name = Self.longName   // key-project-2020: portrait
        notice.attachments[1].name = Self.longName   // open-institution-2020: landscape, 243 mm
        let (body, texts) = try Self.texts(notice)
        let label1 = try #require(texts.firstIndex(of: "附件1"))
        #expect(Array(texts[(label1 + 1)...(label1 + 3)]) == ["2025年全市科技活动周分会场", "重点项目（活动）备案表及各县（市、区）", "开发区科技行政主管部门报送汇总表"])
        let paragraphs = body.children("w:p")
        #expect(paragraphs[label1 + 1].first("w:spacing")?["w:before"] == "579")  // the third line
        #expect(paragraphs[label1 + 2].first("w:spacing")?["w:before"] == "0")
        #expect(paragraphs[(label1 + 1)...(label1 + 3)].allSatisfy { $0.first("w:jc")?["w:val"] == "center" })
        // 48 ems do not fit 243 mm of 22 pt (31.3 ems) either: two lines there.
        let label2 = try #require(texts.firstIndex(of: "附件2"))
        let landscape = Array(texts[(label2 + 1)...(label2 + 2)])
        #expect(landscape.joined() == Self.longName)
        #expect(landscape.count == 2 && landscape.allSatisfy { $0.count <= 31 })
        // 附件说明 keeps the whole name on its line.
        #expect(texts.contains { $0.hasPrefix("附件：1.") && $0.hasSuffix(Self.longName) })
    }

    @Test func aLandscapeAttachmentTitleThatFitsItsWiderBlockStaysOneLine() throws {
        var notice = try NoticeTests.notice("000")
        // 27 ems (and a join of Han and digits): over the portrait 20, within the landscape
        // block's 29 (225 mm: the sheet's text block turned).
        let name = "2020年科技活动周参与开放项目的科研机构和大学备案表汇总"
        notice.attachments[1].name = name
        let (_, texts) = try Self.texts(notice)
        let label2 = try #require(texts.firstIndex(of: "附件2"))
        #expect(texts[label2 + 1] == name)
    }

    // MARK: issuer mark

    static func markRun(_ body: XMLNode, _ text: String) throws -> XMLNode {
        let p = try #require(body.all("w:p").first { $0.allText == text })
        return try #require(p.children("w:r").first)
    }

    @Test func aMarkTooLongForTheBlockKeepsItsSizeAndIsCompressed() throws {
        let body = try NoticeTests.render("000").body
        let run = try Self.markRun(body, "郑州市科普工作联席办公会议办公室文件")
        #expect(run.first("w:sz")?["w:val"] == "84")   // the layout's 42 pt
        // 18 characters of 42 pt = 756 pt on a block of 8844 twips = 442.2 pt: 58 %.
        #expect(run.first("w:w")?["w:val"] == String(Int((442.2 / 756 * 100).rounded(.down))))
        #expect(run.first("w:w")?["w:val"] == "58")
    }

    @Test func aMarkThatFitsIsNotCompressed() throws {
        let body = try NoticeTests.render("demo-upward").body
        let run = try Self.markRun(body, "示例市科学技术局文件")
        #expect(run.first("w:sz")?["w:val"] == "84")
        #expect(run.first("w:w") == nil)
    }

    @Test func aJointMarkIsCompressedWithItsColumns() throws {
        let body = try NoticeTests.render("004").body
        let table = try #require(body.children("w:tbl").first)
        // 9 characters, a gap and 文件: 12 × 42 pt = 504 pt → 87 %.
        for run in table.all("w:r") {
            #expect(run.first("w:sz")?["w:val"] == "84")
            #expect(run.first("w:w")?["w:val"] == "87")
        }
        let columns = table.first("w:tblGrid")!.children("w:gridCol").map { Int($0["w:w"]!)! }
        #expect(columns == [Int((9 * 840 * 0.87).rounded(.up)), Int((3 * 840 * 0.87).rounded(.up))])
        #expect(columns.reduce(0, +) <= 8844)
    }

    @Test func aVeryLongMarkIsCompressedToHalfAndThenMadeSmaller() throws {
        var notice = try NoticeTests.notice("demo-upward")
        notice.issuer.organs = [String(repeating: "郑州市科学技术局", count: 4)]   // 32 + 2 characters
        let body = try Self.texts(notice).body
        let run = try Self.markRun(body, notice.issuer.organs[0] + "文件")
        #expect(run.first("w:w")?["w:val"] == "50")
        // 442.2 pt / (34 × 50 %) = 26 pt
        #expect(run.first("w:sz")?["w:val"] == "52")
    }
}
