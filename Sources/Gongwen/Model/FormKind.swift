/// Which form a template is a variant of: any kebab-case id (`key-project`, `statistics`,
/// `science-base`). Variants of one kind share their field keys, so one data file fills every
/// variant of its form. A kind is data, named by the template files that use it: a new kind
/// of form is a new file under `templates/forms/`, never a new case in the code.
public struct FormKind: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Nil unless `rawValue` is kebab-case: lowercase ASCII letters and digits in words
    /// joined by single hyphens, starting with a letter (it becomes part of file names and
    /// URLs, and one spelling per kind keeps variants together).
    public init?(rawValue: String) {
        guard Self.isKebabCase(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let kind = FormKind(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "form \"\(text)\" must be a kebab-case id such as key-project"))
        }
        self = kind
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (a: FormKind, b: FormKind) -> Bool { a.rawValue < b.rawValue }

    static func isKebabCase(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
              bytes.last != UInt8(ascii: "-") else { return false }
        var previousHyphen = false
        for b in bytes {
            let hyphen = b == UInt8(ascii: "-")
            let allowed = hyphen || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            guard allowed, !(hyphen && previousHyphen) else { return false }
            previousHyphen = hyphen
        }
        return true
    }
}
