import Hummingbird

/// With `GONGWEN_TOKEN` set, every route except the open ones (`/healthz`, the web page's
/// files) needs `Authorization: Bearer <token>`. The comparison takes the same time however
/// many leading bytes of a guess are right.
struct BearerAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]
    let openPaths: Set<String>

    init(token: String, openPaths: Set<String>) {
        self.token = Array(token.utf8)
        self.openPaths = openPaths
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if (request.method == .get || request.method == .head) && openPaths.contains(request.uri.path) {
            return try await next(request, context)
        }
        guard let presented = Self.bearer(in: request.headers[.authorization]),
              Self.constantTimeEquals(Array(presented.utf8), token) else {
            throw ServiceError.unauthorized
        }
        return try await next(request, context)
    }

    /// The credentials of a `Bearer` authorization header (the scheme is case-insensitive).
    static func bearer(in header: String?) -> Substring? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].drop { $0 == " " }
    }

    /// Compares every byte of the expected token whatever the guess, so that the time taken
    /// tells nothing about how much of it was right.
    static func constantTimeEquals(_ presented: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt64(truncatingIfNeeded: presented.count ^ expected.count)
        for i in 0..<expected.count {
            let byte = i < presented.count ? presented[i] : 0
            difference |= UInt64(byte ^ expected[i])
        }
        return difference == 0 && !expected.isEmpty
    }
}
