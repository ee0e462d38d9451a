import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// The text encodings a CSV list comes in: UTF-8 from most tools, GB18030 (a superset of GBK)
/// from Excel on Chinese Windows, which saves "CSV" in the system code page, and UTF-16 from
/// Excel's "Unicode text".
public enum CSVEncoding: String, Sendable, Equatable {
    case utf8BOM = "UTF-8（带 BOM）"
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"

    /// Foundation's GB18030, which Linux has through CoreFoundation's tables.
    static let gb18030Encoding = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(
        CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)))

    /// The encoding of `source`, chosen the way the bytes allow only one reading: a byte order
    /// mark says it outright; a file whose every byte sequence is valid UTF-8 is UTF-8 (GBK
    /// text practically never is); anything else is GB18030.
    static func detect(_ source: ByteSource) throws -> CSVEncoding {
        let head = try source.prefix(3)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        var validator = UTF8Validator()
        try source.forEachChunk { chunk in validator.feed(chunk) }
        return validator.isValid ? .utf8 : .gb18030
    }

    /// A whole text file as a string, in the encoding `detect` finds, without its byte order
    /// mark: a draft saved by Notepad or WPS on Chinese Windows is as often GB18030 or UTF-16
    /// as UTF-8. Nil when the bytes are not text in that encoding.
    public static func text(of data: Data) -> String? {
        guard let encoding = try? detect(.memory(data)) else { return nil }
        switch encoding {
        case .utf8BOM: return String(data: data.dropFirst(3), encoding: .utf8)
        case .utf8: return String(data: data, encoding: .utf8)
        case .utf16LE: return String(data: data.dropFirst(2), encoding: .utf16LittleEndian)
        case .utf16BE: return String(data: data.dropFirst(2), encoding: .utf16BigEndian)
        case .gb18030: return String(data: data, encoding: gb18030Encoding)
        }
    }

    /// One field's bytes as text. Every byte that CSV gives meaning to (comma, quote, tab,
    /// CR, LF) is below 0x30, and neither UTF-8 nor GB18030 uses such bytes inside a
    /// multi-byte character, so fields can be cut from the raw bytes and decoded one by one.
    func decode(_ bytes: [UInt8]) -> String? {
        if self != .gb18030 || !bytes.contains(where: { $0 >= 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(data: Data(bytes), encoding: Self.gb18030Encoding)
    }
}

/// A CSV list as RFC 4180 writes it: fields separated by commas (or tabs, as Excel's
/// "Unicode text" saves), quoted fields that may hold separators, line breaks and doubled
/// quotes, records ending in CR LF or LF. The first non-blank row is the header. Rows are
/// numbered as a spreadsheet shows them: a field with a line break in it is still one row.
public enum CSVList {
    public static func open(_ source: ByteSource, file: String) throws -> ListSource {
        let encoding = try CSVEncoding.detect(source)
        var bytes = source
        if encoding == .utf16LE || encoding == .utf16BE {
            // UTF-16 cannot be cut into fields byte by byte; such files are small exports,
            // so they are converted to UTF-8 in memory once.
            var data = Data()
            try source.forEachChunk { data.append($0) }
            guard let text = CSVEncoding.text(of: data) else {
                throw BatchListError.undecodableText(file: file)
            }
            bytes = .memory(Data(text.utf8))
        }
        let separator = try detectSeparator(bytes)
        var header: [String]?
        struct Found: Error {}
        do {
            try forEachRow(bytes, encoding: encoding, separator: separator, file: file) { row in
                header = row.fields
                throw Found()
            }
        } catch is Found {}
        guard let header else { throw BatchListError.noHeader(file: file) }
        return ListSource(file: file, reading: "CSV，编码：\(encoding.rawValue)", header: header,
                          reader: .csv(bytes, encoding, separator: separator))
    }

    /// A tab when the first line has tabs and no commas, else a comma.
    static func detectSeparator(_ source: ByteSource) throws -> UInt8 {
        let head = try source.prefix(ByteSource.chunkSize)
        let firstLine = head.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let tab = UInt8(ascii: "\t"), comma = UInt8(ascii: ",")
        return firstLine.contains(tab) && !firstLine.contains(comma) ? tab : comma
    }

    /// Every non-blank row after the header, as a record.
    static func forEachRecord(_ source: ByteSource, encoding: CSVEncoding, separator: UInt8, file: String,
                              _ body: (ListRecord) throws -> Void) throws {
        var seenHeader = false
        try forEachRow(source, encoding: encoding, separator: separator, file: file) { row in
            guard seenHeader else {
                seenHeader = true
                return
            }
            try body(ListRecord(number: row.number, content: .cells(row.fields.map { $0.isEmpty ? nil : $0 })))
        }
    }

    /// Every non-blank row, the header included.
    static func forEachRow(_ source: ByteSource, encoding: CSVEncoding, separator: UInt8, file: String,
                           _ body: (CSVRowReader.Row) throws -> Void) throws {
        var reader = CSVRowReader(separator: separator, encoding: encoding, file: file)
        func emit(_ row: CSVRowReader.Row) throws { if !row.isBlank { try body(row) } }
        try source.forEachChunk { chunk in try reader.feed(chunk, emit) }
        try reader.finish(emit)
    }
}

/// The CSV state machine, fed a chunk at a time so that a list is never read whole. A quote,
/// a CR LF or a multi-byte character may be split between chunks; the state carries over.
struct CSVRowReader {
    struct Row {
        var number: Int
        var fields: [String]
        var isBlank: Bool { fields.allSatisfy(TextRules.isBlank) }
    }

    let separator: UInt8
    let encoding: CSVEncoding
    let file: String
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var rowNumber = 1
    private var quoted = false
    /// A quote inside a quoted field, waiting for the next byte: another quote makes it a
    /// literal quote, anything else closes the field.
    private var quotePending = false
    /// The row a still-open quote started on, for the error.
    private var quoteRow = 0
    /// A CR just ended a row; an LF right after it belongs to the same line end.
    private var afterCR = false
    private var atStart = true

    init(separator: UInt8, encoding: CSVEncoding, file: String) {
        self.separator = separator
        self.encoding = encoding
        self.file = file
    }

    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    mutating func feed(_ chunk: Data, _ emit: (Row) throws -> Void) throws {
        var bytes = chunk[...]
        if atStart {
            atStart = false
            if encoding == .utf8BOM, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        for b in bytes {
            if afterCR {
                afterCR = false
                if b == Self.lf { continue }
            }
            if quotePending {
                quotePending = false
                if b == Self.quote {
                    field.append(b)
                    continue
                }
                quoted = false
            }
            if quoted {
                if b == Self.quote { quotePending = true } else { field.append(b) }
            } else if b == Self.quote, field.isEmpty {
                quoted = true
                quoteRow = rowNumber
            } else if b == separator {
                try endField()
            } else if b == Self.cr || b == Self.lf {
                afterCR = b == Self.cr
                try endRow(emit)
            } else {
                field.append(b)
            }
        }
    }

    mutating func finish(_ emit: (Row) throws -> Void) throws {
        if quotePending {
            quotePending = false
            quoted = false
        }
        if quoted { throw BatchListError.unclosedQuote(file: file, row: quoteRow) }
        if !field.isEmpty || !fields.isEmpty { try endRow(emit) }
    }

    private mutating func endField() throws {
        guard let text = encoding.decode(field) else { throw BatchListError.undecodableText(file: file) }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRow(_ emit: (Row) throws -> Void) throws {
        try endField()
        let row = Row(number: rowNumber, fields: fields)
        fields = []
        rowNumber += 1
        try emit(row)
    }
}

/// Checks UTF-8 a chunk at a time (a character may be split between chunks), the strict way:
/// no overlong forms, no surrogates, nothing past U+10FFFF.
struct UTF8Validator {
    private var needed = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    private(set) var failed = false

    var isValid: Bool { !failed && needed == 0 }

    mutating func feed(_ chunk: Data) {
        guard !failed else { return }
        for b in chunk {
            if needed == 0 {
                switch b {
                case 0x00...0x7F: continue
                case 0xC2...0xDF: needed = 1
                case 0xE0: needed = 2; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: needed = 2
                case 0xED: needed = 2; upper = 0x9F
                case 0xF0: needed = 3; lower = 0x90
                case 0xF1...0xF3: needed = 3
                case 0xF4: needed = 3; upper = 0x8F
                default: failed = true; return
                }
            } else {
                guard b >= lower && b <= upper else { failed = true; return }
                lower = 0x80
                upper = 0xBF
                needed -= 1
            }
        }
    }
}
