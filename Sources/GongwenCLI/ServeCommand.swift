import ArgumentParser
import Foundation
import Gongwen
import GongwenService
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (and the web page) on Hummingbird.",
        discussion: """
            The API is described at /openapi.json; /healthz answers 200 while serving, /health adds the queues \
            and LibreOffice's warm pool (instances up, jobs done, restarts). With GONGWEN_TOKEN \
            set, every route but /healthz, /health and the web page's files needs Authorization: Bearer <token>. \
            Without it the service listens on loopback (127.0.0.1) unless --host says otherwise. Every option \
            can also come from the environment (GONGWEN_HOST, GONGWEN_PORT, GONGWEN_MAX_JSON_BYTES, \
            GONGWEN_MAX_UPLOAD_BYTES, GONGWEN_CONCURRENCY, GONGWEN_QUEUE, GONGWEN_PDF_QUEUE, GONGWEN_TIMEOUT, GONGWEN_LONG_TIMEOUT, \
            LOG_LEVEL, GONGWEN_LOG_FORMAT); an option wins over the environment. PDFs run on \
            GONGWEN_PDF_INSTANCES LibreOffice instances (default: the cores). SIGTERM or SIGINT finishes the requests in flight \
            and exits 0.
            """
    )

    @Option(name: .long, help: "The address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "The port (default 8080).")
    var port: Int?

    @Option(name: .long, help: "The largest JSON body in bytes (default 1048576, 1 MiB).")
    var maxJsonBytes: Int?

    @Option(name: .long, help: "The largest list or zip in bytes (default 33554432, 32 MiB).")
    var maxUploadBytes: Int?

    @Option(name: .long, help: "Renders at once (default: the number of cores).")
    var concurrency: Int?

    @Option(name: .long, help: "Requests that may wait for a render; more get 503 with Retry-After (default 128).")
    var queue: Int?

    @Option(name: .long, help: "PDF requests that may wait for a LibreOffice instance; more get 503 with Retry-After (default 32).")
    var pdfQueue: Int?

    @Option(name: .long, help: "Deadline in seconds of a form or a DOCX notice (default 30).")
    var timeout: Int?

    @Option(name: .long, help: "Deadline in seconds of a PDF, a batch or a collect (default 300).")
    var longTimeout: Int?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical (default info).")
    var logLevel: String?

    @Option(name: .long, help: "text (key=value lines) or json (one object per line) (default text).")
    var logFormat: String?

    @OptionGroup var options: TemplateOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var settings = ServiceSettings(templatesRoot: options.folder)
        settings.host = host ?? environment["GONGWEN_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? settings.host
        settings.port = try number(port, "GONGWEN_PORT", "--port", minimum: 0) ?? settings.port
        settings.maxJSONBytes = try number(maxJsonBytes, "GONGWEN_MAX_JSON_BYTES", "--max-json-bytes") ?? settings.maxJSONBytes
        settings.maxUploadBytes = try number(maxUploadBytes, "GONGWEN_MAX_UPLOAD_BYTES", "--max-upload-bytes") ?? settings.maxUploadBytes
        settings.concurrency = try number(concurrency, "GONGWEN_CONCURRENCY", "--concurrency") ?? settings.concurrency
        settings.queueLimit = try number(queue, "GONGWEN_QUEUE", "--queue", minimum: 0) ?? settings.queueLimit
        settings.pdfQueueLimit = try number(pdfQueue, "GONGWEN_PDF_QUEUE", "--pdf-queue", minimum: 0) ?? settings.pdfQueueLimit
        if let seconds = try number(timeout, "GONGWEN_TIMEOUT", "--timeout") { settings.timeout = .seconds(seconds) }
        if let seconds = try number(longTimeout, "GONGWEN_LONG_TIMEOUT", "--long-timeout") { settings.longTimeout = .seconds(seconds) }
        if let token = environment["GONGWEN_TOKEN"], !token.isEmpty { settings.token = token }
        guard (0...65535).contains(settings.port) else { throw ValidationError("--port must be between 0 and 65535.") }

        let levelName = logLevel ?? environment["LOG_LEVEL"] ?? "info"
        guard let level = Logger.Level(rawValue: levelName.lowercased()) else {
            throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        switch (logFormat ?? environment["GONGWEN_LOG_FORMAT"] ?? "text").lowercased() {
        case "text": LoggingSystem.bootstrap(StreamLogHandler.standardError)
        case "json": LoggingSystem.bootstrap(JSONLogHandler.init)
        default: throw ValidationError("--log-format must be text or json.")
        }
        var logger = Logger(label: "gongwen")
        logger.logLevel = level

        let server: GongwenServer
        do {
            server = try GongwenServer(settings, logger: logger)
        } catch let error as any GongwenError {
            throw CommandFailure.report(error)
        }
        logger.notice("gongwen serve: http://\(settings.host):\(settings.port) — API at /openapi.json, health at /healthz and /health")
        switch (settings.token != nil, settings.isLoopback) {
        case (true, _):
            logger.notice("GONGWEN_TOKEN is set: every route but /healthz and the web page needs Authorization: Bearer <token>")
        case (false, true):
            logger.notice("no GONGWEN_TOKEN: listening on loopback only (\(settings.host)); set GONGWEN_TOKEN before using --host to serve the network")
        case (false, false):
            logger.warning("no GONGWEN_TOKEN and --host \(settings.host): anyone who can reach this address can use the API")
        }
        logger.notice("renders at once: \(settings.concurrency), queue: \(settings.queueLimit), PDF instances: \(PDFConverter.poolSettings.size), PDF queue: \(settings.pdfQueueLimit), JSON limit: \(settings.maxJSONBytes) bytes, upload limit: \(settings.maxUploadBytes) bytes")
        do {
            try await server.run()
        } catch {
            throw CommandFailure.report("无法在 \(settings.host):\(settings.port) 上提供服务（cannot serve）：\(error)", kind: .unavailable)
        }
    }

    /// An option, else the environment variable, else nil; either must be a whole number ≥ `minimum`.
    private func number(_ option: Int?, _ variable: String, _ name: String, minimum: Int = 1) throws -> Int? {
        if let option {
            guard option >= minimum else { throw ValidationError("\(name) must be at least \(minimum).") }
            return option
        }
        guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else { return nil }
        guard let value = Int(text), value >= minimum else {
            throw ValidationError("\(variable) must be a whole number of at least \(minimum), not \(text).")
        }
        return value
    }
}
