import Foundation

/// The service under load with PDF: `Benchmarks/load.sh` with FORMAT=pdf, run against the
/// `gongwen` beside the bench, its figures read from the report it prints. The script keeps
/// its own rules (warm-up first, every answer 2xx, the service's own memory within 1.2×
/// from after the warm-up to the end, nothing left behind on SIGTERM); its exit status says
/// whether they held.
struct LoadBench {
    var requestsPerSecond: String
    var p99: String
    var requests: String
    var connections: String
    /// The service process's resident memory at the end over after the warm-up (checked ≤ 1.2×).
    var memoryRatio: String
    /// The same for the service and its LibreOffice instances (shown: it follows their replacement cycle).
    var treeRatio: String
    var duration: String
    /// The script's FAIL lines; empty when every rule held.
    var failures: [String]

    static func run(_ fixture: KeyProjectFixture, duration: String, in folder: URL) throws -> LoadBench {
        guard FileManager.default.isExecutableFile(atPath: BatchBench.cli.path) else {
            throw BenchFailure("no gongwen beside the bench; build it first: swift build -c release --product gongwen")
        }
        let wrk = try ToolRun.run("/bin/sh", ["-c", "command -v wrk"], errorLog: nil)
        guard wrk.status == 0 else { throw BenchFailure("wrk not installed (apt-get install wrk)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [fixture.benchmarksFolder.appendingPathComponent("load.sh").path]
        var environment = ProcessInfo.processInfo.environment
        environment["GONGWEN"] = BatchBench.cli.path
        environment["GONGWEN_TEMPLATES"] = fixture.templatesFolder.path
        environment["FORMAT"] = "pdf"
        environment["DURATION"] = duration
        process.environment = environment
        let output = Pipe()
        let errorLog = folder.appendingPathComponent("load.log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let errors = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
        func field(_ label: String) -> String? {
            text.split(separator: "\n").last { $0.hasPrefix(label) }
                .map { $0.dropFirst(label.count).trimmingCharacters(in: .whitespaces) }
        }
        guard let rps = field("requests/s:"), let p99 = field("latency p99:"), !rps.isEmpty else {
            throw BenchFailure("load.sh exited \(process.terminationStatus) without its report: \(errors.suffix(300))")
        }
        // "… kB (ratio 1.074)" → "1.074×"
        func ratio(_ label: String) -> String {
            field(label).flatMap { $0.split(separator: " ").last }.map { $0.replacingOccurrences(of: ")", with: "") + "×" } ?? "?"
        }
        let connections = text.split(separator: "\n").first { $0.hasPrefix("POST ") }
            .flatMap { line in line.split(separator: " ").first { $0.hasPrefix("-c") } }.map { String($0.dropFirst(2)) } ?? "?"
        return LoadBench(requestsPerSecond: rps, p99: p99, requests: field("requests:") ?? "?", connections: connections,
                         memoryRatio: ratio("RSS at the end:"), treeRatio: ratio("tree at the end:"), duration: duration,
                         failures: errors.split(separator: "\n").filter { $0.hasPrefix("FAIL") }.map(String.init)
                            + (process.terminationStatus == 0 ? [] : ["load.sh exited \(process.terminationStatus)"]))
    }
}
