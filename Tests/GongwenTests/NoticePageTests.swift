import Foundation
import Testing
@testable import Gongwen

/// The constructs that put GB/T 9704's elements where the printed page needs them — each test
/// fails on the construct it replaced (measured defects of issue 11 in LibreOffice's PDF).
@Suite("Notice page constructs (GB/T 9704 on the printed page)")
struct NoticePageTests {
    static let folder = Fixtures.repository.appendingPathComponent("examples/notices")
    static let renderer = NoticeRenderer(library: Fixtures.library, layouts: NoticeTests.layouts)

    static func validated(_ name: String, _ edit: (inout JSONValue) -> Void = { _ in }) throws -> ValidatedNotice {
        let url = folder.appendingPathComponent("\(name).json")
        var value = try JSONValue.parse(Data(contentsOf: url), source: url.path)
        edit(&value)
        let notice = try JSONValueDecoder.decode(NoticeDocument.self, from: value)
        return try renderer.validate(notice, baseFolder: folder)
    }

    static func body(_ notice: ValidatedNotice, colophon placement: ColophonPlacement = .followingText) throws -> (OfficePackage, XMLNode) {
        let url = Fixtures.temporaryFolder().appendingPathComponent("notice.docx")
        try NoticeDocxWriter().write(notice, to: url, colophon: placement)
        let package = try OfficePackage(url: url)
        return (package, try package.xml("word/document.xml").first("w:body")!)
    }

    static func set(_ key: String, _ value: JSONValue) -> (inout JSONValue) -> Void {
        { json in
            guard case .object(var members) = json else { return }
            members[key] = value
            json = .object(members)
        }
    }

    static let longCopyList: JSONValue = .object([
        "copyTo": .array(["市委办公室", "市人大常委会办公室", "市政府办公室", "市政协办公室", "市纪委监委", "市中级人民法院",
                          "市人民检察院", "市委宣传部", "市发展和改革委员会", "市财政局"].map { .string($0) }),
        "printer": .string("示例市科学技术局办公室"), "printDate": .string("2025-04-08"),
    ])

    // MARK: 1. 版记

