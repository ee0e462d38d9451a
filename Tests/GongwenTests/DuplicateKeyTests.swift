import Foundation
import Testing
@testable import Gongwen

/// One key given twice, however it is spelt, is an error naming it: a result must never
/// depend on which of two values a dictionary happened to keep.
@Suite("Duplicate keys")
struct DuplicateKeyTests {
    @Test(arguments: [
        (#"{"a": 1, "a": 2}"#, "a", "第 1 行第 10 列"),
        (#"{"funds": {"central": 1, "central": 2}}"#, "funds.central", "第 1 行第 26 列"),
        (#"{"reporter": "x", "rows": [{"name": "甲"}, {"name": "乙", "name": "丙"}]}"#, "rows[1].name", "第 1 行第 57 列"),
        ("{\"a\": 1, \"\\u0061\": 2}", "a", "第 1 行第 10 列"),
    ])
    func aKeyTwiceInOneObjectIsRefused(text: String, path: String, place: String) {
        let detail = InputChecks.parseError(text)?.detail ?? ""
        #expect(detail.hasPrefix(place), "\(detail)")
        #expect(detail.contains("“\(path)”"), "\(detail)")
    }

    @Test func aNestedAndADottedKeyForOneFieldAreRefused() throws {
        for text in [#"{"reporter": "x", "funds": {"central": 1}, "funds.central": 2}"#,
                     #"{"reporter": "x", "funds.central": 2, "funds": {"central": 1}}"#] {
            let found = try InputChecks.issues("statistics-2022", text)
            #expect(found.map(\.key) == ["funds.central"], "\(text)")
            #expect(found.first?.label == "中央财政经费投入情况")
            #expect(found.first?.rule.id == "duplicate-key")
        }
    }

    @Test func aKeyAndALabelForOneFieldInAJSONLinesRecordAreRefused() throws {
        let folder = Fixtures.temporaryFolder().appendingPathComponent("out")
        let list = try JSONLinesList.open(.memory(Data("""
            {"projectName": "甲", "organizer": "郑州大学"}
            {"projectName": "乙", "项目名称": "丙", "organizer": "郑州大学"}
            """.utf8)), file: "list.jsonl")
        let runner = try BatchRunner(library: Fixtures.library, templateID: "key-project-2020",
                                     options: BatchOptions(formats: [.xlsx], folder: folder, pattern: nil, zip: false, keepGoing: false, jobs: 1))
        do {
            _ = try runner.plan(list)
            Issue.record("the plan should have been refused")
        } catch let failure as BatchValidationFailure {
            #expect(failure.issues.map(\.records) == [2...2])
            let message = failure.issues.first?.message ?? ""
            #expect(message.contains("projectName") && message.contains("项目名称"), "\(message)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
