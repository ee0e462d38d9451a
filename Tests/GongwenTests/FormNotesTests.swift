import Foundation
import Testing
@testable import Gongwen

/// A notice replaces or drops the notes its attached forms carry from the template, which
/// belong to the notice the template came from (issue 11, defect 9).
@Suite("Notes of attached forms")
struct FormNotesTests {
    /// key-project-2021's own notes: another office's deadline and contact.
    static let templateNotes = [
        "注：请按通知要求填写表格于 5 月 15 日前报市科技局政法科。",
        "联系人：王美竹 电话：6666209 13513936162",
        "邮箱：6666209@163.com",
    ]

    /// The text of the form-note paragraphs of the first attachment's form (004: key-project-2021).
    static func notes(_ change: (inout AttachedForm) -> Void) throws -> [String] {
        var notice = try NoticeTests.notice("004")
        change(&notice.attachments[0].form!)
        let body = try NoticeTests.render(notice).xml("word/document.xml").first("w:body")!
        let paragraphs = body.children("w:p")
        let label = try #require(paragraphs.firstIndex { $0.allText == "附件1" })
        let next = paragraphs.firstIndex { $0.allText == "附件2" } ?? paragraphs.count
        return paragraphs[label..<next].filter { $0.first("w:pStyle")?["w:val"] == "FormNote" }.map(\.allText)
    }

    @Test func absentNotesKeepTheTemplates() throws {
        #expect(try Self.notes { _ in } == Self.templateNotes)
    }

    @Test func aListReplacesThem() throws {
        let mine = ["注：请于2021年5月12日前报濮阳市科学技术局。", "联系人：郭兵 电话：0393-8990000"]
        #expect(try Self.notes { $0.notes = mine } == mine)
    }

    @Test func anEmptyListDropsThem() throws {
        #expect(try Self.notes { $0.notes = [] } == [])
    }

    @Test func theKeyIsReadFromTheFile() throws {
        let json = #"{"template": "key-project-2021", "notes": ["注：另行通知。"]}"#
        let form = try JSONDecoder().decode(AttachedForm.self, from: Data(json.utf8))
        #expect(form.notes == ["注：另行通知。"])
    }

    @Test func notesAreCheckedLikeOtherNoticeText() throws {
        var notice = try NoticeTests.notice("004")
        notice.attachments[0].form!.notes = ["注：按时报送。", "联系\u{7}人", " \n "]
        let renderer = NoticeRenderer(library: Fixtures.library, layouts: NoticeTests.layouts)
        #expect { try renderer.validate(notice, baseFolder: Fixtures.repository) } throws: { error in
            (error as? ValidationFailure)?.issues == [
                FieldIssue(key: "attachments[0].form.notes[1]", label: "填表说明", rule: .forbiddenCharacter(7)),
                FieldIssue(key: "attachments[0].form.notes[2]", label: "填表说明", rule: .required),
            ]
        }
    }
}
