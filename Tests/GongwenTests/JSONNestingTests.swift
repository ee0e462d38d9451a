import Foundation
import Testing
@testable import Gongwen

/// Nesting is capped, so a small body cannot cost seconds or the stack, and parse time
/// grows with the input, not with its depth.
@Suite("JSON nesting and size")
struct JSONNestingTests {
    static func nested(_ depth: Int, open: String = "[", close: String = "]") -> Data {
        Data((String(repeating: open, count: depth) + String(repeating: close, count: depth)).utf8)
    }

    @Test func fiveHundredDeepIsRefusedNamingTheLimit() {
        let detail = InputChecks.parseError(Self.nested(500))?.detail ?? ""
        #expect(detail.hasPrefix("第 1 行第 65 列"), "\(detail)")
        #expect(detail.contains("64"), "\(detail)")
    }

    @Test func objectsCountTowardsTheLimitToo() {
        let text = String(repeating: #"{"a": "#, count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(InputChecks.parseError(text)?.detail.contains("64") == true)
    }

    @Test func sixtyFourDeepIsAccepted() throws {
        var value = try JSONValue.parse(Self.nested(64), source: "test")
        var depth = 0
        while case .array(let items) = value {
            depth += 1
            value = items.first ?? .null
        }
        #expect(depth == 64)
    }

    @Test func aHundredThousandDeepIsRefusedWithoutExhaustingTheStack() {
        #expect(InputChecks.parseError(Self.nested(100_000))?.detail.contains("64") == true)
        #expect(InputChecks.parseError(Self.nested(100_000, open: #"{"a":"#, close: "}"))?.detail.contains("64") == true)
    }

    @Test func aTwoMegabyteFlatDocumentParsesWhole() throws {
        var text = #"{"rows": ["#
        for i in 0..<20_000 {
            if i > 0 { text += "," }
            text += #"{"name": "郑州市第\#(i)中学", "phone": "0371-6778\#(i)", "count": \#(i).50}"#
        }
        text += "]}"
        #expect(text.utf8.count > 1_400_000)
        guard case .object(let object) = try JSONValue.parse(Data((text + String(repeating: " ", count: 2_000_000 - text.utf8.count)).utf8), source: "test"),
              case .array(let rows)? = object["rows"] else {
            Issue.record("expected an object with rows")
            return
        }
        #expect(rows.count == 20_000)
        #expect(rows.last == .object(["name": .string("郑州市第19999中学"), "phone": .string("0371-677819999"), "count": .number(Decimal(string: "19999.5")!)]))
    }

    @Test func aDeepLineOfJSONLinesIsRefusedAtItsLine() throws {
        let records = try InputChecks.jsonLines("{\"projectName\": \"甲\"}\n" + String(decoding: Self.nested(500), as: UTF8.self))
        let detail = records.count == 2 ? InputChecks.malformed(records[1]) ?? "" : ""
        #expect(detail.contains("第 2 行第 65 列") && detail.contains("64"), "\(detail)")
    }
}
