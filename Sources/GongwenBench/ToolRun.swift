import Foundation

/// Runs a helper program (a Python script, a shell probe) to its end: standard output kept
/// (a JSON line of results), standard error to a log file whose end is shown when it fails.
enum ToolRun {
    struct Outcome {
        var status: Int32
        var stdout: String
        var errors: String
    }

    static func run(_ python: String, _ arguments: [String], errorLog: URL?) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        if let errorLog {
            _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errorLog)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        let stdout = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let log = errorLog.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       errors: String(log.suffix(600)))
    }
}
