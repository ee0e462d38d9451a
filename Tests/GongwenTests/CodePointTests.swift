import Foundation
import Testing
@testable import Gongwen

/// Text that XML, CSV, a sheet name or a field's rules must take as it is, where a markup
/// character, a line break or a space is followed by a combining mark: one Character
/// (grapheme cluster) that is not `&` although its first code point is. Escaping, splitting
/// and trimming work on code points, so it comes back as it went in.
@Suite("Code points in XML, CSV and values")
struct CodePointTests {
    /// Markup characters each followed by U+0301, as a hostile tester typed them.
    static let marked = "A&\u{301}B <\u{301}tag>\u{301} \"\u{301}q'\u{301} ]]>"

    @Test func markupCharactersBeforeACombiningMarkAreEscapedInTextAndAttributes() throws {
        var x = XMLBuilder()
        x.element("root", ["value": Self.marked], text: Self.marked)
        let root = try XMLNode.parse(Data(x.xml.utf8))
        #expect(scalars(root.text) == scalars(Self.marked))
        #expect(root["value"].map(scalars) == scalars(Self.marked))
        #expect(scalars(XMLBuilder.escape("&\u{301}<\u{301}>\u{301}", quotes: false)) == scalars("&amp;\u{301}&lt;\u{301}&gt;\u{301}"))
    }

    @Test(arguments: ["key-project-2020", "statistics-2022"])
    func aFilledDocxWithMarksAfterMarkupCharactersParsesBack(templateID: String) throws {
        let subject = templateID == "statistics-2022" ? "reporter" : "projectName"
        let document = try Fixtures.render(templateID, .object([subject: .string(Self.marked)]), format: .docx).xml("word/document.xml")
        // The statistics table writes its reporter after the label, in the same text node.
        #expect(document.all("w:t").contains { Data($0.text.utf8).range(of: Data(Self.marked.utf8)) != nil })
    }

    @Test func aNoticeLineBreakWrittenAsCRLFBreaksTheParagraphAndTheRun() throws {
        var notice = try NoticeTests.notice("000")
        notice.body = [BodyBlock(heading: "码点标题\r\n码点续行", text: nil, body: nil, contact: nil),
                       BodyBlock(heading: nil, text: "码点第一段\r\n码点第二段", body: nil, contact: nil)]
        let body = try NoticeTests.render(notice).xml("word/document.xml").first("w:body")!
        let first = try #require(NoticeTests.paragraph(body, containing: "码点第一段"))
        #expect(first.allText == "码点第一段")
        #expect(NoticeTests.paragraph(body, containing: "码点第二段")?.allText == "码点第二段")
        let heading = try #require(NoticeTests.paragraph(body, containing: "码点标题"))
        #expect(heading.first("w:r")!.children.map { $0.name == "w:t" ? $0.text : $0.name } == ["w:rPr", "一、码点标题", "w:br", "码点续行"])
    }

    @Test func aManifestFieldDoublesAQuoteBeforeACombiningMark() {
        #expect(scalars(Manifest.field("甲\"\u{301}乙")) == scalars("\"甲\"\"\u{301}乙\""))
    }

    @Test func aSheetNameDropsBannedCharactersBeforeMarksAndCountsCodePoints() {
        let name = XlsxWriter.sheetName(for: "统计[\u{301}表]\u{301}:\u{301}" + String(repeating: "e\u{301}", count: 20))
        #expect(!name.unicodeScalars.contains { "[]:".unicodeScalars.contains($0) })
        #expect(name.unicodeScalars.count <= 31)
    }

    @Test func aValueOfASpaceAndAMarkIsKeptAndNotTrimmedIntoAnother() throws {
        let template = try Fixtures.library.template(id: "key-project-2020")
        let validator = Fixtures.library.validator(for: template)
        let kept = try validator.validate(.object(["projectName": .string("甲"), "organizer": .string(" \u{301}")]))
        #expect(kept.values["organizer"].map { scalars($0.displayText) } == scalars(" \u{301}"))
        #expect(throws: ValidationFailure.self) {
            try validator.validate(.object(["projectName": .string("甲"), "postcode": .string(" \u{301}450007")]))
        }
    }
}

/// The code points of a text: Swift compares Strings by canonical equivalence, and these
/// tests are about the exact code points.
func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
