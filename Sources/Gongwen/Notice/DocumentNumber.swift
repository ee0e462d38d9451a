/// What is wrong with a 发文字号, part by part: 机关代字 + 〔four-digit year〕 + number + 号
/// (GB/T 9704: the year in full inside 六角括号, the number without leading zeros or 第).
/// Each case is one sentence that names the part and says how to write it.
public enum DocumentNumberProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing before the bracketed year.
    case missingOrgan
    /// No year in brackets; `unbracketed` is the four digits found without them, if any.
    case missingYear(unbracketed: String?)
    /// An opening bracket that is never closed.
    case unclosedBracket(String)
    /// The year in other brackets than 〔〕: square, round, lenticular…
    case wrongBrackets(open: String, close: String)
    /// The year in two digits, e.g. 〔20〕.
    case twoDigitYear(String)
    /// A year that is not four Arabic digits (〔202〕, 〔二〇二〇〕, full-width digits).
    case yearNotFourDigits(String)
    /// 第 before the number.
    case ordinal
    /// Nothing between the year and 号.
    case missingNumber
    /// A number that is not Arabic digits.
    case numberNotDigits(String)
    /// A number with a leading zero (虚位), e.g. 05.
    case leadingZero(String)
    /// The number 0.
    case zeroNumber
    /// No 号 after the number.
    case missingSuffix
    /// Text after 号.
    case textAfterSuffix(String)

    public var description: String {
        switch self {
        case .missingOrgan: "缺少机关代字：〔年份〕之前应写发文机关代字"
        case .missingYear(let year?): "年份“\(year)”应放在六角括号〔〕中，写作〔\(year)〕"
        case .missingYear(nil): "缺少年份：机关代字之后应写六角括号括起的四位年份，如〔2020〕"
        case .unclosedBracket(let open): "年份的括号“\(open)”没有闭合，应写作〔2020〕"
        case .wrongBrackets(let open, let close):
            "年份用了\(Self.bracketName(open, close))“\(open)\(close)”，应使用六角括号“〔〕”"
        case .twoDigitYear(let year): "年份“\(year)”只有两位，应写全四位，如〔20\(year)〕"
        case .yearNotFourDigits(let year): "年份“\(year)”应为四位阿拉伯数字，如〔2020〕"
        case .ordinal: "序号前不加“第”字，如“第2号”应写作“2号”"
        case .missingNumber: "缺少序号：〔年份〕与“号”之间应写序号"
        case .numberNotDigits(let number): "序号“\(number)”应为阿拉伯数字"
        case .leadingZero(let number):
            "序号“\(number)”编了虚位，不加前导的 0，应写作“\(number.drop { $0 == "0" })”"
        case .zeroNumber: "序号不能为 0，从 1 编起"
        case .missingSuffix: "序号后缺少“号”字"
        case .textAfterSuffix(let text): "“号”字之后不应再有文字（现有“\(text)”）"
        }
    }

    /// The Chinese name of a pair of brackets, as a clerk would call them.
    private static func bracketName(_ open: String, _ close: String) -> String {
        switch (open, close) {
        case ("[", "]"), ("［", "］"): "方括号"
        case ("(", ")"), ("（", "）"): "圆括号"
        case ("【", "】"): "方头括号"
        case ("〖", "〗"): "空心方头括号"
        case ("〈", "〉"), ("<", ">"), ("《", "》"): "书名号或尖括号"
        case ("{", "}"), ("｛", "｝"): "花括号"
        default: "括号"
        }
    }

    /// Every problem of `number`, in reading order; empty for a good 发文字号.
    public static func problems(in number: String) -> [DocumentNumberProblem] {
        let characters = Array(number)
        func isOpen(_ c: Character) -> Bool {
            c.unicodeScalars.first.map { [.openPunctuation, .initialPunctuation].contains($0.properties.generalCategory) } ?? false
                || c == "<"
        }
        func isClose(_ c: Character) -> Bool {
            c.unicodeScalars.first.map { [.closePunctuation, .finalPunctuation].contains($0.properties.generalCategory) } ?? false
                || c == ">"
        }
        guard let open = characters.firstIndex(where: isOpen) else {
            // A run of exactly four digits, e.g. 郑科普联办2020年2号.
            let year = number.matches(of: /[0-9]+/).map { String($0.output) }.first { $0.count == 4 }
            return [.missingYear(unbracketed: year)]
        }
        guard let close = characters[(open + 1)...].firstIndex(where: isClose) else {
            return [.unclosedBracket(String(characters[open]))]
        }
        var found: [DocumentNumberProblem] = []
        if String(characters[..<open]).unicodeScalars.allSatisfy(\.properties.isWhitespace) { found.append(.missingOrgan) }
        if characters[open] != "〔" || characters[close] != "〕" {
            found.append(.wrongBrackets(open: String(characters[open]), close: String(characters[close])))
        }
        let year = String(characters[(open + 1)..<close])
        if year.isEmpty {
            found.append(.missingYear(unbracketed: nil))
        } else if year.utf8.allSatisfy({ (0x30...0x39).contains($0) }) && year.utf8.count == 2 {
            found.append(.twoDigitYear(year))
        } else if !(year.utf8.allSatisfy({ (0x30...0x39).contains($0) }) && year.utf8.count == 4) {
            found.append(.yearNotFourDigits(year))
        }
        var rest = characters[(close + 1)...]
        if rest.first == "第" {
            found.append(.ordinal)
            rest = rest.dropFirst()
        }
        let suffix = rest.firstIndex(of: "号")
        let digits = String(rest[..<(suffix ?? rest.endIndex)])
        if digits.isEmpty {
            found.append(.missingNumber)
        } else if !digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            found.append(.numberNotDigits(digits))
        } else if digits.utf8.allSatisfy({ $0 == 0x30 }) {
            found.append(.zeroNumber)
        } else if digits.hasPrefix("0") {
            found.append(.leadingZero(digits))
        }
        if let suffix {
            let after = String(rest[(suffix + 1)...])
            if !after.isEmpty { found.append(.textAfterSuffix(after)) }
        } else {
            found.append(.missingSuffix)
        }
        return found
    }
}
