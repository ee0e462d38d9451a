/// Input that is not even well-formed: broken JSON, a file that is not what it claims to be.
/// Kept apart from `ValidationFailure`, which is about well-formed data breaking a field rule.
public struct DataFormatError: Error, Sendable, CustomStringConvertible {
    /// The file or stream the input came from.
    public var source: String
    public var detail: String

    public init(source: String, detail: String) {
        self.source = source
        self.detail = detail
    }

    public var description: String { "\(source)：数据格式错误（not valid JSON）：\(detail)" }
}

extension DataFormatError: GongwenError {
    public var kind: ErrorKind { .malformedJSON }
    /// Where the JSON broke; the source is the request body itself over HTTP.
    public var summary: String { detail }
}

/// A template that cannot be found or does not describe a form a writer can render.
public enum TemplateError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No template has this id.
    case unknownTemplate(id: String, known: [String])
    /// The templates folder is missing.
    case folderMissing(path: String)
    /// A template file is not valid: bad JSON, or a layout that does not add up.
    case invalid(file: String, detail: String)

    public var description: String {
        switch self {
        case .unknownTemplate(let id, let known):
            "没有名为 \(id) 的模板（unknown template）。可用模板：\(known.joined(separator: ", "))"
        case .folderMissing(let path):
            "找不到模板目录 \(path)（templates folder missing）"
        case .invalid(let file, let detail):
            "模板 \(file) 无效（invalid template）：\(detail)"
        }
    }
}

extension TemplateError: GongwenError {
    public var kind: ErrorKind {
        if case .unknownTemplate = self { return .unknownTemplate }
        return .brokenTemplate
    }
}
