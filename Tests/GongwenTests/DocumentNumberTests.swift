import Foundation
import Testing
@testable import Gongwen

/// 发文字号 errors name the key, the label, the rule and the part that breaks it, one
/// sentence each (issue 11, defect 10).
@Suite("发文字号 problems")
struct DocumentNumberTests {
    static func issues(_ number: String) throws -> [FieldIssue] {
        var notice = try NoticeTests.notice("000")
        notice.documentNumber = number
        let renderer = NoticeRenderer(library: Fixtures.library, layouts: NoticeTests.layouts)
        do {
            _ = try renderer.validate(notice, baseFolder: Fixtures.repository)
            return []
        } catch let failure as ValidationFailure {
            return failure.issues
        }
    }

    @Test(arguments: [
        ("郑科普联办〔20〕2号", DocumentNumberProblem.twoDigitYear("20"), "年份“20”只有两位，应写全四位，如〔2020〕"),
        ("郑科普联办〔202〕2号", .yearNotFourDigits("202"), "年份“202”应为四位阿拉伯数字"),
        ("郑科普联办〔二〇二〇〕2号", .yearNotFourDigits("二〇二〇"), "年份“二〇二〇”应为四位阿拉伯数字"),
        ("郑科普联办〔2020〕02号", .leadingZero("02"), "序号“02”编了虚位，不加前导的 0，应写作“2”"),
        ("郑科普联办〔2020〕0号", .zeroNumber, "序号不能为 0"),
        ("郑科普联办〔2020〕第2号", .ordinal, "序号前不加“第”字"),
        ("郑科普联办[2020]2号", .wrongBrackets(open: "[", close: "]"), "年份用了方括号“[]”，应使用六角括号“〔〕”"),
        ("郑科普联办［2020］2号", .wrongBrackets(open: "［", close: "］"), "年份用了方括号“［］”"),
        ("郑科普联办（2020）2号", .wrongBrackets(open: "（", close: "）"), "年份用了圆括号“（）”"),
        ("郑科普联办(2020)2号", .wrongBrackets(open: "(", close: ")"), "年份用了圆括号“()”"),
        ("郑科普联办【2020】2号", .wrongBrackets(open: "【", close: "】"), "年份用了方头括号“【】”"),
        ("郑科普联办〔2020〕2", .missingSuffix, "序号后缺少“号”字"),
        ("郑科普联办〔2020〕号", .missingNumber, "缺少序号"),
        ("郑科普联办〔2020〕二号", .numberNotDigits("二"), "序号“二”应为阿拉伯数字"),
        ("郑科普联办〔2020〕2号文", .textAfterSuffix("文"), "“号”字之后不应再有文字（现有“文”）"),
        ("〔2020〕2号", .missingOrgan, "缺少机关代字"),
        ("郑科普联办2020年2号", .missingYear(unbracketed: "2020"), "年份“2020”应放在六角括号〔〕中，写作〔2020〕"),
        ("郑科普联办2号", .missingYear(unbracketed: nil), "缺少年份"),
        ("郑科普联办〔2020 2号", .unclosedBracket("〔"), "年份的括号“〔”没有闭合"),
    ])
    func eachPartThatBreaksTheRuleHasItsOwnSentence(number: String, problem: DocumentNumberProblem, sentence: String) throws {
        let issues = try Self.issues(number)
        #expect(issues == [FieldIssue(key: "documentNumber", label: "发文字号", rule: .documentNumber(problem))])
        let text = try #require(issues.first).description
        #expect(text.hasPrefix("documentNumber（发文字号）：" + sentence), "\(text)")
        #expect(text.hasSuffix("[document-number]"))
    }

    @Test func severalBrokenPartsAreEachReported() throws {
        let issues = try Self.issues("郑科普联办[20]第02号")
        #expect(issues.map(\.rule) == [
            .documentNumber(.wrongBrackets(open: "[", close: "]")), .documentNumber(.twoDigitYear("20")),
            .documentNumber(.ordinal), .documentNumber(.leadingZero("02")),
        ])
    }

    @Test(arguments: ["郑科普联办〔2020〕2号", "国科发智〔2020〕167号", "濮科〔2021〕18号", "豫科〔2020〕97号"])
    func goodNumbersPass(number: String) throws {
        #expect(try Self.issues(number).isEmpty)
    }
}
