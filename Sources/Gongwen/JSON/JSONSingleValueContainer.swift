/// One value, for `JSONValueDecoder`. The primitives' own `init(from:)` come back here for
/// their value (the protocol's defaults send them all to the generic `decode`), so text and
/// booleans are read from the value, and everything else decodes itself.
struct JSONSingleValueContainer: SingleValueDecodingContainer {
    let decoder: JSONValueDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self {
            guard case .string(let text) = decoder.value else { throw decoder.mismatch(expected: "文字") }
            return text as! T
        }
        if T.self == Bool.self {
            guard case .bool(let flag) = decoder.value else { throw decoder.mismatch(expected: "true 或 false") }
            return flag as! T
        }
        // A number would come back here for ever: notices hold none, and one needs reading
        // from its literal here first.
        precondition(!(T.self is any Numeric.Type), "JSONValueDecoder reads no \(T.self)")
        return try T(from: decoder)
    }
}
