import ArgumentParser
import Foundation
import Gongwen

/// The command line's one edge for errors: each kind of error is one sysexits code (the
/// table below, checked for completeness by the compiler), its message goes to standard
/// error, and the command ends by throwing `ExitCode`, so `defer` blocks still run.
enum CommandFailure {
    /// 64 bad usage, 65 bad data, 66 input missing, 69 something needed is unavailable
    /// (LibreOffice, the port), 70 LibreOffice failed, 73 cannot write, 78 bad templates.
    static func exitCode(for kind: ErrorKind) -> Int32 {
        switch kind {
        case .usage, .unknownTemplate: 64
        case .invalidData, .malformedJSON, .unreadableFile: 65
        case .missingInput: 66
        case .pdfEngineMissing, .unavailable: 69
        case .pdfEngineFailed: 70
        case .output: 73
        case .brokenTemplate: 78
        }
    }

    /// Runs `body`; a library error is reported and becomes its exit code.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as any GongwenError {
            throw report(error)
        }
    }

    /// Writes the error's message to standard error; returns the exit code to throw.
    static func report(_ error: any GongwenError) -> ExitCode {
        report(error.description, kind: error.kind)
    }

    /// Writes `message` to standard error; returns the exit code of `kind` to throw.
    static func report(_ message: String, kind: ErrorKind) -> ExitCode {
        // A failure caused by an interruption (a file refused, a conversion killed) is not
        // reported: the interruption's handler is ending the process with its own code.
        Interruption.holdIfUnderway()
        FileHandle.standardError.write(Data("gongwen: \(message)\n".utf8))
        return ExitCode(exitCode(for: kind))
    }
}
