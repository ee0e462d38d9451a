import Foundation
import Gongwen

/// `swift run -c release gongwen-bench`: times our key-project form against the C floor and
/// the Python tools, and a large batch through the CLI, all in one run, so that every ratio
/// compares numbers taken under the same conditions. Prints one table and a line per goal of
/// the issue; progress goes to standard error. What each number means: Benchmarks/README.md.
@main
struct GongwenBench {
    static func main() {
        guard let options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) else { exit(64) }
        // As `gongwen` does at start: our path is timed as it runs. The C floor shares this
        // process, so it gains alike and that ratio still isolates our Swift layers.
        AllocatorTuning.apply()
        // Before the first PDF: the process's pool takes its size from here when it is made.
        setenv("GONGWEN_PDF_INSTANCES", String(options.pdfInstances), 1)
        do {
            try run(options)
        } catch {
            FileHandle.standardError.write(Data("gongwen-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ options: BenchOptions) throws {
        // Other work on the machine slows every writer, but not alike: say how busy it was.
        let loadAverage = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first ?? "?"
        let fixture = try KeyProjectFixture()
        let folder = options.keep.map { URL(fileURLWithPath: $0) }
            ?? scratchParent.appendingPathComponent("gongwen-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if options.keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let n = options.iterations

        progress("timing \(n) documents of each kind in this process")
        let documents = try DocumentBench.run(fixture, iterations: n, in: folder)

        let python = PythonTool.all.map { tool in
            guard options.python else { return (tool, PythonTool.Outcome.skipped("skipped (--no-python)")) }
            progress("timing \(n) documents with \(tool.name) in python3")
            return (tool, tool.measure(fixture, iterations: n, in: folder))
        }

        var batch: Result<[BatchBench.Result], Error>?
        if options.batch {
            batch = Result {
                progress("warming up gongwen batch")
                _ = try BatchBench.run(fixture, records: 20, in: folder)
                return try [options.records / 10, options.records].map { records in
                    progress("gongwen batch of \(grouped(records)) records, both formats")
                    return try BatchBench.run(fixture, records: records, in: folder)
                }
            }
        }

        var pdf = PDFFigures()
        if options.pdf {
            let instances = options.pdfInstances
            progress("PDF of the filled form: warm pool against cold soffice, 10 rounds")
            pdf.single = Result { try PDFBench.run(fixture, rounds: 10, in: folder) }
            if options.unoserverDocuments > 0 {
                progress("PDF of \(options.unoserverDocuments) DOCX, \(instances) instances: our pool, unoserver twice, our pool")
                pdf.unoserver = Result { try UnoserverBench.run(fixture, documents: options.unoserverDocuments, instances: instances, in: folder) }
            }
            if !options.pdfBatches.isEmpty {
                pdf.batch = Result {
                    try options.pdfBatches.map { records in
                        progress("gongwen batch --format pdf of \(grouped(records)) records, \(instances) instances")
                        return try PDFBatchBench.run(fixture, records: records, instances: instances, in: folder)
                    }
                }
            }
            if let duration = options.loadDuration {
                progress("gongwen serve under Benchmarks/load.sh, FORMAT=pdf, \(duration) after a warm-up")
                pdf.load = Result { try LoadBench.run(fixture, duration: duration, in: folder) }
            }
        }

        let loadAtEnd = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first ?? "?"
        print("gongwen-bench: key-project-2020, \(n) documents per measurement, \(buildKind), "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(loadAverage) at start and \(loadAtEnd) at the end, "
              + "documents written to \(folder.deletingLastPathComponent().path)\n")
        print(BenchReport(documents: documents, python: python, batch: batch, pdf: pdf).text)
    }

    /// Where every tool writes its documents: memory (`/dev/shm`) where the machine has it.
    /// On a disk, the time to create a file depends on the file system's recent history
    /// (ext4 searching past recently deleted inodes took 0.5 ms per file here after a build),
    /// which would weigh on every tool alike and say nothing about any of them.
    private static var scratchParent: URL {
        access("/dev/shm", W_OK | X_OK) == 0 ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
    }

    #if DEBUG
    private static let buildKind = "DEBUG build (run with -c release for real numbers)"
    #else
    private static let buildKind = "release build"
    #endif

    private static func progress(_ message: String) {
        FileHandle.standardError.write(Data("… \(message)\n".utf8))
    }
}
