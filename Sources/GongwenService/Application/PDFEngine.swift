import Foundation
import Gongwen

/// How the service turns a DOCX packet into PDF: LibreOffice in production; the tests put in
/// an engine that is missing, to see the 503 a machine without LibreOffice gives.
public struct PDFEngine: Sendable {
    /// Whether PDFs can be made at all (asked before any work is done).
    public var isAvailable: @Sendable () -> Bool
    /// Converts the DOCX at the first URL to the PDF at the second.
    public var convert: @Sendable (URL, URL) throws -> Void

    public init(isAvailable: @escaping @Sendable () -> Bool, convert: @escaping @Sendable (URL, URL) throws -> Void) {
        self.isAvailable = isAvailable
        self.convert = convert
    }

    /// LibreOffice (`soffice`) with the fontconfig file that maps the official font names.
    public static func libreOffice(fontConfig: URL?, timeout: Duration) -> PDFEngine {
        let converter = PDFConverter(fontConfig: fontConfig, timeout: TimeInterval(timeout.components.seconds))
        return PDFEngine(isAvailable: { PDFConverter.soffice() != nil },
                         convert: { try converter.convert($0, to: $1) })
    }

    /// No LibreOffice on this machine.
    public static let unavailable = PDFEngine(isAvailable: { false },
                                              convert: { _, _ in throw PDFConverter.Failure.unavailable })
}
