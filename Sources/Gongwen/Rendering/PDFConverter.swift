import Foundation

/// Turns a DOCX or XLSX into PDF with LibreOffice, which is the rendering engine: we never
/// draw PDF ourselves. Each conversion gets a private LibreOffice profile, so parallel runs
/// do not collide, and the shipped fontconfig file, so the official font names map to
/// installed faces of the right kind.
///
/// Conversions go to the process's warm pool (`PDFPool`, one per fontconfig file); where no
/// instance can start (no python3-uno, say), to a cold `soffice --convert-to pdf` each, as
/// said once on standard error.
public struct PDFConverter: Sendable {
    public enum Failure: GongwenError {
        /// LibreOffice (`soffice`) is not installed.
        case unavailable
        /// LibreOffice ran but produced no PDF.
        case failed(status: Int32, output: String)
        /// LibreOffice took longer than the deadline with this document, on two instances.
        case deadlineExceeded(seconds: TimeInterval)

        public var description: String {
            switch self {
            case .unavailable:
                "需要 LibreOffice 才能生成 PDF（soffice not found）：apt-get install libreoffice-writer-nogui"
            case .failed(let status, let output):
                "LibreOffice 转换 PDF 失败（exit \(status)）：\(output)"
            case .deadlineExceeded(let seconds):
                "LibreOffice 转换 PDF 超时（\(Int(seconds.rounded())) 秒内未完成，已重试一次）：文档过大或无法排版"
            }
        }

        public var kind: ErrorKind {
            switch self {
            case .unavailable: .pdfEngineMissing
            case .failed, .deadlineExceeded: .pdfEngineFailed
            }
        }
    }

    /// The fontconfig file that maps 仿宋_GB2312 and friends to installed faces.
    public let fontConfig: URL?
    public let timeout: TimeInterval

    public init(fontConfig: URL?, timeout: TimeInterval = 180) {
        self.fontConfig = fontConfig
        self.timeout = timeout
    }

    /// The `soffice` executable, if LibreOffice is installed.
    public static func soffice() -> URL? { OfficeConversion.soffice() }

    /// Converts `source` and writes the PDF to `destination` atomically: on the warm pool,
    /// or cold where the pool cannot start.
    public func convert(_ source: URL, to destination: URL) throws {
        guard Self.soffice() != nil else { throw Failure.unavailable }
        guard let pool = PDFPoolRegistry.shared.pool(fontConfig: fontConfig) else {
            return try convertCold(source, to: destination)
        }
        let work = destination.deletingLastPathComponent()
            .appendingPathComponent(".gongwen-pdf-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: work) }
        do {
            try pool.convert(source, to: work, deadline: timeout)
        } catch {
            switch error {
            case .cannotStart(let reason):
                PDFPoolRegistry.shared.startFailed(fontConfig: fontConfig, reason: reason)
                return try convertCold(source, to: destination)
            case .deadlineExceeded(let seconds): throw Failure.deadlineExceeded(seconds: seconds)
            case .died(let message), .rejected(let message): throw Failure.failed(status: -1, output: message)
            }
        }
        guard FileManager.default.fileExists(atPath: work.path) else {
            throw Failure.failed(status: -1, output: "LibreOffice made no PDF")
        }
        try AtomicFile.write(to: destination) { temporary in
            try FileManager.default.moveItem(at: work, to: temporary)
        }
    }

    /// The counters of the process's pool for this fontconfig file, once it has one.
    public var poolSnapshot: PDFPool.Snapshot? { PDFPoolRegistry.shared.existing(fontConfig: fontConfig)?.snapshot }

    /// Today's way without a pool: a fresh LibreOffice, with a new profile, for this one file.
    public func convertCold(_ source: URL, to destination: URL) throws {
        do {
            try OfficeConversion(fontConfig: fontConfig, timeout: timeout).convert(source, format: "pdf") { pdf in
                try AtomicFile.write(to: destination) { temporary in
                    try FileManager.default.moveItem(at: pdf, to: temporary)
                }
            }
        } catch let failure as OfficeConversion.Failure {
            switch failure {
            case .unavailable: throw Failure.unavailable
            case .failed(_, let status, let output): throw Failure.failed(status: status, output: output)
            }
        }
    }
}
