import Foundation
import Gongwen

/// How the service turns a DOCX into PDF: LibreOffice's warm pool in production; the tests put
/// in engines of their own (missing, slow, failing) to see the service's answers.
public struct PDFEngine: Sendable {
    /// Whether PDFs can be made at all (asked before any work is done).
    public var isAvailable: @Sendable () -> Bool
    /// Converts the DOCX at the first URL to the PDF at the second.
    public var convert: @Sendable (URL, URL) throws -> Void
    /// Conversions the engine does at once (the pool's instances): the service runs that many
    /// PDF requests and queues the rest.
    public var slots: Int
    /// How the PDFs are being made, with the pool's counters, for `/health`.
    public var state: @Sendable () -> PDFConverter.EngineState

    public init(isAvailable: @escaping @Sendable () -> Bool, convert: @escaping @Sendable (URL, URL) throws -> Void,
                slots: Int = 1, state: @escaping @Sendable () -> PDFConverter.EngineState = { .notStarted }) {
        self.isAvailable = isAvailable
        self.convert = convert
        self.slots = max(1, slots)
        self.state = state
    }

    /// LibreOffice with the fontconfig file that maps the official font names, through the
    /// process's warm pool (`GONGWEN_PDF_INSTANCES` instances, default the cores).
    public static func libreOffice(fontConfig: URL?, timeout: Duration) -> PDFEngine {
        let converter = PDFConverter(fontConfig: fontConfig, timeout: TimeInterval(timeout.components.seconds))
        return PDFEngine(isAvailable: { PDFConverter.soffice() != nil },
                         convert: { try converter.convert($0, to: $1) },
                         slots: PDFConverter.poolSettings.size,
                         state: { converter.engineState })
    }

    /// No LibreOffice on this machine.
    public static let unavailable = PDFEngine(isAvailable: { false },
                                              convert: { _, _ in throw PDFConverter.Failure.unavailable },
                                              state: { .missing })

    /// The seconds a refused PDF request should wait: the time the queue in front of it takes
    /// to drain on the engine's instances at the recent speed, at least one second.
    func retryAfter(queued: Int) -> Int {
        guard case .warm(let snapshot) = state(), let seconds = snapshot.secondsPerJob else { return 1 }
        let drain = seconds * Double(queued + slots) / Double(slots)
        return min(120, max(1, Int(drain.rounded(.up))))
    }
}
