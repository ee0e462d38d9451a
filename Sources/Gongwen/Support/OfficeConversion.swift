import Foundation

/// One cold LibreOffice conversion, `soffice --headless --convert-to FORMAT`, with a private
/// profile (parallel runs do not collide) and the shipped fontconfig file: how a PDF is made
/// without the warm pool, and how a legacy `.xls` or `.doc` becomes `.xlsx` or `.docx` for
/// `template import`.
public struct OfficeConversion: Sendable {
    public enum Failure: GongwenError {
        /// LibreOffice (`soffice`) is not installed.
        case unavailable
        /// LibreOffice ran and wrote no file of the format asked for.
        case failed(format: String, status: Int32, output: String)

        public var description: String {
            switch self {
            case .unavailable:
                "需要 LibreOffice（soffice not found）：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
            case .failed(let format, let status, let output):
                "LibreOffice 转换为 \(format.uppercased()) 失败（exit \(status)）：\(output)"
            }
        }

        public var kind: ErrorKind {
            switch self {
            case .unavailable: .pdfEngineMissing
            case .failed: .pdfEngineFailed
            }
        }
    }

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

    /// Converts `source` to `format` (`pdf`, `xlsx`, `docx`) and hands the file made to
    /// `take`, which moves it where it belongs; the work folder goes when `take` returns.
    public func convert<T>(_ source: URL, format: String, _ take: (URL) throws -> T) throws -> T {
        guard let soffice = Self.soffice() else { throw Failure.unavailable }
        do {
            return try run(soffice, source, format: format, take)
        } catch let error as any GongwenError {
            throw error
        } catch {
            // The work folder or the process could not be had: the conversion did not happen.
            throw Failure.failed(format: format, status: -1, output: error.localizedDescription)
        }
    }

    private func run<T>(_ soffice: URL, _ source: URL, format: String, _ take: (URL) throws -> T) throws -> T {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-soffice-\(UUID().uuidString)")
        // Registered first: an interrupted command removes it, and begins none.
        guard let pending = PendingPaths.shared.add(work.path) else {
            throw OutputError(path: source.path, detail: "已中断（interrupted）")
        }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: work)
            PendingPaths.shared.remove(pending)
        }
        let input = work.appendingPathComponent("document." + source.pathExtension)
        try FileManager.default.copyItem(at: source, to: input)
        let outdir = work.appendingPathComponent("out")
        let process = Process()
        process.executableURL = soffice
        process.arguments = [
            "-env:UserInstallation=file://" + work.appendingPathComponent("profile").path,
            "--headless", "--norestore", "--convert-to", format, "--outdir", outdir.path, input.path,
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
        // No terminal: a password-protected file must fail, not wait for a password.
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let log = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        let result = outdir.appendingPathComponent("document." + format)
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: result.path) else {
            throw Failure.failed(format: format, status: process.terminationStatus,
                                 output: log.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return try take(result)
    }
}
