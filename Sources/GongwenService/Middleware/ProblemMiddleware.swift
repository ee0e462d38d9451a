import Hummingbird
import Logging

/// The edge where every error becomes a problem response: the library's errors and
/// Hummingbird's are mapped to `ServiceError` here and nowhere else. An unexpected error is
/// logged in full and answered with a 500 that says nothing about internals.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The routes, so that a known path asked with the wrong method gets 405 rather than 404.
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var mapped = ServiceError(error, path: request.uri.path)
            if case .notFound = mapped {
                let allowed = routes.methods(for: request.uri.path)
                if !allowed.isEmpty { mapped = .methodNotAllowed(method: request.method.rawValue, allowed: allowed) }
            }
            if case .internalFailure = mapped {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return try mapped.response(from: request, context: context)
        }
    }
}
