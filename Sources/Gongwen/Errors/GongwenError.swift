/// What kind of failure an error is, as the edges see it: each kind is one exit code of the
/// command line and one HTTP status of the service, mapped in one table at each edge (a
/// `switch` the compiler checks for completeness), never error type by error type.
public enum ErrorKind: String, Sendable, CaseIterable {
    /// The request itself is wrong: an option, a pattern, a parameter.
    case usage
    /// No template has the id asked for.
    case unknownTemplate
    /// Well-formed input that breaks the form's rules; the error lists every problem.
    case invalidData
    /// Text that should be JSON and is not.
    case malformedJSON
    /// A file given to read (a list, a returned form, an archive) that cannot be read at all.
    case unreadableFile
    /// An input file or folder that is not there, or holds nothing to work on.
    case missingInput
    /// A template file that does not describe a form (bad JSON, spans that do not add up).
    case brokenTemplate
    /// The destination cannot take the file: the disk, a folder, a C library writing.
    case output
    /// PDF asked for and LibreOffice is not installed.
    case pdfEngineMissing
    /// LibreOffice ran and made no PDF.
    case pdfEngineFailed
    /// Something the command needs from the machine cannot be had (the port to listen on).
    case unavailable
}

/// Every error the library (and the command line and service above it) throws on purpose:
/// a kind for the edges, a message for people, and for invalid data each problem by field.
public protocol GongwenError: Error, Sendable, CustomStringConvertible {
    var kind: ErrorKind { get }
    /// One line saying what went wrong (the problem+json `detail`); the whole message
    /// (`description`, what the command line prints) may go on to list each problem.
    var summary: String { get }
    /// Each problem with a field or a record, for invalid data; empty otherwise.
    var problems: [FieldProblem] { get }
}

extension GongwenError {
    public var summary: String { description }
    public var problems: [FieldProblem] { [] }
}

/// One problem of invalid input as both edges report it (the command line's lines, the
/// `errors` of a problem+json body): the key, its Chinese label, the rule's stable id and what
/// the rule says, and for lists the record.
public struct FieldProblem: Codable, Sendable, Equatable {
    /// The key as the data wrote it (`summary`, `rows[2].name`, `format`).
    public var field: String
    /// The Chinese label, e.g. 项目简介; empty when the key is not the form's.
    public var label: String
    /// The rule's stable id (`required`, `max-length`…).
    public var rule: String
    public var message: String
    /// For lists: the rows or lines of the record (`3`, `2-5`).
    public var record: String?

    public init(field: String, label: String, rule: String, message: String, record: String? = nil) {
        self.field = field
        self.label = label
        self.rule = rule
        self.message = message
        self.record = record
    }

    public init(_ issue: FieldIssue, record: String? = nil) {
        self.init(field: issue.key, label: issue.label, rule: issue.rule.id, message: issue.message, record: record)
    }
}
