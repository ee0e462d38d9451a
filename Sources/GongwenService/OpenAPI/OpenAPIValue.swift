import Foundation
import Gongwen

/// A JSON value written as a Swift literal, objects keeping the order they are written in, so
/// that the OpenAPI document reads in the source as it reads on the wire.
indirect enum OpenAPIValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case number(Decimal)
    case bool(Bool)
    case array([OpenAPIValue])
    case object([(key: String, value: OpenAPIValue)])

    static func == (lhs: OpenAPIValue, rhs: OpenAPIValue) -> Bool {
        lhs.json == rhs.json
    }

    /// The member `key` of an object.
    subscript(key: String) -> OpenAPIValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Compact JSON text, UTF-8 as it is.
    var json: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .integer(let number): out += String(number)
        case .number(let number): out += "\(number)"
        case .bool(let flag): out += flag ? "true" : "false"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                Self.quote(member.key, into: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension OpenAPIValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: OpenAPIValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, OpenAPIValue)...) { self = .object(elements.map { (key: $0.0, value: $0.1) }) }
}

extension OpenAPIValue {
    /// A JSON document read from disk (the notice schema), objects in sorted key order.
    init(_ value: JSONValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .number(let literal):
            // A number no Decimal holds is kept as written rather than rounded.
            guard let number = literal.decimal else {
                self = .string(literal.literal)
                return
            }
            let int = NSDecimalNumber(decimal: number).intValue
            self = Decimal(int) == number ? .integer(int) : .number(number)
        case .bool(let flag): self = .bool(flag)
        case .null: self = .object([])
        case .array(let items): self = .array(items.map(OpenAPIValue.init))
        case .object(let members): self = .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: OpenAPIValue($0.value)) })
        }
    }

    /// Every `$ref` string rewritten by `transform`, everywhere in the value.
    func mappingReferences(_ transform: (String) -> String) -> OpenAPIValue {
        switch self {
        case .array(let items): return .array(items.map { $0.mappingReferences(transform) })
        case .object(let members):
            return .object(members.map { member in
                if member.key == "$ref", case .string(let target) = member.value { return (key: "$ref", value: .string(transform(target))) }
                return (key: member.key, value: member.value.mappingReferences(transform))
            })
        default: return self
        }
    }

    /// The object without the members named in `keys`.
    func removing(_ keys: Set<String>) -> OpenAPIValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { !keys.contains($0.key) })
    }
}
