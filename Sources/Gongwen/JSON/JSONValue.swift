import Foundation

/// A JSON value as the data file wrote it. Numbers keep their literal text (`JSONNumber`), so
/// an amount such as 12.35 万元 comes out exactly as it went in, never through a binary float,
/// and a number given for a text field is the text the data wrote.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(JSONNumber)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    /// The number of a decimal: what a form's values and totals hold.
    public static func number(_ value: Decimal) -> JSONValue { .number(JSONNumber(value)) }

    /// A word for the kind of value, used in error messages.
    public var kindName: String {
        switch self {
        case .string: "text"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSONValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let n):
            // An encoder writes a Decimal's digits; a number no Decimal holds is not written rounded.
            guard let decimal = n.decimal else {
                throw EncodingError.invalidValue(n.literal, .init(codingPath: encoder.codingPath,
                                                                  debugDescription: "a number beyond what a Decimal holds exactly"))
            }
            try c.encode(decimal)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

extension JSONValue: Decodable {
    /// A value inside a document read through `JSONValueDecoder` (a notice's attached form
    /// data) is the parsed value itself. Any other decoder would give back what `parse` exists
    /// to avoid: number literals lost, duplicate keys dropped, each kind tried in turn.
    public init(from decoder: any Decoder) throws {
        guard let tree = decoder as? JSONValueDecoder else {
            throw DecodingError.typeMismatch(JSONValue.self, .init(codingPath: decoder.codingPath,
                                                                   debugDescription: "a JSONValue is read with JSONValue.parse"))
        }
        self = tree.value
    }
}

extension JSONValue {
    /// How deep arrays and objects may nest unless a caller says otherwise: a form's data is
    /// 3 deep and a notice about 12, so a deeper text is a mistake or an attack, refused
    /// before it costs time or stack.
    public static let defaultMaxDepth = 64

    /// Parses RFC 8259 JSON text, with a UTF-8 byte order mark before it allowed. A key given
    /// twice in one object and nesting deeper than `maxDepth` are refused; every error says
    /// line and column (`第 3 行第 14 列：…`) and the key it was under.
    public static func parse(_ data: Data, source: String, maxDepth: Int = defaultMaxDepth) throws(DataFormatError) -> JSONValue {
        do throws(JSONSyntaxError) {
            return try JSONParser.parse(data, maxDepth: maxDepth)
        } catch {
            throw DataFormatError(source: source, detail: error.detail())
        }
    }
}
