import Foundation

/// `gongwen batch --format pdf` on many records, as a user runs it, in a child process: PDFs
/// per second and the peak memory of the whole process tree (gongwen, the bridges and their
/// soffice.bin), which must not grow with the length of the list. The wall time is the whole
/// command's, the start of its instances included (a few seconds against minutes).
struct PDFBatchBench {
    struct Result {
        var records: Int
        var seconds: Double
        var memory: TreeMemorySampler.Peak
        /// The largest one process's peak (`ru_maxrss` through gongwen-bench-peak: Linux gives
        /// the largest of gongwen and the children it reaped, bridges and their soffice.bin).
        var largestProcessBytes: Int
        var documentsPerSecond: Double { Double(records) / seconds }
    }

    static func run(_ fixture: KeyProjectFixture, records: Int, instances: Int, in folder: URL) throws -> Result {
        let cli = BatchBench.cli
        guard FileManager.default.isExecutableFile(atPath: cli.path) else {
            throw BenchFailure("no gongwen beside the bench; build it first: swift build -c release --product gongwen")
        }
        let list = folder.appendingPathComponent("pdf-records-\(records).jsonl")
        let out = folder.appendingPathComponent("pdf-out-\(records)")
        try fixture.records(records).write(to: list)
        defer {
            try? FileManager.default.removeItem(at: list)
            try? FileManager.default.removeItem(at: out)
        }
        let sampler = TreeMemorySampler()
        let outcome = try ChildProcess.run(
            cli, ["batch", KeyProjectFixture.templateID, list.path, "--format", "pdf", "--jobs", String(instances), "--out", out.path],
            environment: ["GONGWEN_TEMPLATES": fixture.templatesFolder.path, "GONGWEN_PDF_INSTANCES": String(instances)],
            errorLog: folder.appendingPathComponent("pdf-batch-\(records).log"), sampler: sampler)
        let memory = sampler.stop()
        guard outcome.status == 0 else {
            let message = outcome.errors.split(separator: "\n").prefix(2).joined(separator: " / ")
            throw BenchFailure("gongwen batch --format pdf exited with status \(outcome.status): \(message)")
        }
        try check(out, records: records, fixture: fixture)
        return Result(records: records, seconds: outcome.seconds, memory: memory, largestProcessBytes: outcome.peakBytes)
    }

    /// As many PDFs as records, each a PDF; the first and last records' names in their text.
    private static func check(_ out: URL, records: Int, fixture: KeyProjectFixture) throws {
        let files = (FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".pdf") }
        guard files.count == records else {
            throw BenchFailure("gongwen batch --format pdf wrote \(files.count) PDFs, expected \(records)")
        }
        guard let example = fixture.exampleProjectName else { return }
        for i in Set([1, records]) {
            let name = KeyProjectFixture.projectName(example, i)
            let squeezed = name.filter { !$0.isWhitespace }
            // Files are named by the record's title; find the one whose text holds this record's name.
            let candidates = files.filter { name in
                let squeezedName = name.filter { !$0.isWhitespace }
                return squeezedName.contains("第\(i)场") || squeezedName.contains("第\(i)分馆")
            }
            let texts = try candidates.map { try PDFFixture.pdftotext(out.appendingPathComponent($0)).filter { !$0.isWhitespace } }
            guard texts.contains(where: { $0.contains(squeezed) }) else {
                throw BenchFailure("gongwen batch --format pdf: no PDF holds “\(name)” (record \(i))")
            }
        }
    }
}
