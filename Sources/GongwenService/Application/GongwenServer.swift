import Hummingbird
import Logging

/// The application built and ready to run, for the command line, which need not know
/// Hummingbird: building throws the template errors, running throws the bind errors.
public struct GongwenServer: Sendable {
    private let body: @Sendable () async throws -> Void

    public init(_ settings: ServiceSettings, logger: Logger) throws {
        let app = try buildApplication(settings, logger: logger)
        body = { try await app.runService() }
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight and returns.
    public func run() async throws {
        try await body()
    }
}
