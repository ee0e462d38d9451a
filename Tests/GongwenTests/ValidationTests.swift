import Foundation
import Testing
@testable import Gongwen

@Suite("Validation of form data")
struct ValidationTests {
    let library = Fixtures.library

    func issues(_ templateID: String, _ json: String) throws -> [FieldIssue] {
        let template = try library.template(id: templateID)
        do {
            _ = try library.validator(for: template).validate(Fixtures.json(json))
            return []
        } catch {
            return error.issues
        }
    }

    @Test func exampleDataIsValidForEveryTemplate() throws {
        for template in library.templates {
            let result = try library.validator(for: template).validate(Fixtures.example(template.form))
            #expect(!result.values.values.isEmpty, "\(template.id)")
        }
    }

    @Test func requiredProjectName() throws {
        let found = try issues("key-project-2020", #"{"organizer": "郑州市科学技术馆"}"#)
        #expect(found == [FieldIssue(key: "projectName", label: "项目名称", rule: .required)])
        #expect(found[0].description == "projectName（项目名称）：必填项，不能为空 [required]")
    }

    @Test func summaryOf500CharactersIsValidAnd501IsNot() throws {
        let five = String(repeating: "科", count: 498) + "𠀀\n"
        #expect(five.count == 500)
        #expect(try issues("key-project-2020", #"{"projectName": "x", "summary": "\#(five)"}"#.replacingOccurrences(of: "\n", with: "\\n")).isEmpty)
        let found = try issues("key-project-2020", #"{"projectName": "x", "summary": "\#(five)多"}"#.replacingOccurrences(of: "\n", with: "\\n"))
        #expect(found == [FieldIssue(key: "summary", label: "项目简介", rule: .tooLong(limit: 500, actual: 501))])
    }

    @Test func charactersOutsideTheBasicPlaneCountAsOne() throws {
        let rare = String(repeating: "𪚥", count: 500)
        #expect(try issues("key-project-2020", #"{"projectName": "x", "summary": "\#(rare)"}"#).isEmpty)
    }

    @Test(arguments: [
        (#""participants": -1"#, "participants", FieldRule.negative),
        (#""participants": "三十""#, "participants", .notANumber),
        (#""participants": 2.5"#, "participants", .notWholeNumber),
        (#""participants": 1e100"#, "participants", .tooLong(limit: 40, actual: 101)),
        (#""participants": "1e3""#, "participants", .notANumber),
        (#""participants": true"#, "participants", .wrongKind(expected: "数字", found: "boolean")),
        (#""email": "abc""#, "email", .invalidEmail),
        (#""postcode": "45000""#, "postcode", .invalidPostcode),
        (#""postcode": "4500071""#, "postcode", .invalidPostcode),
        (#""phone": "0371-6718abcd""#, "phone", .invalidPhone),
        (#""projetName": "typo""#, "projetName", .unknownKey),
        (#""projectName": "a\u0001b""#, "projectName", .forbiddenCharacter(1)),
        (#""projectName": "a\uFFFEb""#, "projectName", .forbiddenCharacter(0xFFFE)),
        (#""projectName": "a\uFFFF""#, "projectName", .forbiddenCharacter(0xFFFF)),
        (#""organizer": {"x": 1}"#, "organizer", .wrongKind(expected: "文字", found: "object")),
        (#""venue2": {"x": 1}"#, "venue2.x", .unknownKey),
    ])
    func badValues(fragment: String, key: String, rule: FieldRule) throws {
        let base = key == "projectName" ? "" : #""projectName": "x", "#
        let found = try issues("key-project-2020", "{\(base)\(fragment)}")
        #expect(found.map(\.key) == [key])
        #expect(found.first?.rule == rule)
        if rule != .unknownKey { #expect(found.first?.label.isEmpty == false) }
    }

    @Test(arguments: ["67183769", "0373-5820419", "6666209 13513936162", "(0371)67183769", "0371-67183769转8001", "+86 371 6718 3769"])
    func phonesAsTheSeedsWriteThem(phone: String) throws {
        #expect(try issues("key-project-2020", #"{"projectName": "x", "phone": "\#(phone)"}"#).isEmpty)
    }

    @Test func valuesWithASyntaxAreReadWithoutSurroundingSpaces() throws {
        let template = try library.template(id: "key-project-2020")
        let result = try library.validator(for: template).validate(Fixtures.json(
            #"{"projectName": "  x ", "postcode": "\u3000450007 ", "participants": " 30\n", "email": "a@b.cn"}"#))
        #expect(result.values["projectName"] == .text("  x "))
        #expect(result.values["postcode"] == .text("450007"))
        #expect(result.values["participants"] == .number(30))
        #expect(result.values["email"] == .text("a@b.cn"))
    }

    @Test func everyErrorOfOneInputIsReportedTogether() throws {
        let found = try issues("statistics-2022", #"{"reporter": "新乡市", "funds": {"central": -3}, "activities": {"held": "x"}, "media.reports": 2.5}"#)
        #expect(Set(found.map(\.key)) == ["funds.central", "activities.held", "media.reports"])
        #expect(found.first { $0.key == "funds.central" }?.label == "中央财政经费投入情况")
    }

    @Test func nestedAndDottedKeysAreTheSame() throws {
        let template = try library.template(id: "statistics-2022")
        let v = library.validator(for: template)
        let nested = try v.validate(Fixtures.json(#"{"reporter": "a", "funds": {"central": 12.35}}"#))
        let dotted = try v.validate(Fixtures.json(#"{"reporter": "a", "funds.central": "12.35"}"#))
        #expect(nested.values == dotted.values)
        #expect(nested.values["funds.central"] == .number(Decimal(string: "12.35")!))
    }

    @Test func aKeyThisVariantDoesNotPrintIsAWarning() throws {
        let template = try library.template(id: "open-institution-2020-quanzhou")
        let result = try library.validator(for: template).validate(Fixtures.json(
            #"{"reporter": "泉州市", "rows": [{"name": "华侨大学", "openTime": "5月20日", "phone": "0595-22692114"}]}"#))
        #expect(Set(result.warnings.map(\.key)) == ["rows[0].openTime", "rows[0].phone"])
        #expect(result.warnings.allSatisfy { $0.rule == .notPrinted })
        #expect(result.values.rows == [["name": .text("华侨大学")]])
    }

    @Test func aStartedRowNeedsItsName() throws {
        let found = try issues("open-institution-2020", #"{"reporter": "a", "rows": [{"name": "x"}, {"content": "开放实验室"}, {}]}"#)
        #expect(found == [FieldIssue(key: "rows[1].name", label: "单位名称", rule: .required)])
    }

    @Test func textIsKeptExactly() throws {
        let template = try library.template(id: "key-project-2020")
        let text = "A<B & \"C\" 𠀀𪚥😀（）〔〕：\n第二行"
        let data = JSONValue.object(["projectName": .string(text), "summary": .string("一\r\n二")])
        let result = try library.validator(for: template).validate(data)
        #expect(result.values["projectName"] == .text(text))
        #expect(result.values["summary"] == .text("一\n二"))
    }

    @Test func malformedJSONIsADataFormatError() {
        #expect(throws: DataFormatError.self) { try JSONValue.parse(Data("{\"a\": ".utf8), source: "x") }
    }
}
