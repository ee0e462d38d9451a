import Foundation
import Gongwen
import Hummingbird
import NIOCore

extension ServiceError {
    /// The one place where errors become what the client sees: the library's input errors
    /// become 4xx with every field named, its own failures a 500 without internals, and
    /// anything unexpected a 500 too (logged in full by `ProblemMiddleware`, never sent).
    init(_ error: any Error, path: String) {
        switch error {
        case let error as ServiceError:
            self = error
        case let error as ValidationFailure:
            self = .invalidData(detail: "数据有误（invalid data），共 \(error.issues.count) 处",
                                errors: error.issues.map { ProblemDetails.FieldError($0) })
        case let error as DataFormatError:
            self = .malformedJSON(detail: error.detail)
        case let error as TemplateError:
            if case .unknownTemplate(let id, let known) = error {
                self = .unknownTemplate(id: id, known: known)
            } else {
                self = .internalFailure(detail: "模板无效（invalid template）")
            }
        case let error as BatchValidationFailure:
            self = .invalidData(detail: "\(error.file)：\(error.badRecordCount) 条记录有误（invalid records），共 \(error.issues.count) 处，未生成任何文件",
                                errors: error.issues.map(ProblemDetails.FieldError.init))
        case let error as BatchListError:
            self = Self.list(error)
        case let error as CollectInputError:
            self = .invalidData(detail: error.description, errors: [])
        case let error as ReadError:
            self = .malformedUpload(detail: error.description)
        case let error as PDFConverter.Failure:
            if case .unavailable = error {
                self = .pdfUnavailable(detail: error.description)
            } else {
                self = .internalFailure(detail: "LibreOffice 转换 PDF 失败（PDF conversion failed）")
            }
        case is NIOTooManyBytesError:
            self = .bodyTooLarge(limit: 0)
        case let error as HTTPError:
            self = Self.http(error, path: path)
        case is CancellationError:
            self = .deadlineExceeded(seconds: 0)
        default:
            // OutputError, XlsxError, ZipError while writing: the disk or a C library, not the input.
            self = .internalFailure(detail: "生成文件时出错（could not write the file）")
        }
    }

    /// A list that cannot be used: unreadable bytes are a malformed upload, a readable list
    /// whose columns or records do not fit the form is invalid data.
    private static func list(_ error: BatchListError) -> ServiceError {
        switch error {
        case .undecodableText, .unclosedQuote, .noHeader, .unsupportedFile, .fileMissing:
            return .malformedUpload(detail: error.description)
        case .unknownColumns, .duplicateColumn, .unnamedColumn, .noRecords, .changedDuringRun:
            return .invalidData(detail: error.description, errors: [])
        }
    }

    /// Hummingbird's own errors (a route that does not exist, a body over its limit).
    private static func http(_ error: HTTPError, path: String) -> ServiceError {
        switch error.status.code {
        case 404: .notFound(path: path)
        case 413: .bodyTooLarge(limit: 0)
        case 415: .unsupportedMediaType(found: nil, accepted: [])
        case 400..<500: .malformedUpload(detail: error.body ?? error.status.reasonPhrase)
        default: .internalFailure(detail: error.status.reasonPhrase)
        }
    }
}

extension ProblemDetails.FieldError {
    /// A problem of one record of a list: the field when there is one, the record always.
    init(_ issue: RecordIssue) {
        let record = issue.records.count == 1 ? "\(issue.records.lowerBound)" : "\(issue.records.lowerBound)-\(issue.records.upperBound)"
        switch issue.problem {
        case .field(let field):
            self.init(field, record: record)
        case .malformed(let detail):
            self.init(field: "", label: "", rule: "malformed-record", message: "无法读取该记录（malformed record）：\(detail)",
                      record: record)
        }
    }
}
