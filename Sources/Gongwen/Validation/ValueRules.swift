import Foundation

/// The rules of one field type, applied to one JSON value. Returns nil for an empty value
/// (null, "", or only spaces), which only `required` can turn into an error.
extension FieldDefinition {
    public func check(_ raw: JSONValue) -> Result<FieldValue?, FieldRule> {
        let text: String
        switch raw {
        case .null: return .success(nil)
        case .string(let s): text = s
        case .number(let d):
            text = d.description
            // A JSON number within the length rule needs no reading back from its text.
            if type.isNumeric, text.utf8.count <= effectiveMaxLength { return number(d) }
        case .bool, .array, .object:
            return .failure(.wrongKind(expected: type.isNumeric ? "数字" : "文字", found: raw.kindName))
        }
        if let bad = TextRules.firstForbiddenScalar(in: text) {
            return .failure(.forbiddenCharacter(bad.value))
        }
        let normalised = TextRules.normaliseLineBreaks(text)
        if normalised.allSatisfy(\.isWhitespace) { return .success(nil) }
        // A character is at least one UTF-8 byte: most values are short enough that their
        // characters need no counting.
        if normalised.utf8.count > effectiveMaxLength {
            let length = normalised.count
            if length > effectiveMaxLength {
                return .failure(.tooLong(limit: effectiveMaxLength, actual: length))
            }
        }
        if let rule = CellLimit.check(normalised) { return .failure(rule) }
        // Text is kept as typed; the other types are read, and spaces around them mean nothing.
        let value = type == .text || type == .multiline ? normalised : TextRules.trimmed(normalised)
        switch type {
        case .text, .multiline:
            return .success(.text(value))
        case .email:
            return TextRules.isEmail(value) ? .success(.text(value)) : .failure(.invalidEmail)
        case .postcode:
            return TextRules.isPostcode(value) ? .success(.text(value)) : .failure(.invalidPostcode)
        case .phone:
            return TextRules.isPhone(value) ? .success(.text(value)) : .failure(.invalidPhone)
        case .count, .amount:
            guard let number = TextRules.decimal(value) else { return .failure(.notANumber) }
            return self.number(number)
        }
    }

    /// A number for a count or an amount.
    private func number(_ value: Decimal) -> Result<FieldValue?, FieldRule> {
        if value < 0 { return .failure(.negative) }
        if type == .count, value != value.rounded() { return .failure(.notWholeNumber) }
        return .success(.number(value))
    }
}

/// Text checks shared by every field type.
enum TextRules {
    /// The first character that XML 1.0 cannot carry: C0 controls other than tab, line feed
    /// and carriage return, and the non-characters U+FFFE and U+FFFF (which libxlsxwriter
    /// would pass through into a file Excel refuses).
    static func firstForbiddenScalar(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: false
            case 0x00...0x1F, 0xFFFE, 0xFFFF: true
            default: false
            }
        }
    }

    /// CR LF and lone CR become LF: XML readers turn them into LF anyway, so keeping them
    /// would only make a round trip differ.
    static func normaliseLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Without leading and trailing white space (any Unicode space, line break included).
    static func trimmed(_ text: String) -> String {
        guard let first = text.first, let last = text.last, first.isWhitespace || last.isWhitespace else { return text }
        return String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// local@domain.tld, the characters mail systems accept, checked by hand: a regular
    /// expression built on every call was most of a batch's validation time.
    static func isEmail(_ s: String) -> Bool {
        let parts = s.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(isLocalByte) else { return false }
        let labels = parts[1].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && $0.allSatisfy(isDomainByte) }
    }

    private static func isLocalByte(_ b: UInt8) -> Bool {
        isDomainByte(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%") || b == UInt8(ascii: "+")
    }

    private static func isDomainByte(_ b: UInt8) -> Bool {
        (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) || b == UInt8(ascii: "-")
    }

    static func isPostcode(_ s: String) -> Bool {
        s.utf8.count == 6 && s.utf8.allSatisfy { (48...57).contains($0) }
    }

    /// Characters people write between the digits of a phone number.
    private static let phoneSeparators: Set<Character> = [" ", "\u{3000}", "-", "－", "—", "+", "＋", "(", ")", "（", "）", "/", "、", ",", "，", ";", "；", "转"]

    /// Digits with the separators people write between them: spaces, dashes, brackets,
    /// slashes, commas, 、 and 转 (extension). At least five digits.
    static func isPhone(_ s: String) -> Bool {
        var digits = 0
        for ch in s {
            if let a = ch.asciiValue, (48...57).contains(a) {
                digits += 1
            } else if !phoneSeparators.contains(ch) {
                return false
            }
        }
        return digits >= 5
    }

    /// A plain decimal number: optional minus, digits, optional fraction. Stricter than
    /// `Decimal(string:)`, which reads "12abc" as 12.
    static func decimal(_ s: String) -> Decimal? {
        var bytes = s.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits = { (part: Substring.UTF8View.SubSequence) in !part.isEmpty && part.allSatisfy { (48...57).contains($0) } }
        guard parts.allSatisfy(isDigits) else { return nil }
        return Decimal(string: s, locale: posix)
    }

    /// Made once: creating a locale costs more than reading the number.
    private static let posix = Locale(identifier: "en_US_POSIX")
}

extension Decimal {
    func rounded() -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
