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
}
