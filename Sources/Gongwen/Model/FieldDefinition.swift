/// One field of a form template: the key that data uses, the Chinese label the form prints,
/// and the rules a value must keep.
public struct FieldDefinition: Codable, Sendable, Hashable {
    /// The data key, dotted for nested values (`funds.central`) and prefixed with `rows[].`
    /// for the columns of a list form (`rows[].name`).
    public var key: String
    /// The Chinese label as the form prints it, e.g. 项目名称.
    public var label: String
    public var type: FieldType
    public var required: Bool
    /// The most characters a text value may have (grapheme clusters, as a person counts).
    public var maxLength: Int?
    /// Text shown in the empty input cell of a blank form, e.g. （主要活动内容、方式、参加人员、宣传方式）.
    public var hint: String?

    public init(key: String, label: String, type: FieldType, required: Bool = false,
                maxLength: Int? = nil, hint: String? = nil) {
        self.key = key
        self.label = label
        self.type = type
        self.required = required
        self.maxLength = maxLength
        self.hint = hint
    }

    enum CodingKeys: String, CodingKey { case key, label, type, required, maxLength, hint }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        label = try c.decode(String.self, forKey: .label)
        type = try c.decode(FieldType.self, forKey: .type)
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength)
        hint = try c.decodeIfPresent(String.self, forKey: .hint)
    }

    /// The prefix that marks the column fields of a list form.
    public static let rowPrefix = "rows[]."

    /// Whether this field is a column of a list form's rows.
    public var isRowField: Bool { key.hasPrefix(Self.rowPrefix) }

    /// The key inside one row object (`name` for `rows[].name`).
    public var rowKey: String { isRowField ? String(key.dropFirst(Self.rowPrefix.count)) : key }

    /// The character limit in force: the template's, or a default that keeps every value
    /// inside what a spreadsheet cell can carry (Excel holds at most 32,767 characters).
    public var effectiveMaxLength: Int {
        if let maxLength { return maxLength }
        switch type {
        case .multiline: return 5_000
        case .text: return 500
        case .email, .phone: return 100
        case .postcode: return 20
        case .count, .amount: return 40
        }
    }
}
