import Foundation
import Testing
@testable import Gongwen

/// Text that is not RFC 8259 JSON is refused saying where (line and column, in Chinese, and
/// the key it was under); JSON that is well formed but out of a field's range is a field
/// problem naming key, label and rule.
@Suite("JSON syntax and positions")
struct JSONSyntaxTests {
    @Test func aSyntaxErrorSaysLineAndColumn() {
        let text = "{\n  \"projectName\": \"x\",\n  \"participants\": 12x\n}"
        let detail = InputChecks.parseError(text)?.detail ?? ""
        #expect(detail.hasPrefix("第 3 行第 21 列"), "\(detail)")
    }

    @Test(arguments: [#"{"projectName": "x",}"#, #"{"rows": [1, 2,]}"#, "[1,]"])
    func aTrailingCommaIsRefused(text: String) {
        let detail = InputChecks.parseError(text)?.detail ?? ""
        #expect(detail.contains("逗号"), "\(detail)")
    }

    @Test(arguments: [
        "", "   ", "{'a': 1}", "{a: 1}", "[01]", "[1.]", "[.5]", "[+1]", "[NaN]", "[Infinity]", "[-]", "[1e]",
        "[True]", "{\"a\" 1}", "[1] [2]", "{\"a\": 1} x", "[\"\\x\"]", "[\"\\u12\"]", "/* c */ {}", "[1,,2]",
    ])
    func anythingElseThatIsNotJSONIsRefused(text: String) {
        let detail = InputChecks.parseError(text)?.detail ?? ""
        #expect(detail.hasPrefix("第 1 行第 "), "\(text): \(detail)")
    }

    @Test func aLoneSurrogateIsRefusedAtItsPlaceUnderItsKey() {
        let detail = InputChecks.parseError(#"{"projectName": "\ud800"}"#)?.detail ?? ""
        #expect(detail.hasPrefix("第 1 行第 18 列"), "\(detail)")
        #expect(detail.contains("projectName"), "\(detail)")
        let low = InputChecks.parseError(#"{"projectName": "a\udc00"}"#)?.detail ?? ""
        #expect(low.hasPrefix("第 1 行第 19 列"), "\(low)")
    }

    @Test func aSurrogatePairIsOneCharacter() throws {
        #expect(try JSONValue.parse(Data(#"["\ud83d\ude00"]"#.utf8), source: "test") == .array([.string("😀")]))
    }

    @Test func invalidUTF8IsRefusedAtItsPlace() {
        var bytes = Data(#"{"projectName": "郑"#.utf8)
        bytes.append(contentsOf: [0xFF, 0x22, 0x7D])
        let detail = InputChecks.parseError(bytes)?.detail ?? ""
        #expect(detail.hasPrefix("第 1 行第 19 列"), "\(detail)")
        let overlong = InputChecks.parseError(Data([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D]))?.detail ?? ""
        #expect(overlong.hasPrefix("第 1 行第 3 列"), "\(overlong)")
    }

    @Test func aRawControlByteIsRefusedAtItsPlace() {
        let detail = InputChecks.parseError("{\"projectName\": \"a\u{7}b\"}")?.detail ?? ""
        #expect(detail.hasPrefix("第 1 行第 19 列"), "\(detail)")
        #expect(detail.contains("U+0007"), "\(detail)")
    }

    @Test func aRawControlByteInANoticeSaysWhere() throws {
        let url = Fixtures.repository.appendingPathComponent("examples/notices/000.json")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"date\": \"", with: "\"date\": \"\u{1}")
        let line = text.prefix { $0 != "\u{1}" }.filter { $0 == "\n" }.count + 1
        do {
            _ = try NoticeRenderer.decode(Data(text.utf8), source: "notice.json")
            Issue.record("expected a data format error")
        } catch let error as DataFormatError {
            #expect(error.detail.hasPrefix("第 \(line) 行第 "), "\(error.detail)")
            #expect(error.detail.contains("date"), "\(error.detail)")
        }
    }

    @Test func aByteOrderMarkAtTheStartIsAccepted() throws {
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(contentsOf: Data(#"{"projectName": "甲"}"#.utf8))
        #expect(try JSONValue.parse(bytes, source: "test") == .object(["projectName": .string("甲")]))
        var late = Data(#"{"projectName": "#.utf8)
        late.append(contentsOf: [0xEF, 0xBB, 0xBF])
        late.append(contentsOf: Data(#""甲"}"#.utf8))
        #expect(InputChecks.parseError(late)?.detail.hasPrefix("第 1 行第 17 列") == true)
    }

    @Test func numbersBeyondWhatADecimalHoldsAreFieldProblems() throws {
        let huge = String(repeating: "9", count: 200)
        for (fragment, key) in [("\"participants\": 1e308", "participants"), ("\"participants\": \(huge)", "participants")] {
            let found = try InputChecks.issues("key-project-2020", "{\"projectName\": \"x\", \(fragment)}")
            #expect(found.map(\.key) == [key], "\(fragment)")
            #expect(found.first?.label == "拟参加人数")
        }
        let tiny = try InputChecks.issues("statistics-2022", #"{"reporter": "x", "funds": {"central": 1e-130}}"#)
        #expect(tiny.map(\.key) == ["funds.central"])
        #expect(tiny.first?.label == "中央财政经费投入情况")
    }

    @Test func aBadLineOfJSONLinesNamesItsLineAndColumn() throws {
        let records = try InputChecks.jsonLines("{\"projectName\": \"甲\"}\n\n{\"projectName\": 12x}\n")
        let detail = records.count == 2 ? InputChecks.malformed(records[1]) ?? "" : ""
        #expect(detail.contains("第 3 行第 19 列"), "\(detail)")
    }

    @Test func jsonLinesRefuseADuplicateKeyOnItsLine() throws {
        let records = try InputChecks.jsonLines("{\"projectName\": \"甲\", \"projectName\": \"乙\"}")
        let detail = records.first.flatMap(InputChecks.malformed) ?? ""
        #expect(detail.contains("第 1 行第 22 列") && detail.contains("projectName"), "\(detail)")
    }
}
