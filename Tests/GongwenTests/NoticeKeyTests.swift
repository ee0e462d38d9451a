import Foundation
import Testing
@testable import Gongwen

/// A notice key the format does not have is refused, at every level, naming its path: a
/// typo (`nte` for `note`) must not drop the 附注 without a word.
@Suite("Unknown keys in notices")
struct NoticeKeyTests {
    /// The seed notice 004 (it has a 版记) with `change` applied to its parsed JSON.
    static func notice(_ change: (inout [String: Any]) -> Void) throws -> Data {
        let url = Fixtures.repository.appendingPathComponent("examples/notices/004.json")
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func issues(_ data: Data) -> [FieldIssue] {
        do {
            _ = try NoticeRenderer.decode(data, source: "notice.json")
            return []
        } catch let failure as ValidationFailure {
            return failure.issues
        } catch {
            Issue.record("expected invalid data, got \(error)")
            return []
        }
    }

    /// Sets `value` at `path` (keys, and array indexes as digits) inside `object`.
    static func set(_ value: Any, at path: [String], in object: inout [String: Any]) {
        func set(_ node: Any, _ rest: ArraySlice<String>) -> Any {
            guard let step = rest.first else { return value }
            if let index = Int(step), var array = node as? [Any] {
                array[index] = set(array[index], rest.dropFirst())
                return array
            }
            var dictionary = node as! [String: Any]
            dictionary[step] = set(dictionary[step] ?? [String: Any](), rest.dropFirst())
            return dictionary
        }
        object = set(object, path[...]) as! [String: Any]
    }

    @Test(arguments: [
        (["nte"], "nte", ""),
        (["colophon", "copyto"], "colophon.copyto", "版记"),
        (["issuer", "suffx"], "issuer.suffx", "发文机关标志"),
        (["body", "0", "txet"], "body[0].txet", "正文"),
        (["attachments", "0", "form", "templat"], "attachments[0].form.templat", "附件"),
        (["signature", "organs", "0", "sael"], "signature.organs[0].sael", "发文机关署名"),
    ])
    func anUnknownKeyIsRefusedWithItsPath(path: [String], key: String, label: String) throws {
        let found = Self.issues(try Self.notice { Self.set("x", at: path, in: &$0) })
        #expect(found == [FieldIssue(key: key, label: label, rule: .unknownKey)])
    }

    @Test func everyUnknownKeyIsReportedTogether() throws {
        let found = Self.issues(try Self.notice {
            $0["nte"] = "信息公开选项：主动公开"
            Self.set(["甲"], at: ["colophon", "copyto"], in: &$0)
        })
        #expect(Set(found.map(\.key)) == ["nte", "colophon.copyto"])
        #expect(found.allSatisfy { $0.rule.id == "unknown-key" })
    }

    @Test func theSchemaReferenceIsNotAnUnknownKey() throws {
        let data = try Self.notice { $0["$schema"] = "../../templates/schema/notice.schema.json" }
        #expect(try NoticeRenderer.decode(data, source: "notice.json").title.isEmpty == false)
    }

    @Test func theFormDataOfAnAttachmentIsLeftToTheForm() throws {
        let data = try Self.notice { Self.set("x", at: ["attachments", "0", "form", "data", "projetName"], in: &$0) }
        let notice = try NoticeRenderer.decode(data, source: "notice.json")
        guard case .object(let object)? = notice.attachments[0].form?.data else {
            Issue.record("the attached form's data should be an object")
            return
        }
        #expect(object["projetName"] == .string("x"), "the form validator reports it, with the form's rules")
    }
}
