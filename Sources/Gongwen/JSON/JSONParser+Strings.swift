/// Strings: UTF-8 checked byte by byte (so that a bad byte is named at its column, not
/// replaced), control characters refused unless escaped, escapes decoded, and a `\u`
/// surrogate accepted only as half of a pair, since a lone one is no character at all.
extension JSONParser {
    /// A string from its opening quote to past its closing one. Most strings have no escape
    /// and are made straight from the input's bytes.
    mutating func string() throws(JSONSyntaxError) -> String {
        let opening = position
        position += 1
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            case UInt8(ascii: "\\"):
                var utf8 = Array(bytes[start..<position])
                return try escapedString(opening: opening, into: &utf8)
            default:
                try skipCharacter()
            }
        }
        throw failure(.unterminatedString, at: opening)
    }

    /// The rest of a string that has an escape, decoded into `utf8`.
    private mutating func escapedString(opening: Int, into utf8: inout [UInt8]) throws(JSONSyntaxError) -> String {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            default:
                let start = position
                try skipCharacter()
                utf8.append(contentsOf: bytes[start..<position])
            }
        }
        throw failure(.unterminatedString, at: opening)
    }

    /// One character of a string that is not an escape or the closing quote.
    private mutating func skipCharacter() throws(JSONSyntaxError) {
        let byte = bytes[position]
        if byte < 0x20 { throw failure(.controlCharacter(byte)) }
        if byte < 0x80 {
            position += 1
            return
        }
        // The lead byte gives the length and the range of the second byte (which rules out
        // overlong forms, surrogates and code points beyond U+10FFFF); later bytes continue.
        let (continuations, second): (Int, ClosedRange<UInt8>) = switch byte {
        case 0xC2...0xDF: (1, 0x80...0xBF)
        case 0xE0: (2, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (2, 0x80...0xBF)
        case 0xED: (2, 0x80...0x9F)
        case 0xF0: (3, 0x90...0xBF)
        case 0xF1...0xF3: (3, 0x80...0xBF)
        case 0xF4: (3, 0x80...0x8F)
        default: throw failure(.invalidUTF8)
        }
        guard position + continuations < bytes.count, second.contains(bytes[position + 1]),
              bytes[(position + 2)..<(position + 1 + continuations)].allSatisfy({ $0 & 0xC0 == 0x80 }) else {
            throw failure(.invalidUTF8)
        }
        position += 1 + continuations
    }

    /// `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t` and `\uXXXX` (a surrogate pair is two).
    private mutating func escape(into utf8: inout [UInt8]) throws(JSONSyntaxError) {
        let backslash = position
        position += 1
        guard position < bytes.count else { throw failure(.unexpectedEnd) }
        let letter = bytes[position]
        position += 1
        let simple: UInt8? = switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): letter
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            utf8.append(simple)
            return
        }
        guard letter == UInt8(ascii: "u") else { throw failure(.invalidEscape, at: backslash) }
        let unit = try hexUnit(escape: backslash)
        var value = UInt32(unit)
        switch unit {
        case 0xD800...0xDBFF:
            let low = position
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw failure(.loneSurrogate(unit), at: backslash)
            }
            position += 2
            let second = try hexUnit(escape: low)
            guard (0xDC00...0xDFFF).contains(second) else { throw failure(.loneSurrogate(unit), at: backslash) }
            value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(second - 0xDC00)
        case 0xDC00...0xDFFF:
            throw failure(.loneSurrogate(unit), at: backslash)
        default:
            break
        }
        // Not a surrogate, so a scalar.
        UTF8.encode(Unicode.Scalar(value)!) { utf8.append($0) }
    }

    /// The four hexadecimal digits after `\u`.
    private mutating func hexUnit(escape: Int) throws(JSONSyntaxError) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard position < bytes.count, let digit = Character(Unicode.Scalar(bytes[position])).hexDigitValue else {
                throw failure(.invalidUnicodeEscape, at: escape)
            }
            unit = unit << 4 | UInt16(digit)
            position += 1
        }
        return unit
    }
}
