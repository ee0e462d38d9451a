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
    public static func soffice() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/lib/libreoffice/program"] {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent("soffice")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

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
        guard let soffice = Self.soffice() else { throw Failure.unavailable }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-pdf-\(UUID().uuidString)")
        guard let pending = PendingPaths.shared.add(work.path) else {
            throw OutputError(path: destination.path, detail: "已中断（interrupted）")
        }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: work)
            PendingPaths.shared.remove(pending)
        }
        let input = work.appendingPathComponent("document." + source.pathExtension)
        try FileManager.default.copyItem(at: source, to: input)
        let process = Process()
        process.executableURL = soffice
        process.arguments = [
            "-env:UserInstallation=file://" + work.appendingPathComponent("profile").path,
            "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work.path, input.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        if let fontConfig { environment["FONTCONFIG_FILE"] = fontConfig.path }
        environment["HOME"] = work.path
        process.environment = environment
        // A file, not a pipe: a pipe that nobody reads while waiting can fill and stall soffice.
        let logURL = work.appendingPathComponent("soffice.log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: logURL)
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let log = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        let pdf = work.appendingPathComponent("document.pdf")
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw Failure.failed(status: process.terminationStatus, output: log.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try AtomicFile.write(to: destination) { temporary in
            try FileManager.default.moveItem(at: pdf, to: temporary)
        }
    }
}
