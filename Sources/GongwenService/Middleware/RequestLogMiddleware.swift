import HTTPTypes
import Hummingbird
import Logging

/// One structured log line per request, when it is answered: the request id (also sent back
/// as `X-Request-ID`), method, path, route, status and duration in milliseconds. A 503 (busy,
/// past its deadline) is a line at debug level only, and counted: under overload they come by
/// the hundred thousand a minute, and one warning per interval saying how many says as much.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    static var requestIDHeader: HTTPField.Name { HTTPField.Name("X-Request-ID")! }

    let refusals = RefusalCount(interval: .seconds(10))

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[Self.requestIDHeader] = context.id
            log(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            // Only errors ProblemMiddleware did not see reach this point; Hummingbird makes them 500s.
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context: context, status: status, since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        if status == 503, let (count, seconds) = refusals.add() {
            context.logger.warning("requests refused", metadata: [
                "http.status": "503", "count": .stringConvertible(count), "interval_s": .stringConvertible(seconds),
            ])
        }
        context.logger.log(
            level: status == 503 ? .debug : status >= 500 ? .error : .info,
            "request",
            metadata: [
                "request.id": .string(context.id),
                "http.method": .string(request.method.rawValue),
                "http.path": .string(request.uri.path),
                "http.route": .string(context.endpointPath ?? "-"),
                "http.status": .stringConvertible(status),
                "duration_ms": .stringConvertible((milliseconds * 10).rounded() / 10),
            ]
        )
    }
}
