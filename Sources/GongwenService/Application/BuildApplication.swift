import Foundation
import Gongwen
import Hummingbird
import Logging

/// The service, built one way for `gongwen serve` and for the tests (`app.test(.router)`):
/// the templates loaded once, the render pool, the middleware (request log, problems at the
/// edge, the token when there is one) and the routes.
public func buildApplication(_ settings: ServiceSettings, logger: Logger = Logger(label: "gongwen")) throws -> some ApplicationProtocol {
    let root = try TemplatesRoot(folder: settings.templatesRoot)
    let pdf = settings.pdf ?? .libreOffice(fontConfig: root.fontConfig, timeout: settings.longTimeout)
    do {
        try FileManager.default.createDirectory(at: settings.temporaryFolder, withIntermediateDirectories: true)
    } catch {
        throw OutputError(path: settings.temporaryFolder.path, detail: "无法创建临时目录（cannot create the temporary folder）")
    }
    let openAPI = Data(OpenAPIDocument.document(templates: root.library.templates, noticeSchema: root.noticeSchema).json.utf8)

    // Nothing throws from here on: the pool's threads are stopped by the application's services.
    let pool = RenderPool(concurrency: settings.concurrency, queueLimit: settings.queueLimit)
    let pdfQueue = settings.pdfQueueLimit
    let pdfPool = RenderPool(concurrency: pdf.slots, queueLimit: pdfQueue) { .pdfBusy(retryAfter: pdf.retryAfter(queued: pdfQueue)) }
    let environment = ServiceEnvironment(settings: settings, root: root, pool: pool, pdf: pdf, pdfPool: pdfPool)
    let router = Router(context: BasicRequestContext.self)
    let table = RouteTable()
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ProblemMiddleware(routes: table))
    if let token = settings.token, !token.isEmpty {
        router.add(middleware: BearerAuthMiddleware(token: token, openPaths: Set(["/healthz", "/health"] + WebAssets.files.keys)))
    }
    let routes = RouteRegistry(router: router, table: table)
    SystemRoutes(openAPI: openAPI, environment: environment).addRoutes(to: routes)
    TemplateRoutes(environment: environment).addRoutes(to: routes)
    TemplateImportRoute(environment: environment).addRoutes(to: routes)
    FormRoutes(environment: environment).addRoutes(to: routes)
    NoticeRoutes(environment: environment).addRoutes(to: routes)
    NoticePreviewRoute(environment: environment).addRoutes(to: routes)
    NoticeImportRoute(environment: environment).addRoutes(to: routes)
    BatchRoutes(environment: environment).addRoutes(to: routes)
    CollectRoutes(environment: environment).addRoutes(to: routes)

    return Application(
        router: router,
        server: .http1(configuration: .init(
            additionalChannelHandlers: [HTTP1EdgeInstaller(), DrainBeforeClose(limit: .seconds(30))], idleTimeout: .seconds(75))),
        configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "gongwen"),
        // Stopped in reverse order once the server has answered its last request: the render
        // threads, the PDF threads (their conversions finish), then LibreOffice's instances.
        services: [PDFPoolShutdown(), pdfPool, pool],
        logger: logger
    )
}
