import Foundation

/// Turns a DOCX or XLSX into PDF with LibreOffice, which is the rendering engine: we never
/// draw PDF ourselves. (The same instances turn an office's legacy .doc or .xls into DOCX or
/// XLSX for an import: `convertLegacy`.) Each conversion gets a private LibreOffice profile, so parallel runs
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
        let work = destination.deletingLastPathComponent()
            .appendingPathComponent(".gongwen-pdf-\(UUID().uuidString).pdf")
        let pending = PendingPaths.shared.add(work.path)
        defer {
            try? FileManager.default.removeItem(at: work)
            PendingPaths.shared.remove(pending)
        }
        guard try convertWarm(source, to: work) else { return try convertCold(source, to: destination) }
        try AtomicFile.write(to: destination) { temporary in
            try FileManager.default.moveItem(at: work, to: temporary)
        }
    }

    /// A legacy office file (.doc, .xls, .wps, .et) as `format` (docx or xlsx), handed to
    /// `take`, for an import: on the warm pool like a PDF — an upload of a .doc to the
    /// service costs a conversion, not a LibreOffice start — or cold where it cannot start.
    /// Failures are `OfficeConversion.Failure`s, which name the format.
    public func convertLegacy<T>(_ source: URL, format: String, _ take: (URL) throws -> T) throws -> T {
        let cold = OfficeConversion(fontConfig: fontConfig, timeout: timeout)
        guard Self.soffice() != nil else { throw OfficeConversion.Failure.unavailable }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-convert-\(UUID().uuidString)")
        guard let pending = PendingPaths.shared.add(work.path) else {
            throw OutputError(path: source.path, detail: "已中断（interrupted）")
        }
        defer {
            try? FileManager.default.removeItem(at: work)
            PendingPaths.shared.remove(pending)
        }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let made = work.appendingPathComponent("converted." + format)
        do {
            guard try convertWarm(source, to: made) else { return try cold.convert(source, format: format, take) }
        } catch let failure as Failure {
            throw OfficeConversion.Failure.failed(format: format, status: -1, output: failure.description)
        }
        return try take(made)
    }

    /// Converts on the process's pool to the format `work`'s extension names; false when
    /// there is no pool to convert on (the caller goes cold).
    private func convertWarm(_ source: URL, to work: URL) throws -> Bool {
        guard let pool = PDFPoolRegistry.shared.pool(fontConfig: fontConfig) else { return false }
        do {
            try pool.convert(source, to: work, deadline: timeout)
        } catch {
            switch error {
            case .cannotStart(let reason):
                // Not a machine without the pool: the command is being interrupted.
                if PendingPaths.shared.isClosed { throw OutputError(path: work.path, detail: "已中断（interrupted）") }
                PDFPoolRegistry.shared.startFailed(fontConfig: fontConfig, reason: reason)
                return false
            case .deadlineExceeded(let seconds): throw Failure.deadlineExceeded(seconds: seconds)
            case .died(let message), .rejected(let message): throw Failure.failed(status: -1, output: message)
            }
        }
        guard FileManager.default.fileExists(atPath: work.path) else {
            throw Failure.failed(status: -1, output: "LibreOffice made no \(work.pathExtension.uppercased())")
        }
        return true
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
