import Foundation
import Testing
@testable import Gongwen

/// The importer against the five real notices: each seed text (as extracted from its PDF)
/// must read into the hand-made notice in examples/notices, field by field; and each mistake
/// a draft may hold is corrected with its warning.
@Suite("Notice import (drafts)")
struct NoticeImportTests {
    /// The five real notices as text extracted from their PDFs, the drafts the product was designed from.
    static let seeds = Fixtures.repository.appendingPathComponent("examples/drafts")
    static let importer = NoticeImporter(library: Fixtures.library)

    /// The notice as JSON with the defaults written out, so both sides compare alike; the
    /// example's form data (filled in by hand for the demos, not in the seed) is left out.
    static func normalised(_ notice: NoticeDocument) throws -> [String: Any] {
        var object = try JSONSerialization.jsonObject(with: JSONOutput.encode(notice)) as! [String: Any]
        if let attachments = object["attachments"] as? [[String: Any]] {
            object["attachments"] = attachments.map { attachment -> [String: Any] in
                var a = attachment
                if var form = a["form"] as? [String: Any] { form["data"] = nil; a["form"] = form }
                return a
            }
            if attachments.isEmpty { object["attachments"] = nil }
        }
        return object
    }

    static func differences(_ a: Any?, _ b: Any?, at path: String = "") -> [String] {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            return Set(x.keys).union(y.keys).sorted().flatMap { differences(x[$0], y[$0], at: "\(path).\($0)") }
        case let (x as [Any], y as [Any]):
            let own = x.count == y.count ? [] : ["\(path): \(x.count) items, expected \(y.count)"]
            return own + zip(x, y).enumerated().flatMap { differences($1.0, $1.1, at: "\(path)[\($0)]") }
        case (nil, nil): return []
        default:
            let x = a.map { "\($0)" } ?? "nil", y = b.map { "\($0)" } ?? "nil"
            return x == y ? [] : ["\(path): got \(x.prefix(120)), expected \(y.prefix(120))"]
        }
    }

    static func seed(_ number: String) throws -> String {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        let file = try #require(files.first { $0 == number + ".txt" }, "seed \(number) not found in \(seeds.path)")
        return try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8)
    }

    @Test("Each seed text imports to its example notice", arguments: ["000", "001", "002", "003", "004"])
    func seedEqualsExample(_ number: String) throws {
        // 001's text ends before its date (the seed lost the page with it): the date is supplied.
        let imported = try Self.importer.importText(Self.seed(number), source: number, date: number == "001" ? "2020-07-17" : nil)
        let example = try NoticeTests.notice(number)
        let found = try Self.differences(Self.normalised(imported.notice), Self.normalised(example))
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        // The seeds' forms are the blank forms the offices sent (headings, no rows): imported,
        // each is its template with no data. The examples fill the same forms for the demos.
        for attachment in imported.notice.attachments where attachment.form != nil {
            #expect(attachment.form?.data == nil, "\(number): \(attachment.name) came with data the seed does not hold")
        }
    }

    @Test("A draft without its date is refused, naming the date; one without a title, naming the title")
    func missingParts() throws {
        #expect(throws: NoticeImportError.missing(source: "001", parts: [.date])) {
            try Self.importer.importText(Self.seed("001"), source: "001")
        }
        let untitled = "各有关单位：\n现将有关事项通知如下。\n2020年7月22日\n"
        #expect(throws: NoticeImportError.missing(source: "x", parts: [.title])) {
            try Self.importer.importText(untitled, source: "x")
        }
        #expect(throws: NoticeImportError.missing(source: "y", parts: [.title, .date])) {
            try Self.importer.importText("各有关单位：\n现将有关事项通知如下。\n", source: "y")
        }
    }

    /// A small draft with one line changed.
    static func draft(number: String = "郑科普联办〔2020〕2号", date: String = "2020年7月22日", extra: String = "") -> String {
        """
        郑州市科学技术局文件
        \(number)
        关于举办2020年全市科技活动周的通知
        各有关单位：
        一、时间
        2020年8月23—29日。
        \(extra)
        郑州市科学技术局
        \(date)
        """
    }

    @Test("发文字号 mistakes are corrected, each with its warning", arguments: [
        ("郑科普联办[2020]2号", "方括号"), ("郑科普联办(2020)2号", "圆括号"),
        ("郑科普联办〔2020〕第2号", "第"), ("郑科普联办〔2020〕02号", "虚位"),
    ])
    func documentNumberCorrected(_ written: String, _ named: String) throws {
        let result = try Self.importer.importText(Self.draft(number: written))
        #expect(result.notice.documentNumber == "郑科普联办〔2020〕2号")
        let warning = result.warnings.first { if case .documentNumberCorrected = $0 { true } else { false } }
        #expect(warning?.description.contains(named) == true, "\(result.warnings)")
    }

    @Test("Dates in every spelling are read and written out as 2020年7月22日", arguments: [
        "二〇二〇年七月二十二日", "二O二O年七月二十二日", "2020.7.22", "2020-07-22", "2020 年 7 月 22 日",
    ])
    func dateSpellings(_ written: String) throws {
        let result = try Self.importer.importText(Self.draft(date: written))
        #expect(result.notice.date == "2020-07-22")
        if written.filter({ $0 != " " }) != "2020年7月22日" {
            #expect(result.warnings.contains(.dateRewritten(from: written.filter { $0 != " " }, to: "2020年7月22日")))
        }
    }

    @Test("An attachment listed but not in the draft stays in 附件说明 with a warning, sent separately; a template's is its blank form")
    func missingAttachment() throws {
        let result = try Self.importer.importText(Self.draft(extra: "附件：1.活动安排\n2.2021 年科技活动周重点项目备案表"))
        #expect(result.notice.attachments.map(\.name) == ["活动安排", "2021年科技活动周重点项目备案表"])
        #expect(result.notice.attachments[0].separate == true)
        #expect(result.notice.attachments[0].form == nil && result.notice.attachments[0].body == nil)
        #expect(result.notice.attachments[1].form?.template == "key-project-2021")
        #expect(result.notice.attachments[1].form?.data == nil)
        #expect(result.warnings.contains(.attachmentMissing(number: 1, name: "活动安排")))
        #expect(result.warnings.contains(.attachmentFormBlank(number: 2, name: "2021年科技活动周重点项目备案表")))
        // It lays out: 附件说明 lists both, and only 附件2 has pages.
        let package = try NoticeTests.render(result.notice)
        let body = try package.xml("word/document.xml").first("w:body")!
        let texts = NoticeTests.paragraphs(body).map(\.allText)
        #expect(texts.contains { $0.contains("附件：1.活动安排") })
        #expect(texts.contains { $0.contains("2.2021年科技活动周重点项目备案表") })
        #expect(texts.contains("附件2") && !texts.contains("附件1"))
    }

    @Test("An attachment page with only its title is taken as sent separately, with a warning")
    func emptyAttachmentPage() throws {
        let result = try Self.importer.importText(Self.draft(extra: "附件：活动安排") + "\n附件\n活动安排\n")
        #expect(result.notice.attachments.map(\.name) == ["活动安排"])
        #expect(result.notice.attachments[0].separate == true)
        #expect(result.warnings.contains(.attachmentEmpty("活动安排")))
        _ = try NoticeTests.render(result.notice)
    }

    @Test("Organ lines stacked above 文件 are a joint 发文机关标志; above the number without 文件, the names alone; a title may begin with its organ", arguments: [
        ("濮阳市科学技术局\n中共濮阳市委宣传部\n濮阳市科学技术协会文件\n濮科〔2021〕18号\n", ["濮阳市科学技术局", "中共濮阳市委宣传部", "濮阳市科学技术协会"], "文件" as String?, ["关于举办活动的通知"]),
        ("濮阳市科学技术局\n中共濮阳市委宣传部\n文件\n濮科〔2021〕18号\n", ["濮阳市科学技术局", "中共濮阳市委宣传部"], "文件", ["关于举办活动的通知"]),
        ("濮阳市科学技术局\n中共濮阳市委宣传部\n濮科〔2021〕18号\n", ["濮阳市科学技术局", "中共濮阳市委宣传部"], nil, ["关于举办活动的通知"]),
        ("濮阳市科学技术局文件\n濮科〔2021〕18号\n濮阳市科学技术局\n", ["濮阳市科学技术局"], "文件", ["濮阳市科学技术局", "关于举办活动的通知"]),
    ])
    func stackedIssuer(_ header: String, _ organs: [String], _ suffix: String?, _ title: [String]) throws {
        let text = header + "关于举办活动的通知\n各有关单位：\n现将有关事项通知如下。\n" + organs.joined(separator: "  ") + "\n2021年5月8日\n"
        let notice = try Self.importer.importText(text).notice
        #expect(notice.issuer.organs == organs)
        #expect(notice.issuer.suffix == suffix)
        #expect(notice.title == title)
        #expect(notice.documentNumber == "濮科〔2021〕18号")
        // The mark without 文件 is written as null, so that it reads back so.
        let again = try JSONDecoder().decode(NoticeDocument.self, from: JSONOutput.encode(notice))
        #expect(again.issuer.suffix == suffix)
    }

    @Test("A Word draft whose 版头 is set in a table reads the table's cells as the header lines")
    func headerInATable() throws {
        let text = DraftTable.marker(0) + "\n郑科〔2020〕2号\n关于举办活动的通知\n各有关单位：\n现将有关事项通知如下。\n郑州市科学技术局\n2020年7月22日\n"
        let result = try Self.importer.importText(text, tables: [[["郑州市科学技术局", "文件"]]], source: "d", date: nil)
        #expect(result.notice.issuer.organs == ["郑州市科学技术局"] && result.notice.issuer.suffix == "文件")
        #expect(result.notice.title == ["关于举办活动的通知"])
        let joint = try Self.importer.importText(text, tables: [[["濮阳市科学技术局", "文件"], ["中共濮阳市委宣传部", "文件"]]], source: "d", date: nil)
        #expect(joint.notice.issuer.organs == ["濮阳市科学技术局", "中共濮阳市委宣传部"])
    }

    @Test("A table pasted as text (cells between tabs) is kept as a table; one tab-aligned line stays text")
    func tabTablesInText() throws {
        let pages = "\n附件\n检查情况统计表\n单位名称\t检查次数\t整改数量\n洛龙区应急管理局\t12\t12\n涧西区应急管理局\t8\t\n"
            + "抄送：市委办公室。\n郑州市科学技术局办公室\t\t2020年7月22日印发\n"
        let result = try Self.importer.importText(Self.draft(extra: "附件：检查情况统计表") + pages)
        let attachment = try #require(result.notice.attachments.first)
        #expect(attachment.body?.compactMap(\.table) == [[["单位名称", "检查次数", "整改数量"], ["洛龙区应急管理局", "12", "12"], ["涧西区应急管理局", "8", ""]]])
        #expect(result.notice.colophon?.printer == "郑州市科学技术局办公室")
        #expect(result.notice.colophon?.printDate == "2020-07-22")
        // A private-use character a text draft may hold (造字 for a rare name) is text, and
        // U+FFFF, which marks tables inside the importer, is taken out like any non-character.
        let forged = try Self.importer.importText(Self.draft(extra: "\u{FFFF}0\n\u{E000}0"))
        #expect(forged.notice.body.first?.body?.contains { $0.text == "0" && $0.table == nil } == true)
        #expect(forged.notice.body.first?.body?.contains { $0.text == "\u{E000}0" } == true)
        #expect(forged.notice.body.allSatisfy { $0.table == nil })
    }

    @Test("A form filled from a pasted table keeps what the table holds, and says what the form's rules still want")
    func incompleteFormData() throws {
        let name = "2021年科技活动周重点项目备案表"
        let pages = "\n附件\n\(name)\n主办单位\t濮阳市科技馆\t主管部门\t濮阳市科学技术局\n联系电话\t0393-4812236\t邮政编码\t4570\n"
        let result = try Self.importer.importText(Self.draft(extra: "附件：\(name)") + pages)
        let data = try #require(result.notice.attachments.first?.form?.data)
        #expect(data == .object(["organizer": .string("濮阳市科技馆"), "supervisor": .string("濮阳市科学技术局"),
                                 "phone": .string("0393-4812236"), "postcode": .string("4570")]))
        let warning = result.warnings.first { $0.code == "form-data-incomplete" }
        #expect(warning?.description.contains("项目名称") == true && warning?.description.contains("邮政编码") == true, "\(result.warnings)")
    }

    @Test("Control characters no file can hold are taken out of the draft, with a warning naming them")
    func controlCharacters() throws {
        let text = Self.draft(extra: "").replacingOccurrences(of: "2020年8月23—29日。", with: "2020年8月\u{0}23—29日\u{FFFE}。")
        let result = try Self.importer.importText(text)
        #expect(result.notice.body.first?.body?.first?.text == "2020年8月23—29日。")
        #expect(result.warnings.contains(.controlCharactersRemoved([0, 0xFFFE])))
        _ = try NoticeTests.render(result.notice)
    }

    @Test("A draft longer than any notice is refused before it is read, saying its length and the limit")
    func tooLong() throws {
        let text = Self.draft(extra: String(repeating: "科", count: NoticeImporter.maxCharacters))
        #expect(throws: NoticeImportError.self) { try Self.importer.importText(text, source: "long") }
        do {
            _ = try Self.importer.importText(text, source: "long")
        } catch {
            guard case .tooLong(_, let count, let limit) = error else { Issue.record("\(error)"); return }
            #expect(count == text.unicodeScalars.count && limit == 300_000)
            #expect(error.problems.map(\.rule) == ["max-length"])
        }
        _ = try Self.importer.importText(Self.draft(extra: String(repeating: "科", count: 10_000)))
    }

    @Test("A draft with neither an issuer line nor a signature is refused, naming 发文机关")
    func noOrgans() throws {
        let text = "关于举办活动的通知\n各有关单位：\n现将有关事项通知如下。\n2020年7月22日\n"
        #expect(throws: NoticeImportError.missing(source: "z", parts: [.issuer])) {
            try Self.importer.importText(text, source: "z")
        }
        let error = NoticeImportError.missing(source: "z", parts: [.issuer])
        #expect(error.problems.map(\.field) == ["issuer.organs"] && error.problems.map(\.label) == ["发文机关"])
    }

    @Test("Page numbers and running lines are dropped; wrapped lines joined; spaces in words removed")
    func extractionArtefacts() throws {
        let text = Self.draft(extra: "— 2 —\n请于 2020 年 7 月 30 日前报送。\n— 3 —")
        let result = try Self.importer.importText(text)
        let section = try #require(result.notice.body.first)
        #expect(section.body?.map(\.text) == ["2020年8月23—29日。", "请于2020年7月30日前报送。"])
    }

    @Test("Copy number, secrecy, urgency and 签发人 are read from the header")
    func headerLines() throws {
        let text = "000123\n秘密★1年\n特急\n" + Self.draft(number: "郑科〔2020〕2号 签发人：张三 李四")
        let notice = try Self.importer.importText(text).notice
        #expect(notice.copyNumber == "000123")
        #expect(notice.secrecy == "秘密★1年")
        #expect(notice.urgency == "特急")
        #expect(notice.signer == ["张三", "李四"])
        #expect(notice.documentNumber == "郑科〔2020〕2号")
    }
}

