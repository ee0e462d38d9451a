import Foundation

/// Fills many forms through `gongwen batch`, the way a user runs it, in a child process so
/// that its memory is its own. Records are generated into a temporary folder; both formats
/// are written, so each record makes two documents.
struct BatchBench {
    struct Result {
        var records: Int
        var seconds: Double
        var cpuSeconds: Double
        var peakBytes: Int
        var documentsPerSecond: Double { Double(records * 2) / seconds }
    }

    /// The `gongwen` built beside this executable: the same build, the same configuration.
    static var cli: URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("gongwen")
    }

    static func run(_ fixture: KeyProjectFixture, records: Int, in folder: URL) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: cli.path) else {
            throw BenchFailure("no gongwen beside the bench; build it first: swift build -c release --product gongwen")
        }
        let list = folder.appendingPathComponent("records-\(records).jsonl")
        let out = folder.appendingPathComponent("out-\(records)")
        try fixture.records(records).write(to: list)
        defer {
            try? FileManager.default.removeItem(at: list)
            try? FileManager.default.removeItem(at: out)
        }
        let outcome = try ChildProcess.run(
            cli, ["batch", KeyProjectFixture.templateID, list.path, "--format", "both", "--out", out.path],
            environment: ["GONGWEN_TEMPLATES": fixture.templatesFolder.path],
            errorLog: folder.appendingPathComponent("batch-\(records).log"))
        guard outcome.status == 0 else {
            let message = outcome.errors.split(separator: "\n").prefix(2).joined(separator: " / ")
            throw BenchFailure("gongwen batch exited with status \(outcome.status): \(message)")
        }
        // Count what was written, so that a rate is never reported for documents that are not there.
        let written = documentCount(in: out)
        guard written == records * 2 else {
            throw BenchFailure("gongwen batch wrote \(written) documents, expected \(records * 2)")
        }
        return Result(records: records, seconds: outcome.seconds, cpuSeconds: outcome.cpuSeconds, peakBytes: outcome.peakBytes)
    }

    private static func documentCount(in folder: URL) -> Int {
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".docx") }.count
    }
}
