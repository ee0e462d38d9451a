import Hummingbird

/// Adds routes to the router and records them in the route table, in one call.
struct RouteRegistry<Context: RequestContext> {
    let router: Router<Context>
    let table: RouteTable

    func get(_ path: String, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) {
        table.add("GET", path)
        router.get(RouterPath(path), use: handler)
    }

    func post(_ path: String, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) {
        table.add("POST", path)
        router.post(RouterPath(path), use: handler)
    }
}
