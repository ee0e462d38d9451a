import Dispatch
import Foundation
import Gongwen

/// Our warm pool against unoserver, the usual way to keep LibreOffice warm, on the same
/// different filled DOCX files with the same number of LibreOffice instances: documents per
/// second, start-up of either side not counted (both are warm before the clock starts).
///
/// Ours: this process's `PDFConverter` (the pool every command and the service use), fed by
/// as many threads as instances, as `gongwen pdf` does. Theirs: `Benchmarks/unoserver_convert.py`,
/// N unoserver servers with their own profiles and our fontconfig file, fed by N threads of
/// unoserver's `UnoClient` in one Python process. The order is ours, theirs, theirs, ours, so
/// that a machine getting busier or quieter during the run weighs on both alike; each side's
/// rate is its documents over its summed time.
struct UnoserverBench {
    let documents: Int
    let instances: Int
    let version: String
    var ours: [Double] = []
    var theirs: [Double] = []
    /// Our pool's counters after the run: restarts and recycling, had there been any, are in our time.
    var pool: PDFPool.Snapshot?

    var oursRate: Double { Double(documents * ours.count) / ours.reduce(0, +) }
    var theirsRate: Double { Double(documents * theirs.count) / theirs.reduce(0, +) }
    /// Our throughput over theirs: the goal is at least 1.
    var ratio: Double { oursRate / theirsRate }

    /// Debian's Python, the one LibreOffice's `uno` binding is installed for.
    static let python = "/usr/bin/python3"

    static func run(_ fixture: KeyProjectFixture, documents: Int, instances: Int, in folder: URL) throws -> UnoserverBench {
        let version = try unoserverVersion()
        let work = folder.appendingPathComponent("unoserver-bench")
        defer { try? FileManager.default.removeItem(at: work) }
        let forms = try PDFFixture(fixture, count: documents, in: work.appendingPathComponent("docx"))
        let converter = PDFConverter(fontConfig: fixture.fontConfig)
        try warm(converter, forms, lanes: instances, in: work.appendingPathComponent("warm"))
        guard let started = converter.poolSnapshot, started.instancesUp == instances else {
            throw BenchFailure("our pool has \(converter.poolSnapshot?.instancesUp ?? 0) instances up, not \(instances) (no python3-uno?)")
        }
        var bench = UnoserverBench(documents: documents, instances: instances, version: version)
        bench.ours.append(try pass(converter, forms, lanes: instances, in: work.appendingPathComponent("ours-0")))
        bench.theirs = try unoserver(fixture, forms, instances: instances, passes: 2, in: work)
        bench.ours.append(try pass(converter, forms, lanes: instances, in: work.appendingPathComponent("ours-1")))
        bench.pool = converter.poolSnapshot
        return bench
    }

    /// Untimed: one conversion per lane at once, so that every instance of the pool is started.
    private static func warm(_ converter: PDFConverter, _ forms: PDFFixture, lanes: Int, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            do { try converter.convert(forms.files[0], to: folder.appendingPathComponent("warm-\(lane).pdf")) } catch { failures.add(error) }
        }
        if let error = failures.first { throw BenchFailure("warming our pool: \(error)") }
    }

    /// One timed pass of ours over every file, from the first job to the last; then checked.
    private static func pass(_ converter: PDFConverter, _ forms: PDFFixture, lanes: Int, in folder: URL) throws -> Double {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let next = SharedIndex()
        let failures = Failures()
        let start = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: lanes) { _ in
            while let i = next.take(below: forms.files.count) {
                do { try converter.convert(forms.files[i], to: forms.pdf(i, in: folder)) } catch { failures.add(error) }
            }
        }
        let seconds = (ContinuousClock.now - start).seconds
        if let error = failures.first { throw BenchFailure("our pool: \(error)") }
        try forms.verify(folder, what: "our pool")
        return seconds
    }

    /// Both passes of unoserver, in one run of the script (its servers started once, untimed).
    private static func unoserver(_ fixture: KeyProjectFixture, _ forms: PDFFixture, instances: Int, passes: Int,
                                  in work: URL) throws -> [Double] {
        let list = work.appendingPathComponent("docx.list")
        try forms.files.map(\.path).joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent("unoserver")
        let script = fixture.benchmarksFolder.appendingPathComponent("unoserver_convert.py")
        let run = try ToolRun.run(python, [script.path, String(instances), fixture.fontConfig.path, list.path, out.path, String(passes)],
                                    errorLog: work.appendingPathComponent("unoserver.log"))
        struct Printed: Decodable { var seconds: [Double] }
        guard run.status == 0, let line = run.stdout.split(separator: "\n").last,
              let printed = try? JSONDecoder().decode(Printed.self, from: Data(line.utf8)), printed.seconds.count == passes else {
            throw BenchFailure("unoserver_convert.py exited with status \(run.status): \(run.errors)")
        }
        for p in 0..<passes { try forms.verify(out.appendingPathComponent("p\(p)"), what: "unoserver") }
        return printed.seconds
    }

    /// unoserver's version, or why it cannot run (then the row is skipped with that note).
    private static func unoserverVersion() throws -> String {
        let probe = "import uno, importlib.metadata, unoserver.client; print(importlib.metadata.version('unoserver'))"
        guard FileManager.default.isExecutableFile(atPath: python),
              let run = try? ToolRun.run(python, ["-c", probe], errorLog: nil), run.status == 0 else {
            throw BenchFailure("unoserver not installed for \(python) (\(python) -m pip install --break-system-packages unoserver; needs python3-uno)")
        }
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Errors thrown on the lanes, the first one reported.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []

    func add(_ error: Error) {
        lock.lock()
        errors.append(error)
        lock.unlock()
    }

    var first: Error? {
        lock.lock()
        defer { lock.unlock() }
        return errors.first
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
