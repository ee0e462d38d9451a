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

    /// `2` or `2-5`: one record, or the records of a list form made of several.
    static func recordText(_ records: ClosedRange<Int>) -> String {
        records.count == 1 ? String(records.lowerBound) : "\(records.lowerBound)-\(records.upperBound)"
    }

    /// Writes the manifest atomically while a batch runs: `fill` adds the lines as the forms
    /// are written, and they go to a temporary file a buffer at a time, so neither the list's
    /// length nor the manifest's size is ever held in memory. The manifest appears when `fill`
    /// returns, and not at all when it throws. Without `header` (a shard after the first) it
    /// has neither the byte order mark nor the header line: it continues the first shard's.
    static func write(to destination: URL, header: Bool = true, _ fill: (Writer) throws -> Void) throws {
        try AtomicFile.write(to: destination) { temporary in
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                  let handle = try? FileHandle(forWritingTo: temporary) else {
                throw OutputError(path: destination.path, detail: "无法创建文件（cannot create）")
            }
            defer { try? handle.close() }
            let writer = Writer(handle: handle, path: destination.path, byteOrderMark: header)
            if header { try writer.add(line(columns)) }
            try fill(writer)
            try writer.flush()
        }
    }

    /// The open manifest: lines are buffered and written 64 KiB at a time.
    final class Writer {
        private let handle: FileHandle
        private let path: String
        private var buffer: String

        fileprivate init(handle: FileHandle, path: String, byteOrderMark: Bool) {
            self.handle = handle
            self.path = path
            buffer = byteOrderMark ? "\u{FEFF}" : ""
        }

        func add(_ entry: Entry) throws {
            try add(line([entry.record, entry.file, entry.status.rawValue, entry.message]))
        }

        fileprivate func add(_ text: String) throws {
            buffer += text
            if buffer.utf8.count >= 1 << 16 { try flush() }
        }

        fileprivate func flush() throws {
            do {
                try handle.write(contentsOf: Data(buffer.utf8))
            } catch {
                throw OutputError(path: path, detail: error.localizedDescription)
            }
            buffer = ""
        }
    }

    /// One CSV line as RFC 4180 has it: CR LF at the end, a field quoted when it holds a
    /// comma, a quote or a line break.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Quotes are doubled code point by code point: a quote followed by a combining mark is
    /// one Character that is not a quote, and left single it would end the field early.
    static func field(_ text: String) -> String {
        let text = defused(text)
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.append(scalar) }
            quoted.append(scalar)
        }
        return "\"" + String(quoted) + "\""
    }

    /// A field that Excel would run as a formula (= + - @ at the start, or a tab or carriage
    /// return before one) gets a leading apostrophe: a unit name from a list must never become
    /// a formula in the coordinator's spreadsheet.
    static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}

extension Manifest.Entry {
    /// The line of a bad form: its problems, each with its place when it concerns only some
    /// of the form's records.
    static func invalid(_ records: ClosedRange<Int>, issues: [RecordIssue]) -> Self {
        let message = issues.map { $0.records == records ? $0.message : $0.description }.joined(separator: "；")
        return Self(record: Manifest.recordText(records), file: "", status: .invalid, message: message)
    }

    /// The line of one file of a good form, with the form's warnings.
    static func written(_ records: ClosedRange<Int>, file: String, warnings: [String]) -> Self {
        Self(record: Manifest.recordText(records), file: file, status: .ok, message: warnings.joined(separator: "；"))
    }
}