@Suite("Word automatic numbering (numbering.xml)")
struct DocxNumberingTests {
    @Test("Labels count per level, restart below a level used again, and print 一、 （一） 1.")
    func labels() {
        var numbering = DocxNumbering()
        numbering.instances["5"] = "0"
        numbering.abstract["0"] = [
            0: .init(format: "chineseCounting", text: "%1、", start: 1),
            1: .init(format: "chineseCounting", text: "（%2）", start: 1),
            2: .init(format: "decimal", text: "%3.", start: 1),
        ]
        let at = { (level: Int) in DocxParagraphNumber(numberingID: "5", level: level) }
        let labels = numbering.labels(for: [at(0), at(1), at(2), at(2), nil, at(1), at(0), at(1)] + Array(repeating: at(0), count: 10))
        #expect(Array(labels.prefix(8)) == ["一、", "（一）", "1.", "2.", nil, "（二）", "二、", "（一）"])
        #expect(labels.last == "十二、")
    }
}

@Suite("Table blocks in a notice")
struct NoticeTableBlockTests {
    @Test("A table block of a free-text attachment is written as a real table, every cell in its place")
    func tableWritten() throws {
        var notice = try NoticeTests.notice("002")
        notice.attachments = [NoticeAttachment(name: "活动安排", form: nil, body: [
            BodyBlock(heading: nil, text: "活动安排如下。", body: nil, contact: nil),
            BodyBlock(heading: nil, text: nil, body: nil, contact: nil, table: [["日期", "活动", "地点"], ["8月23日", "启动式", "北京"]]),
        ])]
        let package = try NoticeTests.render(notice)
        let body = try package.xml("word/document.xml").first("w:body")!
        let table = try #require(body.children("w:tbl").first { $0.allText.contains("启动式") })
        let rows = table.children("w:tr").map { $0.children("w:tc").map(\.allText) }
        #expect(rows == [["日期", "活动", "地点"], ["8月23日", "启动式", "北京"]])
    }
}

