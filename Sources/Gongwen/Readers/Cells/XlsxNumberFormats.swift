import Foundation

/// Which cell styles of a workbook show numbers as dates, from `xl/styles.xml`: each `xf` of
/// `cellXfs` names a number format, built in (14–22, 27–36, 45–47, 50–58 are dates and
/// times) or a `numFmt` whose code has date or time letters outside quotes and brackets.
/// A cell reader needs this because Excel stores a date as a bare day number: 2020/8/23 is
/// the number 44066 with a date style, and reading it as 44066 is not what anyone typed.
struct XlsxNumberFormats {
    private var dateStyles: Set<Int> = []

    /// The formats of a workbook with no styles part: every cell General.
    static let general = XlsxNumberFormats()

    init() {}

    init(formats: [Int: String], styleFormats: [Int]) {
        for (style, format) in styleFormats.enumerated() where Self.isDate(id: format, code: formats[format]) {
            dateStyles.insert(style)
        }
    }

    /// Whether cells of style `index` (the `s` attribute) show numbers as dates or times.
    func showsDate(style index: Int) -> Bool { dateStyles.contains(index) }

    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    static func isDate(id: Int, code: String?) -> Bool {
        guard let code else { return builtInDates.contains(id) }
        return isDate(code: code)
    }

    /// Whether a format code shows a date or time: y, m, d, h or s outside quoted text,
    /// escaped characters and brackets (colours, locales), or an elapsed-time bracket ([h]).
    /// Only the first section counts, the one for positive numbers.
    static func isDate(code: String) -> Bool {
        var letters = ""
        var characters = code.makeIterator()
        while let c = characters.next() {
            switch c {
            case "\"": while let q = characters.next(), q != "\"" {}
            case "\\", "_", "*": _ = characters.next()
            case "[":
                var inside = ""
                while let b = characters.next(), b != "]" { inside.append(b) }
                let lowered = inside.lowercased()
                if !lowered.isEmpty, lowered.allSatisfy({ "hms".contains($0) }) { return true }
            case ";": return hasDateLetter(letters)
            default: letters.append(c)
            }
        }
        return hasDateLetter(letters)
    }

    private static func hasDateLetter(_ letters: String) -> Bool {
        let lowered = letters.lowercased().replacingOccurrences(of: "general", with: "")
        return lowered.contains { "ymdhs".contains($0) }
    }
}
