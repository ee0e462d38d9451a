import Foundation
import Testing
@testable import Gongwen

/// How drafts typed by hand write figures, heading numbers and punctuation, and what the
/// importer makes of them. Swift's `\d` takes 二 and 〇 for digits (they have numeric
/// values), so 二〇二〇年七月二日 once stopped the importer at a forced `Int`, and 一. was read
/// as a third-level heading: every pattern now names its figures.
@Suite("Notice import (figures, heading marks, punctuation)")
struct NoticeImportMarksTests {
    static let importer = NoticeImporter(library: Fixtures.library)

    static func draft(body: String, date: String = "2021年4月20日", recipients: String = "各有关单位：", after: String = "") -> String {
        """
        河南省科学技术厅文件
        豫科〔2021〕12号
        关于开展2021年科技活动周的通知
        \(recipients)
        \(body)
        河南省科学技术厅
        \(date)
        \(after)
        """
    }

    @Test("Dates with one-figure months and days in Chinese numerals, and in full-width figures", arguments: [
        ("二〇二〇年七月二日", "2020-07-02"), ("二〇二一年十月九日", "2021-10-09"), ("二O二O年一月一日", "2020-01-01"),
        ("２０２０年７月２２日", "2020-07-22"), ("２０２０．７．２２", "2020-07-22"), ("二〇二〇年二月三十日", nil),
    ] as [(String, String?)])
    func dates(_ written: String, _ iso: String?) throws {
        let text = Self.draft(body: "现将有关事项通知如下。", date: written)
        guard let iso else {
            // No such day: not a date, so the draft has none and is refused naming it.
            #expect(throws: NoticeImportError.self) { try Self.importer.importText(text) }
            return
        }
        #expect(try Self.importer.importText(text).notice.date == iso)
    }

    @Test("Headings numbered with other marks (一. （一）、 1、 （1）.) nest as the standard's, with a warning naming the marks")
    func headingMarks() throws {
        let body = """
        现将有关事项通知如下。
        一. 活动时间
        2021年5月22日至28日。
        (一)主场活动
        在郑州举办。
        （二）、分场活动
        各地自行组织，12.5万人次参与。
        1.5万名志愿者参加。
        1、加强组织领导。
        （1）.落实责任。
        二．工作要求
        做好宣传。
        """
        let result = try Self.importer.importText(Self.draft(body: body))
        let blocks = result.notice.body
        #expect(blocks.map { $0.heading } == [nil, "活动时间", "工作要求"])
        let first = try #require(blocks.dropFirst().first?.body)
        #expect(first.map(\.heading) == [nil, "主场活动", "分场活动"])
        let second = try #require(first.last?.body)
        #expect(second.prefix(2).map(\.text) == ["各地自行组织，12.5万人次参与。", "1.5万名志愿者参加。"], "1.5 is a figure, not the heading 1.")
        #expect(second.last?.heading == "加强组织领导。")
        #expect(second.last?.body?.first?.heading == "落实责任。")
        #expect(result.warnings.contains(.headingNumbersCorrected(["一.", "（二）、", "1、", "（1）.", "二．"])), "\(result.warnings)")
        #expect(result.warnings.first { $0.code == "heading-number-corrected" }?.description.contains("一、（一）1.（1）") == true)
        // The standard's own marks say nothing.
        let plain = try Self.importer.importText(Self.draft(body: "一、活动时间\n（一）主场活动\n在郑州举办。\n1.组织。\n（1）落实。"))
        #expect(!plain.warnings.contains { $0.code == "heading-number-corrected" || $0.code == "heading-level-skipped" })
    }

    @Test("A heading that skips a level (1. straight under 一、) is laid out at its depth, and said")
    func skippedLevel() throws {
        let result = try Self.importer.importText(Self.draft(body: "一、工作要求\n1.加强组织领导。\n2.做好宣传报道。\n二、其他\n（1）附则。"))
        let first = try #require(result.notice.body.first)
        #expect(first.heading == "工作要求")
        #expect(first.body?.map(\.heading) == ["加强组织领导。", "做好宣传报道。"], "at depth 2, printed （一） （二）")
        #expect(result.warnings.contains(.headingLevelsSkipped(["1.加强组织领导。", "2.做好宣传报道。", "（1）附则。"])), "\(result.warnings)")
        #expect(result.warnings.first { $0.code == "heading-level-skipped" }?.description.contains("跳过了上一层次") == true)
    }

    @Test("Spaces typed beside full-width punctuation go; a half-width full stop ending Chinese text is 。")
    func punctuation() throws {
        let text = Self.draft(body: "现将有关事项通知如下 。\n特此通知.", recipients: "各省辖市科技局, 济源示范区科技局:")
        let notice = try Self.importer.importText(text).notice
        #expect(notice.recipients == "各省辖市科技局，济源示范区科技局：")
        #expect(notice.body.map(\.text) == ["现将有关事项通知如下。", "特此通知。"])
    }

    @Test("A line above the 版头 that is no element (征求意见稿, 内部资料) is dropped, said; the 版头 stays the 版头", arguments: [
        "征求意见稿", "（送审稿）", "内部资料", "一二三四五六",
    ])
    func lineAboveTheHeader(_ line: String) throws {
        let result = try Self.importer.importText(line + "\n" + Self.draft(body: "现将有关事项通知如下。"))
        #expect(result.notice.title == ["关于开展2021年科技活动周的通知"])
        #expect(result.notice.issuer.organs == ["河南省科学技术厅"])
        #expect(result.notice.documentNumber == "豫科〔2021〕12号")
        #expect(result.notice.copyNumber == nil, "a 份号 is six figures, not 一二三四五六")
        #expect(result.warnings.contains(.lineDropped(line)), "\(result.warnings)")
        #expect(!result.warnings.contains { $0.code == "issuer-from-signature" })
        // Above organ lines and a 发文字号 with no 文件, too.
        let bare = try Self.importer.importText(line + "\n河南省科学技术厅\n豫科〔2021〕12号\n关于开展活动的通知\n各单位：\n现将有关事项通知如下。\n河南省科学技术厅\n2021年4月20日")
        #expect(bare.notice.title == ["关于开展活动的通知"])
        #expect(bare.notice.documentNumber == "豫科〔2021〕12号")
        #expect(bare.notice.issuer.organs == ["河南省科学技术厅"] && bare.notice.issuer.suffix == nil, "\(bare.notice.issuer)")
    }

    @Test("An attachment page labelled 附件一 is attachment 1")
    func attachmentInChineseNumerals() throws {
        let text = Self.draft(body: "现将有关事项通知如下。\n附件：1.活动安排", after: "附件一\n活动安排\n5月22日开幕。")
        let notice = try Self.importer.importText(text).notice
        #expect(notice.attachments.map(\.name) == ["活动安排"])
        #expect(notice.attachments.first?.body?.first?.text == "5月22日开幕。")
        #expect(notice.attachments.first?.separate != true)
    }
}
