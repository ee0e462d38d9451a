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
        let pending = PendingPaths.shared.add(work.path)
        defer {
            try? FileManager.default.removeItem(at: work)
            PendingPaths.shared.remove(pending)
        }
        do {
            try pool.convert(source, to: work, deadline: timeout)
        } catch {
            switch error {
            case .cannotStart(let reason):
                // Not a machine without the pool: the command is being interrupted.
                if PendingPaths.shared.isClosed { throw OutputError(path: destination.path, detail: "已中断（interrupted）") }
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

    /// How this converter's PDFs are being made, for a health page.
    public enum EngineState: Sendable, Equatable {
        /// LibreOffice is not installed.
        case missing
        /// No PDF asked for yet: the pool starts its instances on the first.
        case notStarted
        /// The warm pool, with its counters.
        case warm(PDFPool.Snapshot)
        /// Every PDF a fresh LibreOffice, and why (the pool turned off or unable to start).
        case cold(String)
    }

    public var engineState: EngineState {
        guard Self.soffice() != nil else { return .missing }
        if let reason = PDFPoolRegistry.shared.coldReason(fontConfig: fontConfig) { return .cold(reason) }
        if let snapshot = poolSnapshot { return .warm(snapshot) }
        return .notStarted
    }

    /// The size and limits the process's pools take (from the environment).
    public static var poolSettings: PDFPool.Settings { .fromEnvironment() }

    /// Ends the instances of every pool of this process, waiting for them: what a service does
    /// when it stops, after its last request. (Exit and signals end them too, as a last resort.)
    public static func stopPools() {
        PDFPoolRegistry.shared.shutdownAll()
    }

    /// Kills every LibreOffice instance of this process at once, and any started after: an
    /// interrupted command, whose conversions must not go on writing. (Exit removes profiles.)
    public static func endInstancesNow() {
        PDFProcessReaper.shared.endAll()
    }

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
