import Foundation

/// What `gongwen serve` can be told, with the defaults one office machine wants. The command
/// fills it from its options and the environment; the tests build it directly.
public struct ServiceSettings: Sendable {
    /// The address to listen on: loopback unless told otherwise.
    public var host = "127.0.0.1"
    public var port = 8080
    /// `GONGWEN_TOKEN`: when set, every route but `/healthz` and the web page's files needs
    /// `Authorization: Bearer <token>`.
    public var token: String?
    /// The largest JSON body (a form's data, a notice).
    public var maxJSONBytes = 1 << 20
    /// The largest list or archive (batch, collect).
    public var maxUploadBytes = 32 << 20
    /// Renders at once: the number of cores.
    public var concurrency = ProcessInfo.processInfo.activeProcessorCount
    /// Requests that may wait for a render slot; one more is answered 503 with Retry-After.
    public var queueLimit = 128
    /// PDF requests that may wait for a LibreOffice instance (as many run as the engine has
    /// instances); one more is answered 503 with a Retry-After of the queue's expected wait.
    /// PDF requests wait here, not in the render queue, so forms never wait behind PDFs.
    public var pdfQueueLimit = 32
    /// The deadline of a form or a DOCX notice.
    public var timeout: Duration = .seconds(30)
    /// The deadline of a PDF, a batch or a collect.
    public var longTimeout: Duration = .seconds(300)
    /// The templates root: `forms/`, `layouts/`, `fonts/`, `schema/`.
    public var templatesRoot: URL
    /// Where each request's temporary folder goes (removed when the request ends).
    public var temporaryFolder = FileManager.default.temporaryDirectory
    /// How PDFs are made; nil for LibreOffice with the templates' fontconfig file.
    public var pdf: PDFEngine?
    /// How the notice preview draws pages; nil for poppler's pdftoppm.
    public var rasterizer: PageRasterizer?

    public init(templatesRoot: URL) {
        self.templatesRoot = templatesRoot
    }

    /// True for addresses only this machine can reach.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
