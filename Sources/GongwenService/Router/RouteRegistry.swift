import Hummingbird

/// Adds routes to the router and records them in the route table, in one call.
struct RouteRegistry<Context: RequestContext> {
    let router: Router<Context>
    let table: RouteTable

    /// A GET route, and HEAD on the same path: the same headers (Content-Length, ETag…)
    /// without the body, as HTTP requires wherever GET works.
    func get(_ path: String, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) {
        table.add("GET", path)
        table.add("HEAD", path)
        router.get(RouterPath(path), use: handler)
        router.head(RouterPath(path)) { request, context in
            let response = try await handler(request, context).response(from: request, context: context)
            return Response(status: response.status, headers: response.headers, body: ResponseBody(contentLength: response.body.contentLength ?? 0) { _ in })
        }
    }

    func post(_ path: String, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) {
        table.add("POST", path)
        router.post(RouterPath(path), use: handler)
    }
}
