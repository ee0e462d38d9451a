/// The kinds of value a form field holds. Each kind brings its own validation rule and its own
/// Excel data validation, so that a blank form guides the person filling it the same way the
/// service checks the data it is sent.
public enum FieldType: String, Codable, Sendable, CaseIterable {
    /// One line of text.
    case text
    /// Several lines of text, kept with their line breaks, usually with a character limit.
    case multiline
    /// A whole number that is never negative (人数, 次数, 个数).
    case count
    /// A non-negative decimal amount, such as funds in 万元.
    case amount
    /// An e-mail address.
    case email
    /// A six-digit Chinese postcode (邮政编码).
    case postcode
    /// A telephone number, written in any of the ways the seeds show
    /// (67183769, 0373-5820419, "6666209 13513936162").
    case phone

    /// Whether values of this type are numbers, written as numeric cells.
    public var isNumeric: Bool { self == .count || self == .amount }
}
