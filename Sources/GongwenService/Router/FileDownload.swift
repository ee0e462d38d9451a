import Foundation
import Hummingbird

/// A file sent back: its bytes (or an open file streamed in chunks), its media type and its
/// `Content-Disposition`.
struct FileDownload: ResponseGenerator {
    enum Content: @unchecked Sendable {
        case data(Data)
        /// An open file whose folder is already gone: the open handle keeps its bytes until
        /// it is closed, so nothing is left on disk whether or not the client reads it all.
        case file(FileHandle, size: Int)
    }

    var content: Content
    var mediaType: String
    var disposition: ContentDisposition
    /// What else the answer says about the file (a batch's count of forms).
    var extraHeaders: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) -> Response {
        var headers: HTTPFields = [
            .contentType: mediaType,
            .contentDisposition: disposition.headerValue,
            .cacheControl: "no-store",
        ]
        headers.append(contentsOf: extraHeaders)
        switch content {
        case .data(let data):
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        case .file(let handle, let size):
            let body = ResponseBody(contentLength: size) { writer in
                defer { try? handle.close() }
                while let chunk = try handle.read(upToCount: 1 << 18), !chunk.isEmpty {
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: headers, body: body)
        }
    }
}

/// A file handle handed from the pool thread that opened it to the task that streams it;
/// only one of them uses it at a time.
struct UncheckedHandle: @unchecked Sendable {
    let handle: FileHandle
    init(_ handle: FileHandle) { self.handle = handle }
}
