/// What a draft lacks to be a notice at all. A notice needs a title and a date (成文日期); a
/// draft without either cannot be laid out, so the import stops and says which is missing
/// rather than writing a notice with a hole in it.
public enum NoticeImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The draft has no 标题 (a line such as 关于…的通知) and/or no 成文日期.
    case missing(source: String, parts: [MissingPart])
    /// The file is of a kind the importer does not read.
    case unsupportedFile(source: String, fileExtension: String)
    /// The file could not be read as text.
    case unreadable(source: String, detail: String)
    /// The date given to stand in for a missing 成文日期 is not a date.
    case badDate(given: String)
    /// More text than any notice holds (code points), refused before it is read.
    case tooLong(source: String, count: Int, limit: Int)

    public enum MissingPart: String, Sendable, Equatable {
        case title, date, issuer

        var label: String {
            switch self {
            case .title: "标题"
            case .date: "成文日期"
            case .issuer: "发文机关"
            }
        }

        /// The notice's key the part would fill.
        var field: String {
            switch self {
            case .title, .date: rawValue
            case .issuer: "issuer.organs"
            }
        }

        var explanation: String {
            switch self {
            case .title: "标题（title：一行或几行，以“通知”“报告”“意见”等结尾，如“关于举办……的通知”）"
            case .date: "成文日期（date：一行日期，如 2020年7月22日、二〇二〇年七月二十二日、2020-07-22）"
            case .issuer: "发文机关（issuer：版头的“××局文件”一行，或成文日期前的署名机关）"
            }
        }
    }

    public var description: String {
        switch self {
        case .missing(let source, let parts):
            "\(source)：草稿中找不到\(parts.map(\.explanation).joined(separator: "和"))，未生成公文"
        case .unsupportedFile(let source, let ext):
            "\(source)：不支持的草稿格式 .\(ext)（supported: .txt, .docx, .doc, .wps）"
        case .unreadable(let source, let detail):
            "\(source)：无法读取草稿（unreadable draft）：\(detail)"
        case .tooLong(let source, let count, let limit):
            "\(source)：草稿过长（\(count) 个字符，至多 \(limit) 个；draft too long），不像一份公文"
        case .badDate(let given):
            "给定的成文日期“\(given)”不是日期（date: not a date；应如 2020-07-22 或 2020年7月22日）"
        }
    }

    /// A missing part is a problem with a field of the notice, named by its key and label,
    /// so the service's 422 and the page point at the title or the date.
    public var problems: [FieldProblem] {
        if case .tooLong(_, _, let limit) = self {
            return [FieldProblem(field: "draft", label: "草稿", rule: "max-length", message: "草稿至多 \(limit) 个字符")]
        }
        guard case .missing(_, let parts) = self else { return [] }
        return parts.map { FieldProblem(field: $0.field, label: $0.label, rule: "required", message: "草稿中找不到" + $0.explanation) }
    }
}

extension NoticeImportError: GongwenError {
    public var kind: ErrorKind {
        switch self {
        case .missing, .tooLong: .invalidData
        case .unsupportedFile, .badDate: .usage
        case .unreadable: .unreadableFile
        }
    }
}