@Suite("Notice import: closing elements and running lines")
struct NoticeImportClosingTests {
    @Test("特此通知 stays in the body, 附注 in brackets, 抄送 and 印发 go to the colophon; running lines are dropped")
    func closingElements() throws {
        let text = """
            郑州市科学技术局文件
            郑科〔2020〕2号
            关于举办2020年全市科技活动周的通知
            各有关单位：
            郑州市科技工作简报
            一、时间
            2020年8月23—29日。
            郑州市科技工作简报
            特此通知。
            郑州市科学技术局
            2020年7月22日
            （此件公开发布）
            郑州市科技工作简报
            抄送：市委宣传部，市科协。
            郑州市科学技术局办公室 2020年7月23日印发
            """
        let result = try NoticeImportTests.importer.importText(text)
        let notice = result.notice
        #expect(notice.body.count == 2)
        #expect(notice.body.last?.text == "特此通知。")
        #expect(notice.body.first?.body?.map(\.text) == ["2020年8月23—29日。"])
        #expect(notice.note == "此件公开发布")
        #expect(notice.colophon?.copyTo == ["市委宣传部", "市科协"])
        #expect(notice.colophon?.printer == "郑州市科学技术局办公室")
        #expect(notice.colophon?.printDate == "2020-07-23")
        #expect(notice.signature.organs.map(\.name) == ["郑州市科学技术局"])
        #expect(result.warnings.allSatisfy { if case .notPlaced = $0 { false } else { true } }, "\(result.warnings)")
    }
}