    /// Framed paragraphs that differ in borders lost their frame in LibreOffice (the 版记 then
    /// followed the text mid-page without rules); a floating table anchored to the page's left
    /// margin and the bottom of the text block keeps it at the foot, rules included.
    @Test func colophonIsAFloatingTableAtTheBottomOfTheTextBlock() throws {
        let (_, body) = try Self.body(Self.validated("demo-upward", Self.set("colophon", Self.longCopyList)))
        #expect(body.all("w:framePr").isEmpty)
        let table = try #require(body.children("w:tbl").last)
        let position = try #require(table.first("w:tblpPr"))
        #expect(position["w:vertAnchor"] == "margin")
        #expect(position["w:tblpYSpec"] == "bottom")
        #expect(position["w:horzAnchor"] == "page")
        #expect(position["w:tblpX"] == "1587")        // the 28 mm left margin
        #expect(table.first("w:tblW")?["w:w"] == "8844")
        let borders = try #require(table.first("w:tblBorders"))
        #expect(borders.first("w:top")?["w:sz"] == "8")       // 0.35 mm
        #expect(borders.first("w:bottom")?["w:sz"] == "8")
        #expect(borders.first("w:insideH")?["w:sz"] == "6")   // 0.25 mm
        #expect(borders.first("w:left")?["w:val"] == "nil")
        let rows = table.children("w:tr")
        #expect(rows.map(\.allText) == ["抄送：市委办公室，市人大常委会办公室，市政府办公室，市政协办公室，市纪委监委，市中级人民法院，市人民检察院，市委宣传部，市发展和改革委员会，市财政局。",
                                         "示例市科学技术局办公室2025年4月8日印发"])
        #expect(rows.allSatisfy { $0.first("w:cantSplit") != nil })
        let copy = try #require(rows[0].first("w:ind"))
        #expect(copy["w:hanging"] == "825" && copy["w:left"] == "1105" && copy["w:right"] == "280")
        #expect(rows[1].first("w:tab")?["w:pos"] == "8564")
        // The table is the last content; the hairline paragraph after it is its anchor.
        #expect(body.children.last { $0.name != "w:sectPr" }?.name == "w:p")
    }

    /// The PDF path's other two places: a page of its own (numbered), and after a blank page,
    /// both sections then referring to an empty footer (GB/T 9704 7.5).
    @Test func colophonOnItsOwnPageOrAfterABlankPageWithoutNumbers() throws {
        let notice = try Self.validated("demo-upward", Self.set("colophon", Self.longCopyList))
        func footers(_ body: XMLNode) -> [[String]] {
            body.all("w:sectPr").map { $0.all("w:footerReference").map { $0["r:id"]! } }
        }
        let (followingPackage, following) = try Self.body(notice)
        let (_, own) = try Self.body(notice, colophon: .ownPage)
        let (blankPackage, blank) = try Self.body(notice, colophon: .afterBlankPage)
        #expect(footers(following).count + 1 == footers(own).count)
        let numbered = ["rIdFooterPortraitOdd", "rIdFooterPortraitEven"]
        let unnumbered = ["rIdFooterUnnumberedOdd", "rIdFooterUnnumberedEven"]
        #expect(footers(own).allSatisfy { $0 == numbered })
        let afterBlank = footers(blank)
        #expect(afterBlank.count == footers(following).count + 2)
        #expect(afterBlank.suffix(2).allSatisfy { $0 == unnumbered })
        #expect(afterBlank.dropLast(2).allSatisfy { $0 == numbered })
        let empty = try blankPackage.xml(DocxSection.Footers.unnumbered.partName(.odd).wordPart)
        #expect(empty.allText.isEmpty && empty.all("w:fldChar").isEmpty)
        #expect((try? followingPackage.data(DocxSection.Footers.unnumbered.partName(.odd).wordPart)) == nil)
        // A paragraph opens each new section before the table, which LibreOffice would
        // otherwise anchor on the page before.
        let children = own.children
        let table = try #require(children.lastIndex { $0.name == "w:tbl" })
        #expect(children[table - 1].first("w:sectPr") == nil)
    }

    /// A converter that reports the page counts a layout would have, to walk the choice.
    static func placements(pages: [ColophonPlacement: Int]) throws -> [ColophonPlacement] {
        let notice = try validated("demo-upward", set("colophon", longCopyList))
        let folder = Fixtures.temporaryFolder()
        var asked: [ColophonPlacement] = []
        try renderer.writeDocxAndPDF(notice, docx: folder.appendingPathComponent("n.docx"), pdf: folder.appendingPathComponent("n.pdf")) { docx, pdf in
            let xml = String(decoding: try OfficePackage(url: docx).data("word/document.xml"), as: UTF8.self)
            let sections = xml.components(separatedBy: "<w:sectPr>").count - 1
            let placement: ColophonPlacement = xml.contains("rIdFooterUnnumbered") ? .afterBlankPage : sections >= 2 ? .ownPage : .followingText
            asked.append(placement)
            let page = "<</Type/Page/Parent 2 0 R>>\n"
            try Data(("%PDF-1.4\n<</Type/Pages/Count 9>>\n" + String(repeating: page, count: pages[placement]!)).utf8).write(to: pdf)
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("n.docx").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("n.pdf").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["n.docx", "n.pdf"])
        return asked
    }

    @Test func colophonLandsOnAnEvenPage() throws {
        // Text ends on an even page with room: one layout.
        #expect(try Self.placements(pages: [.followingText: 4]) == [.followingText])
        // Text ends on an odd page with room: the 版记 takes the next, even, page.
        #expect(try Self.placements(pages: [.followingText: 3, .ownPage: 4]) == [.followingText, .ownPage])
        // Text fills an even page: the 版记 went to an odd one, and a page of its own is that
        // odd page again; a blank page goes before it.
        #expect(try Self.placements(pages: [.followingText: 5, .ownPage: 5, .afterBlankPage: 6]) == [.followingText, .ownPage, .afterBlankPage])
    }

    @Test func pageCountOfAPDF() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("p.pdf")
        try Data("%PDF-1.4\n1 0 obj\n<</Type/Pages/Kids[3 0 R 4 0 R]/Count 2>>\n3 0 obj\n<</Type/Page/Parent 1 0 R>>\n4 0 obj\n<</Type/Page\n/Parent 1 0 R>>\n".utf8).write(to: url)
        #expect(try PDFPageCount.count(of: url) == 2)
    }

    // MARK: 2. The red line

    /// The red line was the border of a paragraph indented one character each side (144.8 mm);
    /// now no 发文字号 paragraph has indents, and the gap is computed to 4 mm.
    @Test func redLineSpansTheTextBlockFourMillimetresBelowTheNumber() throws {
        for name in ["000", "demo-upward"] {
            let (_, body) = try Self.body(Self.validated(name))
            let number = try #require(body.all("w:p").first { $0.first("w:pBdr")?.first("w:bottom")?["w:color"] == "FF0000" })
            let ind = try #require(number.first("w:ind"))
            #expect(ind["w:left"] == "0" && ind["w:right"] == "0", "\(name)")
            // (28.95 pt line − 16 pt) / 2 + space − 1.42 pt / 2 ≈ 11.34 pt (4 mm): space 6 pt.
            #expect(number.first("w:pBdr")?.first("w:bottom")?["w:space"] == "6", "\(name)")
        }
    }

    // MARK: 3. 签发人

    @Test func signerEndsOneCharacterFromTheRight() throws {
        let (_, body) = try Self.body(Self.validated("demo-upward"))
        let line = try #require(body.all("w:p").first { $0.allText.contains("签发人：") })
        let tabs = line.all("w:tab").compactMap { $0["w:pos"] }
        #expect(tabs == ["315", String(8844 - 315 - 7 * 315)])   // number one character in; 签发人：张示例 ends 315 from the right
        #expect(line.first("w:ind")?["w:left"] == "0")
        let runs = line.children("w:r")
        #expect(runs.map(\.allText) == ["示科〔2025〕12号", "签发人：", "张示例"])
        #expect(runs.last?.first("w:rFonts")?["w:eastAsia"] == "楷体_GB2312")
    }

    @Test func severalSignersTwoALineAlignedWithTheFirstName() throws {
        let names: JSONValue = .array(["张示例", "李四海", "王五", "赵六六", "欧阳七"].map { .string($0) })
        let (_, body) = try Self.body(Self.validated("demo-upward", Self.set("signer", names)))
        let lines = body.all("w:p").filter { p in ["张示例", "王五", "欧阳七"].contains { p.allText.contains($0) } }
        #expect(lines.map(\.allText) == ["签发人：张示例　李四海", "王五　赵六六", "示科〔2025〕12号欧阳七"])
        // The longest line, 签发人：张示例　李四海 (4 + 7 characters), ends one character from the right.
        let start = 8844 - 315 - 11 * 315
        #expect(lines[0].all("w:tab").compactMap { $0["w:pos"] } == [String(start)])
        #expect(lines[1].all("w:tab").compactMap { $0["w:pos"] } == [String(start + 4 * 315)])
        #expect(lines[2].all("w:tab").compactMap { $0["w:pos"] } == ["315", String(start + 4 * 315)])
        // The red line under the last line only; the lines above keep with it.
        #expect(lines.map { $0.first("w:pBdr") != nil } == [false, false, true])
        #expect(lines.map { $0.first("w:keepNext") != nil } == [true, true, false])
    }

    @Test func signerAsAStringIsOneName() throws {
        let notice = try Self.validated("demo-upward")
        #expect(notice.document.signer == ["张示例"])
    }

    @Test func emptySignerListIsRefused() throws {
        #expect {
            _ = try Self.validated("demo-upward", Self.set("signer", .array([])))
        } throws: { error in
            (error as? ValidationFailure)?.issues.contains { $0.key == "signer" && $0.label == "签发人" } == true
        }
    }

    // MARK: 4. The signature never alone

    @Test func lastBodyParagraphKeepsLinesWithTheSignature() throws {
        for name in ["003", "demo-upward", "demo-sealed"] {
            let (_, body) = try Self.body(Self.validated(name))
            let paragraphs = body.children("w:p")
            let list = try #require(paragraphs.firstIndex { $0.allText.hasPrefix("附件：") }, "\(name)")
            let last = paragraphs[list - 1]
            #expect(last.first("w:keepNext") != nil, "\(name)")
            let widow = try #require(last.first("w:widowControl"), "\(name)")
            #expect(widow["w:val"] == nil, "\(name)")
            #expect(paragraphs[list].first("w:keepNext") != nil, "\(name)")
            // Only that one: elsewhere the grid keeps widow control off.
            #expect(paragraphs.filter { $0.first("w:widowControl") != nil && $0.first("w:widowControl")?["w:val"] == nil }.count == 1, "\(name)")
        }
    }
}

private extension String {
    var wordPart: String { "word/" + self }
}
