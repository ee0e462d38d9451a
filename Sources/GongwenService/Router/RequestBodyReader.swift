import Foundation
import Hummingbird
import NIOCore

/// Reads a request's body after checking its media type (415) and size (413): a declared
/// `Content-Length` over the limit is refused before a byte is read, and a body without one
/// is cut off at the limit. A body that takes longer than its deadline to arrive (a client
/// trickling bytes) is given up with a 503, and the connection with it.
enum RequestBodyReader {
    static let jsonTypes = ["application/json"]

    /// The media type of the body, lowercased, without parameters (`application/json`).
    static func mediaType(of request: Request) -> String? {
        guard let header = request.headers[.contentType] else { return nil }
        let type = header.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let trimmed = type.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A JSON body (`application/json` or any `+json` type).
    static func json(_ request: Request, limit: Int, within deadline: Duration) async throws -> Data {
        let type = mediaType(of: request)
        guard let type, type == "application/json" || type.hasSuffix("+json") else {
            throw ServiceError.unsupportedMediaType(found: request.headers[.contentType], accepted: jsonTypes)
        }
        return try await collect(request, limit: limit, within: deadline)
    }

    /// A multipart/form-data body, by its parts.
    static func multipart(_ request: Request, limit: Int, within deadline: Duration) async throws -> MultipartUpload {
        guard mediaType(of: request) == MultipartUpload.mediaType else {
            throw ServiceError.unsupportedMediaType(found: request.headers[.contentType], accepted: [MultipartUpload.mediaType])
        }
        let body = try await collect(request, limit: limit, within: deadline)
        return try MultipartUpload.parse(body, contentType: request.headers[.contentType])
    }

    /// An uploaded file, as a page's file input sends it (multipart/form-data, whose parts the
    /// route picks from) or as the body itself with a media type among `types`; any other
    /// media type is a 415 listing what is accepted.
    enum FileUpload {
        case multipart(MultipartUpload)
        case body(Data, fileExtension: String)
    }

    static func fileUpload(_ request: Request, types: [(mediaType: String, fileExtension: String)],
                           limit: Int, within deadline: Duration) async throws -> FileUpload {
        let type = mediaType(of: request)
        if type == MultipartUpload.mediaType { return .multipart(try await multipart(request, limit: limit, within: deadline)) }
        guard let known = types.first(where: { $0.mediaType == type }) else {
            throw ServiceError.unsupportedMediaType(found: request.headers[.contentType],
                                                    accepted: [MultipartUpload.mediaType] + types.map(\.mediaType))
        }
        return .body(try await collect(request, limit: limit, within: deadline), fileExtension: known.fileExtension)
    }

    /// The body, whatever it is, up to `limit` bytes, within `deadline`.
    static func collect(_ request: Request, limit: Int, within deadline: Duration) async throws -> Data {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw ServiceError.bodyTooLarge(limit: limit)
        }
        let body = request.body
        let reading = Task { try await body.collect(upTo: limit) }
        // The timer goes with the body: a finished read holds nothing until the deadline.
        let timer = DeadlineTimer(after: deadline) { reading.cancel() }
        defer { timer.cancel() }
        do {
            let buffer = try await withTaskCancellationHandler {
                try await reading.value
            } onCancel: {
                reading.cancel()
            }
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw ServiceError.bodyTooLarge(limit: limit)
        } catch where timer.hasFired {
            throw ServiceError.deadlineExceeded(seconds: max(1, Int(deadline.components.seconds)))
        }
    }
}
