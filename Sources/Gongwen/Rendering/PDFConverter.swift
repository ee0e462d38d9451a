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
        guard let soffice = Self.soffice() else { throw Failure.unavailable }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
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
