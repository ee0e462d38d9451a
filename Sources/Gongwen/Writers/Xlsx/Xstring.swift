/// SpreadsheetML's escaped string (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), the type of the
/// text of cells, shared strings, headers and footers, data-validation titles and messages,
/// sheet and font names. Its readers turn `_xHHHH_` (a lower-case x and four hexadecimal
/// digits) into the UTF-16 code unit HHHH, so a typed `_x0041_` reads back as `A` unless the
/// file escapes the underscore that starts it: `_x005F_x0041_`, as Excel itself writes it.
/// libxlsxwriter escapes only control characters (which validation refuses anyway), so every
/// string we hand it goes through `escaped` first; text without such a sequence comes back
/// as it is, the same bytes. Document properties (`docProps/core.xml`) are Dublin Core text,
/// not ST_Xstring: Excel shows them as written, and they are not escaped.
enum Xstring {
    /// `text` with the underscore that starts each `_xHHHH_` written `_x005F_`.
    static func escaped(_ text: String) -> String {
        guard let first = firstSequence(in: text) else { return text }
        let bytes = Array(text.utf8)
        var out = Array(bytes[..<first])
        out.reserveCapacity(bytes.count + 2 * escapedUnderscore.count)
        for i in first..<bytes.count {
            if startsSequence(bytes, at: i) {
                out.append(contentsOf: escapedUnderscore)
            } else {
                out.append(bytes[i])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `escaped(text)` cut at a character so that it has at most `limit` UTF-16 code units,
    /// for the strings Excel and libxlsxwriter limit (a sheet name's 31 characters, a data
    /// validation's 32 and 255). A code unit is never fewer than the code points libxlsxwriter
    /// counts, so what fits here fits there too.
    static func escaped(_ text: String, fitting limit: Int) -> String {
        // A character is at least one UTF-8 byte: the usual short text needs no counting.
        var kept = text.utf8.count <= limit ? Substring(text) : text.prefix(limit)
        while true {
            let result = escaped(kept.endIndex == text.endIndex ? text : String(kept))
            if result.utf8.count <= limit || utf16Count(of: result) <= limit { return result }
            kept = kept.dropLast()
        }
    }

    /// The UTF-16 code units of `escaped(text)`, counted without making it.
    static func escapedLength(of text: String) -> Int {
        guard let first = firstSequence(in: text) else { return text.utf16.count }
        let bytes = Array(text.utf8)
        let sequences = (first..<bytes.count).count(where: { startsSequence(bytes, at: $0) })
        return text.utf16.count + sequences * (escapedUnderscore.count - 1)
    }

    /// `text` as Excel reads it: each `_xHHHH_` the code unit it names, two of them in a row
    /// a character beyond the Basic Multilingual Plane. A surrogate without its partner names
    /// no character and is kept as written rather than dropped.
    static func decoded(_ text: String) -> String {
        guard let first = firstSequence(in: text) else { return text }
        let bytes = Array(text.utf8)
        var out = Array(bytes[..<first])
        var i = first
        while i < bytes.count {
            guard startsSequence(bytes, at: i) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            let unit = codeUnit(bytes, at: i)
            var scalar = Unicode.Scalar(unit)
            var length = sequenceLength
            if UTF16.isLeadSurrogate(unit), startsSequence(bytes, at: i + sequenceLength) {
                let trail = codeUnit(bytes, at: i + sequenceLength)
                if UTF16.isTrailSurrogate(trail) {
                    scalar = Unicode.Scalar(0x10000 + (UInt32(unit) - 0xD800) << 10 + (UInt32(trail) - 0xDC00))
                    length *= 2
                }
            }
            if let scalar {
                out.append(contentsOf: String(scalar).utf8)
            } else {
                out.append(contentsOf: bytes[i..<i + sequenceLength])
            }
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The UTF-16 code units of `text`, read off its UTF-8 bytes: one for each character's
    /// first byte and one more for a four-byte character. `String.utf16.count` builds an
    /// index of the string on the way, which a form's few dozen strings do not need.
    private static func utf16Count(of text: String) -> Int {
        text.utf8.reduce(0) { count, byte in count + (byte & 0xC0 == 0x80 ? 0 : byte >= 0xF0 ? 2 : 1) }
    }

    private static let underscore = UInt8(ascii: "_")
    private static let escapedUnderscore = Array("_x005F_".utf8)
    /// `_xHHHH_`
    private static let sequenceLength = 7

    /// The byte offset of the first `_xHHHH_`, or nil, found without copying the text: most
    /// text has none, and this is all it costs.
    private static func firstSequence(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while let next = bytes[i...].firstIndex(of: underscore) {
                if startsSequence(bytes, at: next) { return next }
                i = next + 1
            }
            return nil
        }
    }

    /// Whether `_xHHHH_` starts at `i`: a lower-case x, exactly four hexadecimal digits of
    /// either case, and the closing underscore.
    private static func startsSequence<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at i: Int) -> Bool
    where Bytes.Index == Int {
        guard bytes[i] == underscore, i + sequenceLength <= bytes.endIndex,
              bytes[i + 1] == UInt8(ascii: "x"), bytes[i + sequenceLength - 1] == underscore else { return false }
        return (i + 2...i + 5).allSatisfy { hexValue(bytes[$0]) != nil }
    }

    private static func codeUnit(_ bytes: [UInt8], at i: Int) -> UInt16 {
        (i + 2...i + 5).reduce(0) { $0 << 4 | UInt16(hexValue(bytes[$1])!) }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
