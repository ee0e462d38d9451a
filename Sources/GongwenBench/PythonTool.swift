import Foundation
import Gongwen

/// One Python library a user might fill the form with instead, run through its script under
/// `Benchmarks/`. The script times documents inside the interpreter (start-up not counted)
/// and prints one JSON line; a library that does not import is reported as not installed.
struct PythonTool {
    var name: String
    var module: String
    var script: String
    var format: OutputFormat
    /// The goal: how many times slower than ours this tool should be.
    var goal: Double

    static let all = [
        PythonTool(name: "XlsxWriter", module: "xlsxwriter", script: "xlsxwriter_fill.py", format: .xlsx, goal: 4),
        PythonTool(name: "openpyxl", module: "openpyxl", script: "openpyxl_fill.py", format: .xlsx, goal: 8),
        PythonTool(name: "python-docx", module: "docx", script: "python_docx_fill.py", format: .docx, goal: 50),
    ]

    /// A measurement, or why there is none.
    enum Outcome {
        case measured(Result)
        case skipped(String)
    }

    /// What the script prints, in seconds per document.
    struct Result: Decodable {
        var version: String
        var cpuMedian: Double
        var cpuP90: Double
        var wallMedian: Double

        enum CodingKeys: String, CodingKey {
            case version, cpuMedian = "cpu_median", cpuP90 = "cpu_p90", wallMedian = "wall_median"
        }
    }

    private var isInstalled: Bool {
        (try? Self.python(["-c", "import \(module)"]))?.status == 0
    }

    /// Times the tool when it is installed; never throws, a failure is an outcome to report.
    func measure(_ fixture: KeyProjectFixture, iterations: Int, in folder: URL) -> Outcome {
        guard isInstalled else { return .skipped("not installed (pip install \(name))") }
        do {
            return .measured(try run(fixture, iterations: iterations, in: folder))
        } catch {
            return .skipped("failed: \(error)")
        }
    }

    private func run(_ fixture: KeyProjectFixture, iterations: Int, in folder: URL) throws -> Result {
        let script = fixture.benchmarksFolder.appendingPathComponent(script).path
        let output = folder.appendingPathComponent("\(module).\(format.fileExtension)").path
        let run = try Self.python([script, fixture.dataFile.path, output, String(iterations)])
        guard run.status == 0, let line = run.stdout.split(separator: "\n").last else {
            throw BenchFailure("\(self.script) exited with status \(run.status)")
        }
        return try JSONDecoder().decode(Result.self, from: Data(line.utf8))
    }

    /// Runs `python3` from PATH; its standard error goes to ours, so a traceback is seen.
    private static func python(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        if arguments.first == "-c" { process.standardError = FileHandle.nullDevice }
        try process.run()
        let stdout = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self))
    }
}
