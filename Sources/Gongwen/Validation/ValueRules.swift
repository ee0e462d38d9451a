import Foundation

/// The rules of one field type, applied to one JSON value. Returns nil for an empty value
/// (null, "", or only spaces), which only `required` can turn into an error.
extension FieldDefinition {
    public func check(_ raw: JSONValue) -> Result<FieldValue?, FieldRule> {
        let text: String
        switch raw {
        case .null: return .success(nil)
        case .string(let s): text = s
        case .number(let n):
            // A count or an amount is read from the number's digits; any other field keeps
            // the number's text as the data wrote it (12.50, not 12.5).
            if type.isNumeric { return number(n.numeral) }
            text = n.literal
        case .bool, .array, .object:
            return .failure(.wrongKind(expected: type.isNumeric ? "数字" : "文字", found: raw.kindName))
        }
        if let bad = TextRules.firstForbiddenScalar(in: text) {
            return .failure(.forbiddenCharacter(bad.value))
        }
        let normalised = TextRules.normaliseLineBreaks(text)
        if TextRules.isBlank(normalised) { return .success(nil) }
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

    /// A number for a count or an amount: within the length rule when written out without an
    /// exponent, not negative, whole for a count, and with no more significant digits than a
    /// cell keeps, so that XLSX and DOCX print the same number.
    private func number(_ value: DecimalNumeral) -> Result<FieldValue?, FieldRule> {
        let length = value.plainLength
        if length > effectiveMaxLength { return .failure(.tooLong(limit: effectiveMaxLength, actual: length)) }
        if value.isNegative { return .failure(.negative) }
        if type == .count, !value.isWhole { return .failure(.notWholeNumber) }
        // Fifteen digits within the length rule always fit a Decimal, unless a template
        // allows numbers of more than 128 characters: one beyond a Decimal is refused alike.
        guard value.digits.count <= Self.significantDigits, let decimal = value.decimal else { return .failure(.precision) }
        return .success(.number(decimal))
    }

    /// The significant digits a spreadsheet cell keeps: it stores a binary double, which holds
    /// any 15-digit decimal exactly and no more, and Excel shows 15. A 16th digit would be
    /// rounded in the XLSX (9007199254740993 became …992) and printed in the DOCX.
    public static let significantDigits = 15
}

/// Text checks shared by every field type.
enum TextRules {
    /// The first character that XML 1.0 cannot carry: C0 controls other than tab, line feed
    /// and carriage return, and the non-characters U+FFFE and U+FFFF (which libxlsxwriter
    /// would pass through into a file Excel refuses).
    static func firstForbiddenScalar(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isForbidden)
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// CR LF and lone CR become LF: XML readers turn them into LF anyway, so keeping them
    /// would only make a round trip differ.
    static func normaliseLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Whether the text is only white space (any Unicode space, line break included), by
    /// code point: a space followed by a combining mark is a Character Swift calls white
    /// space, and the mark would be dropped with it.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// Without leading and trailing white space, by code point as `isBlank`: trimming a
    /// space must not take the mark after it.
    static func trimmed(_ text: String) -> String {
        text.trimmingScalars(where: \.properties.isWhitespace)
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

    /// A plain decimal number: optional minus, digits, optional fraction (no exponent: people
    /// do not type one into a cell). Stricter than `Decimal(string:)`, which reads "12abc" as
    /// 12, and exact at any length, where `Decimal` rounds beyond 38 digits.
    static func decimal(_ s: String) -> DecimalNumeral? {
        guard !s.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return nil }
        return DecimalNumeral(s)
    }
}
