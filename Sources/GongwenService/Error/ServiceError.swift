import Foundation
import Gongwen

/// Every way a request can fail, as the client sees it. Route handlers throw the library's
/// own errors (any `GongwenError`); `ProblemMiddleware` maps them to one of these once, at the
/// edge, by their kind, and each becomes an `application/problem+json` response.
public enum ServiceError: Error, Sendable, Equatable {
    /// 400: the body is not well-formed JSON.
    case malformedJSON(detail: String)
    /// 400: an uploaded list or archive cannot be read at all (not a zip, bad CSV quoting…).
    case malformedUpload(detail: String)
    /// 400: a query parameter has a value the operation does not know.
    case invalidParameter(name: String, label: String, rule: String, message: String)
    /// 401: a token is configured and the request did not bring it.
    case unauthorized
    /// 400: the request asks for something that cannot be done as asked.
    case invalidRequest(detail: String)
    /// 400: the bytes are not an HTTP/1 request (a bad request line, a bad chunk size).
    case malformedRequest(detail: String)
    /// 431: the request's header fields are over the parser's limit.
    case headersTooLarge
    /// 404: no template has this id (the detail lists the known ones).
    case unknownTemplate(detail: String)
    /// 404: no such route.
    case notFound(path: String)
    /// 405: the route exists, the method does not.
    case methodNotAllowed(method: String, allowed: [String])
    /// 413: the body is larger than the setting allows.
    case bodyTooLarge(limit: Int)
    /// 415: the body's Content-Type is not one the operation reads.
    case unsupportedMediaType(found: String?, accepted: [String])
    /// 422: well-formed input that breaks the form's (or the notice's) rules.
    case invalidData(detail: String, errors: [ProblemDetails.FieldError])
    /// 503: every render slot is busy and the queue is full; try again shortly.
    case busy
    /// 503: every LibreOffice instance is converting and the PDF queue is full; come back
    /// after about the time the queue takes to drain.
    case pdfBusy(retryAfter: Int)
    /// 503: the request did not finish within its deadline.
    case deadlineExceeded(seconds: Int)
    /// 503: PDF asked for and LibreOffice is not installed.
    case pdfUnavailable(detail: String)
    /// 500: something on our side failed (the disk, LibreOffice). Never bad input.
    case internalFailure(detail: String)
}

extension ServiceError {
    /// The seconds a client should wait before trying again, for the 503s that pass.
    var retryAfter: Int? {
        switch self {
        case .busy: 1
        case .pdfBusy(let seconds): seconds
        case .deadlineExceeded: 5
        default: nil
        }
    }

    var problem: ProblemDetails {
        switch self {
        case .malformedJSON(let detail):
            ProblemDetails(type: Self.type("malformed-json"), title: "JSON 格式错误（malformed JSON）", status: 400,
                           detail: detail)
        case .malformedUpload(let detail):
            ProblemDetails(type: Self.type("malformed-upload"), title: "无法读取上传的文件（unreadable upload）", status: 400,
                           detail: detail)
        case .invalidParameter(let name, let label, let rule, let message):
            ProblemDetails(type: Self.type("invalid-parameter"), title: "请求参数有误（invalid parameter）", status: 400,
                           detail: "\(name)（\(label)）：\(message)",
                           errors: [.init(field: name, label: label, rule: rule, message: message)])
        case .unauthorized:
            ProblemDetails(type: Self.type("unauthorized"), title: "需要令牌（unauthorized）", status: 401,
                           detail: "此服务需要令牌：请求头应为 Authorization: Bearer <GONGWEN_TOKEN>（missing or wrong bearer token）")
        case .malformedRequest(let detail):
            ProblemDetails(type: Self.type("malformed-request"), title: "请求格式错误（malformed HTTP request）", status: 400,
                           detail: "无法解析该 HTTP 请求（\(detail)）")
        case .headersTooLarge:
            ProblemDetails(type: Self.type("headers-too-large"), title: "请求头过大（request header fields too large）", status: 431,
                           detail: "请求头超过上限，请缩短后重试（header fields over the limit）")
        case .invalidRequest(let detail):
            ProblemDetails(type: Self.type("invalid-request"), title: "请求有误（bad request）", status: 400,
                           detail: detail)
        case .unknownTemplate(let detail):
            ProblemDetails(type: Self.type("unknown-template"), title: "没有这个模板（unknown template）", status: 404,
                           detail: detail)
        case .notFound(let path):
            ProblemDetails(type: Self.type("not-found"), title: "没有这个地址（not found）", status: 404,
                           detail: "没有 \(path) 这个地址；接口说明见 /openapi.json（no such route）")
        case .methodNotAllowed(let method, let allowed):
            ProblemDetails(type: Self.type("method-not-allowed"), title: "不支持此方法（method not allowed）", status: 405,
                           detail: "此地址不支持 \(method)，可用：\(allowed.joined(separator: ", "))")
        case .bodyTooLarge(let limit):
            ProblemDetails(type: Self.type("body-too-large"), title: "请求体过大（content too large）", status: 413,
                           detail: limit > 0 ? "请求体超过 \(Self.bytes(limit)) 的上限（body over the limit of \(limit) bytes）"
                               : "请求体超过上限（body over the limit）")
        case .unsupportedMediaType(let found, let accepted):
            ProblemDetails(type: Self.type("unsupported-media-type"), title: "内容类型不支持（unsupported media type）",
                           status: 415,
                           detail: "Content-Type 是 \(found ?? "（未提供）")，此接口接受：\(accepted.joined(separator: ", "))")
        case .invalidData(let detail, let errors):
            ProblemDetails(type: Self.type("invalid-data"), title: "数据有误（invalid data）", status: 422,
                           detail: detail, errors: errors)
        case .busy:
            ProblemDetails(type: Self.type("busy"), title: "服务繁忙（busy）", status: 503,
                           detail: "所有生成任务都在进行中，排队已满，请稍后重试（every render slot busy and the queue full; retry shortly）")
        case .pdfBusy(let seconds):
            ProblemDetails(type: Self.type("pdf-busy"), title: "PDF 排队已满（PDF queue full）", status: 503,
                           detail: "所有 PDF 转换实例都在工作，排队已满，请约 \(seconds) 秒后重试（every LibreOffice instance busy and the PDF queue full; retry in about \(seconds) s）")
        case .deadlineExceeded(let seconds):
            ProblemDetails(type: Self.type("deadline-exceeded"), title: "处理超时（deadline exceeded）", status: 503,
                           detail: seconds > 0 ? "请求未能在 \(seconds) 秒内完成，请稍后重试（the request did not finish within its deadline）"
                               : "请求已中止，请稍后重试（the request was cancelled）")
        case .pdfUnavailable(let detail):
            ProblemDetails(type: Self.type("pdf-unavailable"), title: "无法生成 PDF（PDF unavailable）", status: 503,
                           detail: detail)
        case .internalFailure(let detail):
            ProblemDetails(type: Self.type("internal"), title: "服务内部错误（internal error）", status: 500,
                           detail: detail)
        }
    }

    static func type(_ slug: String) -> String { "urn:gongwen:problem:" + slug }

    static func bytes(_ count: Int) -> String {
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10, count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) 字节"
    }
}
