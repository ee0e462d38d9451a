import ArgumentParser
import Dispatch
import Foundation
import Gongwen

/// DOCX or XLSX files already written, turned into PDF through the warm pool: what a batch
/// of ready documents needs, and the way the fault checks drive the pool in one process.
struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Convert DOCX/XLSX files to PDF with a pool of warm LibreOffice instances.",
        discussion: "Prints each PDF written; a file that fails is reported on standard error and the rest go on (exit 70 if any failed)."
    )

    @Argument(help: "The DOCX or XLSX files.")
    var files: [String]

    @Option(name: .long, help: "The destination folder.")
    var out = "output"

    @Option(name: .long, help: "Seconds one document may take before its instance is killed (default 180).")
    var deadline: Double = 180

    @Option(name: .long, help: "LibreOffice instances (default: the number of cores).")
    var instances: Int?

    @Flag(name: .long, help: "Print the pool's counters as JSON on standard error at the end.")
    var stats = false

    @OptionGroup var options: TemplateOptions

    func run() throws {
        Interruption.install()
        var failed = false
        try CommandFailure.reporting {
            let root = try options.root()
            if PDFConverter.soffice() == nil { throw PDFConverter.Failure.unavailable }
            if let instances { setenv("GONGWEN_PDF_INSTANCES", String(max(1, instances)), 1) }
            let converter = PDFConverter(fontConfig: root.fontConfig, timeout: deadline)
            let folder = URL(fileURLWithPath: out)
            try AtomicFile.ensureFolder(folder)
            let outcomes = Outcomes(count: files.count)
            let sources = files
            // As many callers as instances: the pool hands each caller a free one.
            let lanes = max(1, instances ?? ProcessInfo.processInfo.activeProcessorCount)
            let next = SharedIndex()
            DispatchQueue.concurrentPerform(iterations: lanes) { _ in
                while let i = next.take(below: sources.count) {
                    let source = URL(fileURLWithPath: sources[i])
                    let target = folder.appendingPathComponent(source.deletingPathExtension().lastPathComponent + ".pdf")
                    do {
                        try converter.convert(source, to: target)
                        outcomes.set(i, .success(target.path))
                    } catch let error as any GongwenError {
                        outcomes.set(i, .failure("\(sources[i]): \(error.description)"))
                    } catch {
                        outcomes.set(i, .failure("\(sources[i]): \(error)"))
                    }
                }
            }
            for outcome in outcomes.all {
                switch outcome {
                case .success(let path): print(path)
                case .failure(let message):
                    failed = true
                    FileHandle.standardError.write(Data("gongwen: \(message)\n".utf8))
                case nil: break
                }
            }
            if stats, let snapshot = converter.poolSnapshot,
               let json = try? JSONEncoder().encode(snapshot) {
                FileHandle.standardError.write(json + Data("\n".utf8))
            }
        }
        if failed { throw ExitCode(CommandFailure.exitCode(for: .pdfEngineFailed)) }
    }
}

/// Each file's result, written from the conversion threads.
private final class Outcomes: @unchecked Sendable {
    enum Outcome { case success(String), failure(String) }

    private let lock = NSLock()
    private var results: [Outcome?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: Outcome) {
        lock.lock()
        results[index] = outcome
        lock.unlock()
    }

    var all: [Outcome?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
