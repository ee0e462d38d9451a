import Foundation

/// A JSON value as the data file wrote it. Numbers are kept as `Decimal`, so an amount such
/// as 12.35 万元 comes out exactly as it went in, never through a binary float.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Decimal)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

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

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let d = try? c.decode(Decimal.self) {
            self = .number(d)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

extension JSONValue {
    /// Parses a JSON document, turning the decoder's error into one that says where the
    /// syntax broke.
    public static func parse(_ data: Data, source: String) throws(DataFormatError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw DataFormatError(source: source, detail: detail ?? context.debugDescription)
        } catch {
            throw DataFormatError(source: source, detail: String(describing: error))
        }
    }
}
