/// How the files of a batch are named: text with placeholders in braces, `{row}` for the
/// record's row or line number, `{template}` for the template id, and any single field key
/// of the form (`{organizer}`, `{reporter}`, `{funds.central}`). Each value is made safe, then
/// the whole name, so no record can name a file outside the folder or one Windows refuses.
public struct FileNamePattern: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case row
        case template
        case field(String)
    }

    let parts: [Part]

    /// Parses `text`; `keys` are the field keys a placeholder may name.
    public init(_ text: String, keys: Set<String>) throws(FileNamePatternError) {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            if rest[open] == "}" { throw .unbalancedBrace(pattern: text) }
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else { throw .unbalancedBrace(pattern: text) }
            let name = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            switch name {
            case "row": parts.append(.row)
            case "template": parts.append(.template)
            default:
                guard keys.contains(name) else {
                    throw .unknownPlaceholder(name: name, known: ["row", "template"] + keys.sorted())
                }
                parts.append(.field(name))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        guard parts.contains(where: { $0 != .template && !($0.isLiteral) }) else {
            throw .noPlaceholder(pattern: text)
        }
        self.parts = parts
    }

    /// The field keys a pattern for `template` may name: every single (non-row) field of any
    /// variant of its form.
    public static func keys(in formFields: [String: FieldDefinition]) -> Set<String> {
        Set(formFields.values.filter { !$0.isRowField }.map(\.key))
    }

    /// The safe stem (no extension) for one form. Separators left dangling by an empty value
    /// are trimmed, and a name that comes out empty becomes `record-<row>`.
    public func stem(row: Int, templateID: String, values: FormValues) -> String {
        var name = ""
        for part in parts {
            switch part {
            case .literal(let text): name += text
            case .row: name += String(row)
            case .template: name += templateID
            case .field(let key): name += values[key].map { SafeFileName.stem($0.displayText, fallback: "") } ?? ""
            }
        }
        let separators: Set<Unicode.Scalar> = ["-", "_", " ", "."]
        name = name.trimmingScalars { separators.contains($0) }
        return SafeFileName.stem(name, fallback: "record-\(row)")
    }
}

extension FileNamePattern.Part {
    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}

/// A file name pattern that cannot be used; a usage error, reported before anything is read.
public enum FileNamePatternError: Error, Sendable, Equatable, CustomStringConvertible {
    case unbalancedBrace(pattern: String)
    case unknownPlaceholder(name: String, known: [String])
    /// Only fixed text: every file would have the same name.
    case noPlaceholder(pattern: String)

    public var description: String {
        switch self {
        case .unbalancedBrace(let pattern):
            "文件名模式 \(pattern) 的花括号不成对（unbalanced brace）"
        case .unknownPlaceholder(let name, let known):
            "文件名模式中的 {\(name)} 不是该表的字段（unknown placeholder）。可用：\(known.map { "{\($0)}" }.joined(separator: " "))"
        case .noPlaceholder(let pattern):
            "文件名模式 \(pattern) 没有 {row} 或字段占位符，所有文件会同名（no placeholder）"
        }
    }
}

extension FileNamePatternError: GongwenError {
    public var kind: ErrorKind { .usage }
}
