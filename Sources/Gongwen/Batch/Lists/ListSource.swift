import Foundation

/// One record of a list as it was read, before its columns are given field keys.
public struct ListRecord: Sendable {
    /// The row (CSV, XLSX) or line (JSON Lines) as a person sees it in the file: the header
    /// is row 1, the first record row 2.
    public var number: Int
    public var content: Content

    public enum Content: Sendable {
        /// The cells of a table row, in column order; nil for an empty cell.
        case cells([String?])
        /// One JSON Lines object.
        case object([String: JSONValue])
        /// A line that is not a JSON object, with why.
        case malformed(String)
    }

    public init(number: Int, content: Content) {
        self.number = number
        self.content = content
    }
}

/// A list file opened for a batch: how it is read (format, encoding, header), and its records
/// read one at a time, as often as a batch needs them. A batch reads its list twice, once to
/// check every record and once to render them, so that it never holds all records at once:
/// CSV and JSON Lines are read from the file in chunks each time; an XLSX sheet is parsed once
/// and kept, since a sheet can only be parsed whole.
public struct ListSource: Sendable {
    /// The file's name, for messages.
    public let file: String
    /// How the file is read, e.g. `CSV，编码：GB18030`, printed so that a person sees at once
    /// when the encoding was not the one they meant.
    public let reading: String
    /// The header cells of a table (CSV, XLSX); nil for JSON Lines, whose keys name themselves.
    public let header: [String]?
    let reader: Reader

    enum Reader: Sendable {
        case csv(ByteSource, CSVEncoding, separator: UInt8)
        case jsonLines(ByteSource)
        case sheet(SheetContent, headerRow: Int)
    }

    /// Opens a JSON Lines, CSV or XLSX list, chosen by the file's extension and, when that
    /// says nothing, by its first bytes (a zip archive is XLSX, a `{` starts JSON Lines).
    public static func open(_ url: URL) throws -> ListSource {
        let file = url.lastPathComponent
        switch url.pathExtension.lowercased() {
        case "xlsx", "xlsm": return try XlsxList.open(url)
        case "csv", "txt", "tsv": return try CSVList.open(.file(url), file: file)
        case "jsonl", "ndjson", "json": return try JSONLinesList.open(.file(url), file: file)
        default:
            let head = try ByteSource.file(url).prefix(64)
            if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XlsxList.open(url) }
            if head.first(where: { !" \t\r\n".utf8.contains($0) }) == UInt8(ascii: "{") {
                return try JSONLinesList.open(.file(url), file: file)
            }
            if head.isEmpty || head.starts(with: [0x50, 0x4B]) { throw BatchListError.unsupportedFile(file: file) }
            return try CSVList.open(.file(url), file: file)
        }
    }

    /// Calls `body` with each record, in the file's order. Blank rows and lines are skipped.
    public func forEachRecord(_ body: (ListRecord) throws -> Void) throws {
        switch reader {
        case .csv(let bytes, let encoding, let separator):
            try CSVList.forEachRecord(bytes, encoding: encoding, separator: separator, file: file, body)
        case .jsonLines(let bytes):
            try JSONLinesList.forEachRecord(bytes, body)
        case .sheet(let sheet, let headerRow):
            try XlsxList.forEachRecord(sheet, after: headerRow, body)
        }
    }

    /// How a column is named in messages: `C 列` in a sheet, `第 3 列` in a CSV file.
    func columnName(_ column: Int) -> String {
        if case .sheet = reader { return "\(XlsxReference.column(column)) 列" }
        return "第 \(column + 1) 列"
    }
}

/// Where a text list's bytes come from: a file, read in chunks on every pass, or memory
/// (tests, standard input).
public enum ByteSource: Sendable {
    case file(URL)
    case memory(Data)

    static let chunkSize = 1 << 16

    /// Calls `body` with the bytes, a chunk at a time.
    func forEachChunk(_ body: (Data) throws -> Void) throws {
        switch self {
        case .memory(let data):
            var start = data.startIndex
            while start < data.endIndex {
                let end = min(start + Self.chunkSize, data.endIndex)
                try body(data[start..<end])
                start = end
            }
        case .file(let url):
            let handle: FileHandle
            do { handle = try FileHandle(forReadingFrom: url) } catch { throw BatchListError.fileMissing(path: url.path) }
            defer { try? handle.close() }
            while true {
                let chunk: Data?
                do { chunk = try handle.read(upToCount: Self.chunkSize) } catch {
                    throw BatchListError.fileMissing(path: url.path)
                }
                guard let chunk, !chunk.isEmpty else { break }
                try body(chunk)
            }
        }
    }

    /// The first `count` bytes (fewer when the source is shorter).
    func prefix(_ count: Int) throws -> Data {
        var head = Data()
        struct Enough: Error {}
        do {
            try forEachChunk { chunk in
                head.append(chunk.prefix(count - head.count))
                if head.count >= count { throw Enough() }
            }
        } catch is Enough {}
        return head
    }
}
