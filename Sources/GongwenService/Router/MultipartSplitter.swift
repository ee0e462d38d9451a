import Foundation

/// Splits a `multipart/form-data` body into its parts by RFC 2046's grammar: an ignored
/// preamble, `--boundary` at the start of a line, each part's header lines up to an empty
/// line, its bytes up to the next `CRLF--boundary`, the close delimiter `--boundary--` and an
/// ignored epilogue.
///
/// Written here rather than taken from a package: the one this service used (MultipartKit
/// 4.7.1) indexes a 128-entry table with each header-name byte, so a part whose header name
/// holds a byte of 0x80 or more stopped the whole process — any client could. Every byte here
/// is judged before it is used, and every way a body can be wrong is a `Malformed` with what
/// was wrong, which the service answers with a 400.
struct MultipartSplitter {
    struct RawPart {
        /// Header names lowercased (ASCII), values as sent.
        var headers: [(name: String, value: String)]
        var body: Data
    }

    /// What was wrong with a body, in a phrase for the problem's detail.
    struct Malformed: Error {
        var reason: String
    }

    /// Longest header block a part may have: a Content-Disposition with a long file name and
    /// a Content-Type fit many times over; megabytes of "headers" are not an upload.
    static let maxHeaderBytes = 16 * 1024

    let boundary: Data
    let maxParts: Int

    init(boundary: String, maxParts: Int) {
        self.boundary = Data(boundary.utf8)
        self.maxParts = maxParts
    }

    /// The parts of `body`; more than `maxParts` of them is malformed too. Indices are the
    /// body's own (a `Data` need not start at 0); nothing is copied but each part's bytes.
    func split(_ bytes: Data) throws(Malformed) -> [RawPart] {
        let dashBoundary = Data("--".utf8) + boundary
        let delimiter = Data([.cr, .lf]) + dashBoundary
        var position: Int
        if bytes.starts(with: dashBoundary) {
            position = bytes.startIndex + dashBoundary.count
        } else if let first = Self.find(delimiter, in: bytes, from: bytes.startIndex) {
            position = first + delimiter.count
        } else {
            throw Malformed(reason: "没有找到 boundary（no boundary line）")
        }
        var parts: [RawPart] = []
        while true {
            // Just past a delimiter: `--` closes the body, otherwise padding and CRLF open a part.
            if Self.matches([.dash, .dash], in: bytes, at: position) { return parts }
            while position < bytes.endIndex, bytes[position] == .space || bytes[position] == .tab { position += 1 }
            guard Self.matches([.cr, .lf], in: bytes, at: position) else {
                throw Malformed(reason: "boundary 行之后不是换行（no line break after a boundary）")
            }
            position += 2
            let (headers, bodyStart) = try Self.headers(in: bytes, from: position)
            guard let end = Self.find(delimiter, in: bytes, from: bodyStart) else {
                throw Malformed(reason: "最后一个部分没有结束的 boundary（body not closed）")
            }
            guard parts.count < maxParts else {
                throw Malformed(reason: "部分多于 \(maxParts) 个（too many parts）")
            }
            parts.append(RawPart(headers: headers, body: Data(bytes[bodyStart..<end])))
            position = end + delimiter.count
        }
    }

    /// The header lines of a part starting at `start`, and where its bytes begin (after the
    /// empty line). A name must be an RFC 9110 token, a value UTF-8 without control characters
    /// other than tab, and no line may be folded.
    private static func headers(in bytes: Data, from start: Int) throws(Malformed) -> ([(name: String, value: String)], Int) {
        var headers: [(name: String, value: String)] = []
        var line = start
        while true {
            guard let end = find(Data([.cr, .lf]), in: bytes, from: line), end - start <= maxHeaderBytes else {
                throw Malformed(reason: "部分的头部未结束或过长（part headers not ended or too long）")
            }
            if end == line { return (headers, end + 2) }
            let text = bytes[line..<end]
            guard let colon = text.firstIndex(of: .colon), colon > line,
                  text[line..<colon].allSatisfy(\.isHeaderTokenByte) else {
                throw Malformed(reason: "部分的头部名称不合规（a part header name that is not a token）")
            }
            var value = text[(colon + 1)...]
            while let first = value.first, first == .space || first == .tab { value = value.dropFirst() }
            while let last = value.last, last == .space || last == .tab { value = value.dropLast() }
            guard value.allSatisfy({ $0 == .tab || ($0 >= 0x20 && $0 != 0x7F) }),
                  let decoded = String(validating: value, as: UTF8.self) else {
                throw Malformed(reason: "部分的头部值含控制字符或不是 UTF-8（a part header value with control characters or not UTF-8）")
            }
            let name = String(decoding: text[line..<colon], as: UTF8.self).lowercased()
            headers.append((name, decoded))
            line = end + 2
        }
    }

    private static func matches(_ needle: [UInt8], in bytes: Data, at index: Int) -> Bool {
        index + needle.count <= bytes.endIndex && bytes[index..<(index + needle.count)].elementsEqual(needle)
    }

    /// The first index at or after `from` where `needle` occurs (Foundation's search: a part
    /// may be megabytes, 20 MB are searched in some 40 ms even in a debug build).
    private static func find(_ needle: Data, in bytes: Data, from: Int) -> Int? {
        guard from <= bytes.endIndex else { return nil }
        return bytes.range(of: needle, in: from..<bytes.endIndex)?.lowerBound
    }
}

private extension UInt8 {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let dash: UInt8 = 0x2D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A

    /// tchar of RFC 9110 §5.6.2: ASCII letters, digits and `!#$%&'*+-.^_`|~`.
    var isHeaderTokenByte: Bool {
        switch self {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: true
        default: false
        }
    }
}
