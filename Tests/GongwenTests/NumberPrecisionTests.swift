import Foundation
import Testing
@testable import Gongwen

/// A cell holds a binary double, which keeps 15 significant digits: a count or an amount
/// with more is refused, naming field and rule, and what is accepted prints the same digits
/// in XLSX and in DOCX.
@Suite("Number precision")
struct NumberPrecisionTests {
    @Test(arguments: [
        ("key-project-2020", #""participants": 9007199254740993"#, "participants", "拟参加人数"),
        ("key-project-2020", #""participants": "9007199254740993""#, "participants", "拟参加人数"),
        ("key-project-2020", #""participants": 1234567890123456789012345678901234567890"#, "participants", "拟参加人数"),
        ("statistics-2022", #""funds": {"central": 0.123456789012345678901234567890}"#, "funds.central", "中央财政经费投入情况"),
        ("statistics-2022", #""funds": {"central": "1234567890.123456"}"#, "funds.central", "中央财政经费投入情况"),
    ])
    func moreThanFifteenSignificantDigitsAreRefused(templateID: String, fragment: String, key: String, label: String) throws {
        let first = templateID == "statistics-2022" ? #""reporter": "x""# : #""projectName": "x""#
        let found = try InputChecks.issues(templateID, "{\(first), \(fragment)}")
        #expect(found.map(\.key) == [key])
        #expect(found.first?.label == label)
        #expect(found.first?.rule.id == "precision")
        #expect(found.first?.message.contains("15") == true, "\(found.first?.message ?? "")")
    }

    @Test(arguments: ["123456789012345", "9.12345678901234", "0.000000000000001", "100000000000000000000", "1.5e-20"])
    func fifteenSignificantDigitsAreKept(amount: String) throws {
        let values = try InputChecks.values("statistics-2022", #"{"reporter": "x", "funds": {"central": \#(amount)}}"#)
        #expect(values["funds.central"] == .number(Decimal(string: amount)!))
    }

    /// Each amount as a reader of the XLSX shows it (the shortest text that gives back the
    /// double the cell stores, as Excel and openpyxl show it) and as the DOCX table prints it.
    @Test(arguments: ["12.50", "1e3", "0.07", "1E+2", "9.12345678901234", "123456789012345", "0.1", "-0"])
    func bothFormatsPrintTheSameDigits(amount: String) throws {
        let data = try JSONValue.parse(Data(#"{"reporter": "x", "funds": {"central": \#(amount)}}"#.utf8), source: "test")
        let sheet = try Fixtures.render("statistics-2022", data, format: .xlsx).xml("xl/worksheets/sheet1.xml")
        let stored = sheet.all("c").filter { $0["t"] == nil }.compactMap { $0.first("v")?.text }
        let document = try Fixtures.render("statistics-2022", data, format: .docx).xml("word/document.xml")
        let cells = document.all("w:tc").map(\.allText)
        let printed = cells.firstIndex(of: "中央财政经费投入情况").map { cells[$0 + 1] }
        let exact = Decimal(string: amount)!
        #expect(stored.count == 1)
        #expect(stored.first.flatMap { Double($0) }.flatMap { Decimal(string: "\($0)") } == exact, "XLSX \(stored)")
        #expect(printed == exact.description, "DOCX \(printed ?? "nothing")")
    }
}
