import Foundation

/// An RFC 8259 parser over UTF-8 bytes, in one pass. Each value's kind is decided from its
/// first byte (Foundation's decoder, asked for "any JSON value", tried every kind in turn and
/// built an error with the full coding path for each failure: seconds for a small deep body).
/// It keeps a number's literal text, refuses a key given twice in one object (a dictionary
/// would keep one of the two silently) and nesting deeper than `maxDepth`, and says where it
/// stopped by line and column.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    let maxDepth: Int

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// One JSON value and the white space around it; a UTF-8 byte order mark before it is
    /// skipped (Windows Notepad writes one).
    static func parse(_ data: Data, maxDepth: Int) throws(JSONSyntaxError) -> JSONValue {
        let parsed: Result<JSONValue, JSONSyntaxError> = data.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self), maxDepth: maxDepth)
            return Result { () throws(JSONSyntaxError) in try parser.document() }.mapError(parser.located)
        }
        return try parsed.get()
    }

    private mutating func document() throws(JSONSyntaxError) -> JSONValue {
        if bytes.starts(with: Self.byteOrderMark) { position = Self.byteOrderMark.count }
        skipWhitespace()
        guard position < bytes.count else { throw failure(.empty) }
        let value = try value(depth: 0)
        skipWhitespace()
        guard position == bytes.count else { throw failure(.textAfterValue) }
        return value
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard position < bytes.count else { throw failure(.unexpectedEnd) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        default: throw unexpected()
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth <= maxDepth else { throw failure(.tooDeep(limit: maxDepth)) }
        position += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if next(is: "}") { return .object(members) }
        var comma: Int?
        while true {
            if let comma, at("}") { throw failure(.trailingComma, at: comma) }
            guard at("\"") else { throw position < bytes.count ? failure(.expectedKey) : failure(.unexpectedEnd) }
            let keyOffset = position
            let key = try string()
            guard members[key] == nil else {
                throw JSONSyntaxError(offset: keyOffset, problem: .duplicateKey, path: JSONPath([.key(key)]))
            }
            skipWhitespace()
            guard next(is: ":") else { throw failure(.expectedColon) }
            skipWhitespace()
            do throws(JSONSyntaxError) {
                members[key] = try value(depth: depth)
            } catch {
                throw error.under(.key(key))
            }
            comma = try endOfMember(closing: "}")
            if comma == nil { return .object(members) }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth <= maxDepth else { throw failure(.tooDeep(limit: maxDepth)) }
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if next(is: "]") { return .array(items) }
        var comma: Int?
        while true {
            if let comma, at("]") { throw failure(.trailingComma, at: comma) }
            do throws(JSONSyntaxError) {
                items.append(try value(depth: depth))
            } catch {
                throw error.under(.index(items.count))
            }
            comma = try endOfMember(closing: "]")
            if comma == nil { return .array(items) }
        }
    }

    /// After a member: the closing bracket (nil) or a comma, another member to follow (the
    /// comma's offset, where a trailing comma is reported).
    private mutating func endOfMember(closing: Character) throws(JSONSyntaxError) -> Int? {
        skipWhitespace()
        if next(is: closing) { return nil }
        let comma = position
        guard next(is: ",") else {
            throw position < bytes.count ? failure(.expectedCommaOr(closing)) : failure(.unexpectedEnd)
        }
        skipWhitespace()
        return comma
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as written.
    private mutating func number() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        _ = next(is: "-")
        if next(is: "0") {
            if atDigit { throw failure(.leadingZero) }
        } else {
            try digits()
        }
        if next(is: ".") { try digits() }
        if next(is: "e") || next(is: "E") {
            if !next(is: "+") { _ = next(is: "-") }
            try digits()
        }
        return JSONNumber(literal: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }

    /// One digit or more.
    private mutating func digits() throws(JSONSyntaxError) {
        guard atDigit else { throw position < bytes.count ? failure(.expectedDigit) : failure(.unexpectedEnd) }
        while atDigit { position += 1 }
    }

    private var atDigit: Bool {
        position < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
    }

    private mutating func word(_ text: StaticString) throws(JSONSyntaxError) {
        for byte in UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) {
            guard position < bytes.count else { throw failure(.unexpectedEnd) }
            guard bytes[position] == byte else { throw unexpected() }
            position += 1
        }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Whether the next byte is `character`.
    private func at(_ character: Character) -> Bool {
        position < bytes.count && bytes[position] == character.asciiValue
    }

    /// Steps over `character` if it is next.
    private mutating func next(is character: Character) -> Bool {
        guard at(character) else { return false }
        position += 1
        return true
    }

    func failure(_ problem: JSONSyntaxError.Problem, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? position, problem: problem)
    }

    /// The byte at the position is not what the grammar allows there: it is named as a
    /// person sees it (“,” or U+FEFF).
    private func unexpected() -> JSONSyntaxError {
        guard position < bytes.count else { return failure(.unexpectedEnd) }
        let byte = bytes[position]
        if (0x21...0x7E).contains(byte) { return failure(.unexpected("“\(Character(Unicode.Scalar(byte)))”")) }
        let rest = UnsafeBufferPointer(rebasing: bytes[position..<min(position + 4, bytes.count)])
        var decoder = UTF8()
        var iterator = rest.makeIterator()
        if byte >= 0x80, case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return failure(.unexpected(JSONSyntaxError.codePoint(scalar.value)))
        }
        return failure(byte >= 0x80 ? .invalidUTF8 : .unexpected(JSONSyntaxError.codePoint(UInt32(byte))))
    }

    /// The error with its line and column: lines end at line feeds, and a column is a
    /// character (a byte that does not continue a UTF-8 sequence), as an editor counts; a
    /// byte order mark is no column.
    private func located(_ error: JSONSyntaxError) -> JSONSyntaxError {
        var error = error
        let start = bytes.starts(with: Self.byteOrderMark) ? Self.byteOrderMark.count : 0
        for byte in bytes[min(start, error.offset)..<min(error.offset, bytes.count)] {
            if byte == 0x0A {
                error.line += 1
                error.column = 1
            } else if byte & 0xC0 != 0x80 {
                error.column += 1
            }
        }
        return error
    }
}
