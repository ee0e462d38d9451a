/// The items of an array, for `JSONValueDecoder`, read in order.
struct JSONUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let decoder: JSONValueDecoder
    private(set) var currentIndex = 0

    init(items: [JSONValue], decoder: JSONValueDecoder) {
        self.items = items
        self.decoder = decoder
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func decodeNil() throws -> Bool {
        guard try item().value == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try T(from: item())
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try item().container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try item().unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try item()
        currentIndex += 1
        return decoder
    }

    /// The decoder of the current item; reading past the end is a missing item.
    private func item() throws -> JSONValueDecoder {
        let index = JSONValueDecoder.Index(currentIndex)
        guard !isAtEnd else {
            throw JSONValueDecoder.Mismatch(path: JSONPath(codingPath + [index]), rule: .required)
        }
        return decoder.nested(items[currentIndex], at: index)
    }
}
