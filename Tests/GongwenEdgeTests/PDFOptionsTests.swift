import ArgumentParser
import Gongwen
@testable import GongwenCLI
import Testing

/// The PDF options of `render` and `batch` as the command line reads them, without running
/// anything: which files each `--format` keeps, and the exit codes of what PDF needs.
@Suite("PDF options of render and batch")
struct PDFOptionsTests {
    @Test func batchFormatsKeepTheirFiles() throws {
        let cases: [(String, [OutputFormat], Bool)] = [
            ("xlsx", [.xlsx], false), ("docx", [.docx], false), ("both", [.xlsx, .docx], false),
            ("pdf", [], true), ("all", [.xlsx, .docx], true),
        ]
        for (argument, files, pdf) in cases {
            let command = try BatchCommand.parse(["key-project-2020", "list.csv", "--format", argument])
            #expect(command.format.outputFormats == files, "\(argument)")
            #expect(command.format.pdf == pdf, "\(argument)")
            #expect(!command.print)
        }
        #expect(try BatchCommand.parse(["key-project-2020", "list.csv", "--format", "xlsx", "--print"]).print)
    }

    @Test func unknownFormatsAreUsageErrors() {
        #expect(throws: (any Error).self) { try BatchCommand.parse(["key-project-2020", "list.csv", "--format", "odt"]) }
        #expect(throws: (any Error).self) { try RenderCommand.parse(["key-project-2020", "--format", "odt"]) }
        do {
            _ = try RenderCommand.parse(["key-project-2020", "--format", "odt"])
        } catch {
            #expect(RenderCommand.exitCode(for: error).rawValue == 64)
        }
    }

    @Test func renderPDFWritesNoFormFile() throws {
        #expect(try RenderCommand.parse(["key-project-2020", "--format", "pdf"]).format.file == nil)
        #expect(try RenderCommand.parse(["key-project-2020", "--format", "docx"]).format.file == .docx)
    }

    @Test func whatPDFNeedsIsExit69() {
        #expect(CommandFailure.exitCode(for: PDFConverter.Failure.unavailable.kind) == 69)
        #expect(CommandFailure.exitCode(for: PrintFile.Failure.mergerMissing.kind) == 69)
        #expect(PrintFile.Failure.mergerMissing.description.contains("pdfunite"))
        #expect(CommandFailure.exitCode(for: PrintFile.Failure.mergeFailed(status: 1, output: "").kind) == 73)
    }
}
