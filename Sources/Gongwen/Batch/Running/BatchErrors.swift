/// A list that cannot be used at all: its text cannot be decoded, its quotes never close, its
/// header names columns the form does not have. Reported before any record is looked at,
/// because every record would suffer from it alike.
public enum BatchListError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The list file does not exist or cannot be read.
    case fileMissing(path: String)
    /// Neither UTF-8 nor GB18030 (GBK) decodes the bytes.
    case undecodableText(file: String)
    /// A quoted CSV field runs to the end of the file.
    case unclosedQuote(file: String, row: Int)
    /// No header row: the file is empty or only blank lines.
    case noHeader(file: String)
    /// Header cells that are neither a field key nor a field label of the form.
    case unknownColumns(file: String, columns: [String])
    /// Two columns that carry the same key.
    case duplicateColumn(file: String, key: String, columns: [String])
    /// A column without a heading that has values in it.
    case unnamedColumn(file: String, column: String)
    /// A header and nothing under it.
    case noRecords(file: String)
    /// The list read differently the second time: it was changed while the batch ran.
    case changedDuringRun(file: String)
    /// Not a JSON Lines, CSV or XLSX file.
    case unsupportedFile(file: String)
    /// An XLSX list with cells that cannot be read (an error value, a formula without its
    /// result): taken for blank, they would change what the forms say.
    case unreadableCells(file: String, cells: [String], more: Int)

    public var description: String {
        switch self {
        case .fileMissing(let path):
            "找不到名单文件 \(path)（list file missing）"
        case .undecodableText(let file):
            "\(file)：无法识别文字编码，应为 UTF-8 或 GB18030/GBK（undecodable text）"
        case .unclosedQuote(let file, let row):
            "\(file)：第 \(row) 行开始的引号没有结束（unclosed quote）"
        case .noHeader(let file):
            "\(file)：没有表头行（no header row）"
        case .unknownColumns(let file, let columns):
            "\(file)：表头含有该表没有的字段（unknown columns）：\(columns.joined(separator: "、"))。表头应为字段名或表中的中文标签"
        case .duplicateColumn(let file, let key, let columns):
            "\(file)：\(columns.joined(separator: "、")) 都对应字段 \(key)（duplicate column）"
        case .unnamedColumn(let file, let column):
            "\(file)：\(column) 有数据但没有表头（unnamed column）"
        case .noRecords(let file):
            "\(file)：没有任何记录（no records）"
        case .changedDuringRun(let file):
            "\(file)：名单在生成过程中被修改，已停止（list changed during the run）"
        case .unsupportedFile(let file):
            "\(file)：不是 JSON Lines、CSV 或 XLSX 文件（unsupported list file）"
        case .unreadableCells(let file, let cells, let more):
            "\(file)：有无法读取的单元格（unreadable cells）：\(cells.joined(separator: "；"))"
                + (more > 0 ? "；另有 \(more) 个" : "")
        }
    }
}

extension BatchListError: GongwenError {
    /// Bytes that cannot be read are an unreadable file; a readable list whose columns or
    /// records do not fit the form is invalid data.
    public var kind: ErrorKind {
        switch self {
        case .fileMissing: .missingInput
        case .undecodableText, .unclosedQuote, .noHeader, .unsupportedFile, .unreadableCells: .unreadableFile
        case .unknownColumns, .duplicateColumn, .unnamedColumn, .noRecords, .changedDuringRun: .invalidData
        }
    }
}

/// One problem with one record of a list: where it is, as a person finds it in the file
/// (the header is row 1), and what is wrong.
public struct RecordIssue: Sendable, Equatable, CustomStringConvertible {
    /// The rows or lines the problem belongs to: one record, or every record of a list form
    /// made of several (a missing `reporter` belongs to all of them).
    public var records: ClosedRange<Int>
    public var problem: Problem

    public enum Problem: Sendable, Equatable {
        /// A field broke a rule; the key is as the list wrote it (`rows[].name` for a column).
        case field(FieldIssue)
        /// The record could not be read at all (a line that is not a JSON object).
        case malformed(String)
    }

    public init(records: ClosedRange<Int>, problem: Problem) {
        self.records = records
        self.problem = problem
    }

    /// `第 3 行` or `第 2–5 行`.
    public var place: String {
        records.count == 1 ? "第 \(records.lowerBound) 行" : "第 \(records.lowerBound)–\(records.upperBound) 行"
    }

    /// What is wrong, without the place: `email（电子邮箱）：电子邮箱格式不正确 [email]`.
    public var message: String {
        switch problem {
        case .field(let issue): issue.description
        case .malformed(let detail): "无法读取该记录（malformed record）：\(detail)"
        }
    }

    public var description: String { "\(place)：\(message)" }

    /// The rows or lines as the manifest and the API name them: `3`, or `2-5`.
    public var recordText: String { Manifest.recordText(records) }

    /// The problem as both edges report it: the field when there is one, the record always.
    public var fieldProblem: FieldProblem {
        switch problem {
        case .field(let issue):
            FieldProblem(issue, record: recordText)
        case .malformed:
            FieldProblem(field: "", label: "", rule: "malformed-record", message: message, record: recordText)
        }
    }
}

/// Every bad record of a list, thrown as a whole before anything is written, so a person
/// corrects all of them in one go.
public struct BatchValidationFailure: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var issues: [RecordIssue]

    public init(file: String, issues: [RecordIssue]) {
        self.file = file
        self.issues = issues
    }

    /// How many distinct records (or groups of records) are bad.
    public var badRecordCount: Int { Set(issues.map(\.records.lowerBound)).count }

    public var description: String {
        summary + "：\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension BatchValidationFailure: GongwenError {
    public var kind: ErrorKind { .invalidData }
    public var summary: String {
        "\(file)：\(badRecordCount) 条记录有误（invalid records），共 \(issues.count) 处，未写入任何文件"
    }
    public var problems: [FieldProblem] { issues.map(\.fieldProblem) }
}
