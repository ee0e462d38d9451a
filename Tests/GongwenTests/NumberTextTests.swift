import Foundation
import Testing
@testable import Gongwen

/// A JSON number given for a text field is text: the field keeps it as the data wrote it.
@Suite("Numbers in text fields")
struct NumberTextTests {
    @Test(arguments: ["12.50", "-0", "1e30", "1E+2", "0.10", "1e308", "123456789012345678901234567890"])
    func aNumberForATextFieldKeepsItsText(number: String) throws {
        let values = try InputChecks.values("key-project-2020", #"{"projectName": \#(number), "budget": \#(number)}"#)
        #expect(values["projectName"] == .text(number))
        #expect(values["budget"] == .text(number))
    }

    @Test func aNumberForAPostcodeOrAPhoneKeepsItsDigits() throws {
        let values = try InputChecks.values("key-project-2020", #"{"projectName": "x", "postcode": 450001, "phone": 67183769}"#)
        #expect(values["postcode"] == .text("450001"))
        #expect(values["phone"] == .text("67183769"))
    }

    @Test func aNumberForATextFieldOfARowKeepsItsText() throws {
        let values = try InputChecks.values("open-institution-2021", #"{"reporter": 2020.0, "rows": [{"name": "甲", "openTime": 5.20}]}"#)
        #expect(values["reporter"] == .text("2020.0"))
        #expect(values.rows == [["name": .text("甲"), "openTime": .text("5.20")]])
    }
}
