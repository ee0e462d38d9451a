import Hummingbird

extension ServiceError: HTTPResponseError {
    public var status: HTTPResponse.Status { .init(code: problem.status) }

    /// The problem as `application/problem+json`, with `Retry-After` on the 503s that pass,
    /// `WWW-Authenticate` on 401 and `Allow` on 405.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: ProblemDetails.mediaType]
        if let seconds = retryAfter { headers[.retryAfter] = String(seconds) }
        if case .unauthorized = self { headers[.wwwAuthenticate] = #"Bearer realm="gongwen""# }
        if case .methodNotAllowed(_, let allowed) = self { headers[.allow] = allowed.joined(separator: ", ") }
        return Response(status: status, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: problem.encoded())))
    }
}
