/// A date as drafts write it — 2020年7月22日, 二〇二〇年七月二十二日, 二O二O年…, 2020.7.22,
/// 2020-07-22 — read into year, month and day; the standard prints 2020年7月22日. Figures are
/// ASCII here (`DraftText.clean` makes full-width ones so): Swift's `\d` would take 二 and 〇
/// as digits too, and 二〇二〇年七月二日 stopped the importer at `Int("二〇二〇")!`.
struct DraftDate: Sendable, Equatable {
    static let written = CompiledRegex(/([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日/)
    static let separated = CompiledRegex(/([0-9]{4})[.\-\/．]([0-9]{1,2})[.\-\/．]([0-9]{1,2})/)
    static let inChineseNumerals = CompiledRegex(/([〇○零OoＯ0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/)

    var year: Int
    var month: Int
    var day: Int

    var iso: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
    var standard: String { "\(year)年\(month)月\(day)日" }

    /// The whole of `text` (spaces ignored) as a date, or nil.
    init?(_ text: String) {
        let s = text.filter { $0 != " " && $0 != "\u{3000}" }
        var parts: (Int, Int, Int)?
        if let m = s.wholeMatch(of: Self.written.regex) ?? s.wholeMatch(of: Self.separated.regex),
           let y = Int(m.1), let mo = Int(m.2), let d = Int(m.3) {
            parts = (y, mo, d)
        } else if let m = s.wholeMatch(of: Self.inChineseNumerals.regex),
                  let y = Self.digits(String(m.1)), let mo = Self.number(String(m.2)), let d = Self.number(String(m.3)) {
            parts = (y, mo, d)
        }
        guard let (y, mo, d) = parts, (1...12).contains(mo), d >= 1, d <= Self.days(in: mo, of: y) else { return nil }
        year = y; month = mo; day = d
    }

    static let chineseDigits: [Character: Int] = [
        "〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "Ｏ": 0, "0": 0,
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 二〇二〇 → 2020: digit by digit.
    static func digits(_ s: String) -> Int? {
        var value = 0
        for c in s {
            guard let d = chineseDigits[c] else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// 七 → 7, 十二 → 12, 二十二 → 22, 三十 → 30.
    static func number(_ s: String) -> Int? {
        let chars = Array(s)
        guard let ten = chars.firstIndex(of: "十") else { return chars.count == 1 ? chineseDigits[chars[0]] : nil }
        let tens = ten == 0 ? 1 : (ten == 1 ? chineseDigits[chars[0]] : nil)
        let ones = ten + 1 < chars.count ? (ten + 2 == chars.count ? chineseDigits[chars[ten + 1]] : nil) : 0
        guard let tens, let ones, tens > 0 else { return nil }
        return tens * 10 + ones
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
