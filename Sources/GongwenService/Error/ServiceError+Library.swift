import Foundation
import Gongwen
import Hummingbird
import NIOCore
import NIOHTTP1

extension ServiceError {
    /// The one place where errors become what the client sees: the library's errors by their
    /// kind (`problem(for:)`), Hummingbird's own by their status, and anything unexpected a
    /// 500 (logged in full by `ProblemMiddleware`, never sent).
    init(_ error: any Error, path: String) {
        switch error {
        case let error as ServiceError:
            self = error
        case let error as any GongwenError:
            self = Self.problem(for: error)
        case let error as HTTPParserError:
            self = error == .headerOverflow ? .headersTooLarge : .malformedRequest(detail: "\(error)")
        case is NIOTooManyBytesError:
            self = .bodyTooLarge(limit: 0)
        case let error as HTTPError:
            self = Self.http(error, path: path)
        case is CancellationError:
            self = .deadlineExceeded(seconds: 0)
        default:
            self = .internalFailure(detail: "服务内部错误（unexpected error）")
        }
    }

    /// Each kind of library error as the client sees it: input problems 4xx with every field
    /// named, our own failures a 500 that says what failed and no internals.
    static func problem(for error: any GongwenError) -> ServiceError {
        switch error.kind {
        case .usage: .invalidRequest(detail: error.summary)
        case .unknownTemplate: .unknownTemplate(detail: error.summary)
        case .invalidData, .missingInput:
            .invalidData(detail: error.summary, errors: error.problems)
        case .malformedJSON: .malformedJSON(detail: error.summary)
        case .unreadableFile: .malformedUpload(detail: error.summary)
        case .brokenTemplate: .internalFailure(detail: "模板无效（invalid template）")
        case .output: .internalFailure(detail: "生成文件时出错（could not write the file）")
        case .pdfEngineMissing: .pdfUnavailable(detail: error.summary)
        case .pdfEngineFailed: .internalFailure(detail: "LibreOffice 转换 PDF 失败（PDF conversion failed）")
        case .unavailable: .internalFailure(detail: "服务暂不可用（unavailable）")
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
