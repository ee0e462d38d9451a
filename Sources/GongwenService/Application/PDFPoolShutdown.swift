import Gongwen
import ServiceLifecycle

/// Ends the warm LibreOffice instances when the service stops gracefully, after the PDF
/// requests in flight have finished (it is stopped after the PDF pool), so that no soffice
/// outlives `gongwen serve`. Exit and signal handlers remain for the ways that skip this.
struct PDFPoolShutdown: Service {
    func run() async throws {
        try? await gracefulShutdown()
        PDFConverter.stopPools()
    }
}
