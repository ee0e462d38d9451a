import Foundation

/// Decodes a cell by its type the way Excel shows it, or says why it cannot: an error value,
/// a formula without its result, a shared string that is not there, a number that is not
/// one. Never a silent blank for a cell that holds something.
struct XlsxCellDecoder {
    /// The shared strings; nil when the workbook has none.
    let shared: [String]?
    let formats: XlsxNumberFormats
    let date1904: Bool

    /// The cell's content, nil for an empty cell.
    func decode(_ cell: XlsxRawCell) throws(CellProblem) -> CellText? {
        if let formula = cell.formula, cell.value?.isEmpty ?? true, cell.type != "inlineStr" {
            // A formula's result is its value; an empty string result is `t="str"` with `<v></v>`.
            guard cell.type == "str", cell.value != nil else { throw .noCachedValue(formula: formula) }
        }
        switch cell.type {
        case "s":
            guard let raw = cell.value else { return nil }
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), index >= 0 else { throw .malformedStringIndex(raw) }
            guard let shared else { throw .noSharedStrings(index: index) }
            guard index < shared.count else { throw .stringIndexOutOfRange(index: index, count: shared.count) }
            return CellText(text: shared[index], isNumber: false)
        case "inlineStr":
            return cell.inline.map { CellText(text: Xstring.decoded($0), isNumber: false) }
        case "str":
            return cell.value.map { CellText(text: Xstring.decoded($0), isNumber: false) }
        case "b":
            guard let raw = cell.value, !raw.isEmpty else { return nil }
            switch raw.trimmingCharacters(in: .whitespaces) {
            case "1", "true": return CellText(text: "TRUE", isNumber: false, shown: .boolean(true))
            case "0", "false": return CellText(text: "FALSE", isNumber: false, shown: .boolean(false))
            default: throw .malformedBoolean(raw)
            }
        case "e":
            throw .formulaError(cell.value.flatMap { $0.isEmpty ? nil : $0 } ?? "#N/A")
        case "d":
            guard let raw = cell.value, !raw.isEmpty else { return nil }
            guard let shown = Self.isoDate(raw) else { throw .malformedDate(raw) }
            return CellText(text: raw, isNumber: false, shown: .date(shown))
        case "n":
            guard let raw = cell.value, !raw.isEmpty else { return nil }
            let digits = raw.trimmingCharacters(in: .whitespaces)
            guard Self.isNumber(digits), let number = Double(digits), number.isFinite else { throw .notANumber(raw) }
            guard formats.showsDate(style: cell.style) else { return CellText(text: digits, isNumber: true) }
            return CellText(text: digits, isNumber: true, shown: .date(ExcelDate.text(serial: number, date1904: date1904)))
        default:
            throw .unknownType(cell.type)
        }
    }

    /// Whether `text` is a number as XML Schema writes a double and Excel stores one:
    /// `-12.5`, `1E-3`, `.5`. Not `inf`, `nan`, hexadecimal or digits with separators, which
    /// `Double(_:)` would take or a person might mean otherwise.
    static func isNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { (48...57).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// The date of an ISO 8601 date cell (`2020-08-23T14:30:00Z`) as the reader writes dates:
    /// 2020-08-23 14:30; nil when it does not start with a calendar date.
    static func isoDate(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ i: Int) -> Bool { i < scalars.count && ("0"..."9").contains(scalars[i]) }
        guard scalars.count >= 10, (0..<4).allSatisfy(isDigit), scalars[4] == "-", isDigit(5), isDigit(6), scalars[7] == "-",
              isDigit(8), isDigit(9) else { return nil }
        let date = String(text.prefix(10))
        var time = text.dropFirst(10)
        guard time.first == "T" || time.first == " " else { return time.isEmpty ? date : nil }
        time = time.dropFirst().prefix { $0 != "Z" && $0 != "+" && $0 != "." }
        if time.hasSuffix(":00") && time.count == 8 { time = time.dropLast(3) }
        return time.isEmpty || time == "00:00" ? date : "\(date) \(time)"
    }
}
