import Foundation

/// `manifest.csv`: what a batch did with each record, one line per file written or per bad
/// record, so a coordinator can check the run in Excel. UTF-8 with a byte order mark, which
/// is what makes Excel on Chinese Windows read it as UTF-8 rather than GBK.
public enum Manifest {
    public static let fileName = "manifest.csv"
    static let columns = ["record", "file", "status", "message"]

    public enum Status: String, Sendable {
        /// The file was written.
        case ok
        /// The record broke a rule; nothing was written for it.
        case invalid
    }

    public struct Entry: Sendable, Equatable {
        /// The row or line (`2`), or the rows of a list form (`2-5`).
        public var record: String
        /// The file's name in the batch folder; empty for a bad record.
        public var file: String
        public var status: Status
        /// The problems of a bad record, or the warnings of a good one.
        public var message: String
    }

    /// `2` or `2-5`.
    static func recordText(_ records: ClosedRange<Int>) -> String {
        records.count == 1 ? String(records.lowerBound) : "\(records.lowerBound)-\(records.upperBound)"
    }

    /// Writes the manifest atomically, a buffer at a time, so its size never matters.
    static func write(_ entries: some Sequence<Entry>, to destination: URL) throws {
        try AtomicFile.write(to: destination) { temporary in
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                  let handle = try? FileHandle(forWritingTo: temporary) else {
                throw OutputError(path: destination.path, detail: "无法创建文件（cannot create）")
            }
            defer { try? handle.close() }
            var buffer = "\u{FEFF}" + line(columns)
            do {
                for entry in entries {
                    buffer += line([entry.record, entry.file, entry.status.rawValue, entry.message])
                    if buffer.utf8.count >= 1 << 16 {
                        try handle.write(contentsOf: Data(buffer.utf8))
                        buffer = ""
                    }
                }
                try handle.write(contentsOf: Data(buffer.utf8))
            } catch {
                throw OutputError(path: destination.path, detail: error.localizedDescription)
            }
        }
    }

    /// One CSV line as RFC 4180 has it: CR LF at the end, a field quoted when it holds a
    /// comma, a quote or a line break.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        let text = defused(text)
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A field that Excel would run as a formula (= + - @ at the start, or a tab or carriage
    /// return before one) gets a leading apostrophe: a unit name from a list must never become
    /// a formula in the coordinator's spreadsheet.
    static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
