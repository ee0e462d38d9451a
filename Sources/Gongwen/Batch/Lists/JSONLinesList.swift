import Foundation

/// A JSON Lines list: one JSON object per line, in UTF-8. Blank lines are skipped; a line
/// that is not a JSON object is an error of that record alone, so that every bad line is
/// reported together with the records that break a field rule.
public enum JSONLinesList {
    public static func open(_ source: ByteSource, file: String) throws -> ListSource {
        ListSource(file: file, reading: "JSON Lines，编码：UTF-8", header: nil, reader: .jsonLines(source))
    }

    static func forEachRecord(_ source: ByteSource, _ body: (ListRecord) throws -> Void) throws {
        var pending = Data()
        var number = 0
        func line(_ bytes: Data) throws {
            number += 1
            var bytes = bytes[...]
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            guard bytes.contains(where: { !isSpace($0) }) else { return }
            try body(record(Data(bytes), number: number))
        }
        try source.forEachChunk { chunk in
            var start = chunk.startIndex
            while let end = chunk[start...].firstIndex(of: UInt8(ascii: "\n")) {
                if pending.isEmpty {
                    try line(chunk[start..<end])
                } else {
                    pending.append(chunk[start..<end])
                    try line(pending)
                    pending.removeAll(keepingCapacity: true)
                }
                start = end + 1
            }
            pending.append(chunk[start...])
        }
        if !pending.isEmpty { try line(pending) }
    }

    /// One line: an object, or why it is not one, at its line and column of the file.
    static func record(_ bytes: Data, number: Int) -> ListRecord {
        do throws(JSONSyntaxError) {
            let value = try JSONParser.parse(bytes, maxDepth: JSONValue.defaultMaxDepth)
            if case .object(let object) = value { return ListRecord(number: number, content: .object(object)) }
            return ListRecord(number: number, content: .malformed("应为 JSON 对象，不能是 \(value.kindName)"))
        } catch {
            return ListRecord(number: number, content: .malformed("不是有效的 JSON（\(error.detail(firstLine: number))）"))
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
