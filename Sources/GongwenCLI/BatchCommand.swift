import ArgumentParser
import Foundation
import Gongwen

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Fill one form per record of a JSON Lines, CSV or XLSX list (mail merge).",
        discussion: """
            LIST is JSON Lines (one object per line), CSV (UTF-8, or GB18030/GBK as Excel on Chinese \
            Windows saves it) or XLSX (first sheet). CSV and XLSX have a header row of field keys or \
            of the form's Chinese labels. For list forms, consecutive records with the same reporter \
            make one form. Every record is checked before anything is written: a bad record stops \
            the batch (exit 65) unless --keep-going, which writes the good ones, marks the bad ones \
            in manifest.csv and still exits 65. Writes manifest.csv (and batch.zip with --zip) beside \
            the forms and prints their paths. PDF (--format pdf or all, and --print) is LibreOffice's \
            print of each form's DOCX, converted while the writers go on (exit 69 without LibreOffice); \
            --print joins every form's PDF in the list's order into print.pdf with poppler's pdfunite, \
            each form from a new page and no blank pages added (print it one-sided).
            """
    )

    /// `--format`: one of the formats, both files, the PDF, or all three.
    enum Formats: String, ExpressibleByArgument, CaseIterable {
        case xlsx, docx, pdf, both, all

        /// The form files written (PDF aside).
        var outputFormats: [OutputFormat] {
            switch self {
            case .xlsx: [.xlsx]
            case .docx: [.docx]
            case .pdf: []
            case .both, .all: [.xlsx, .docx]
            }
        }

        /// Each form's PDF is kept.
        var pdf: Bool { self == .pdf || self == .all }
    }

    @Argument(help: "The template id (see `gongwen templates`).")
    var templateID: String

    @Argument(help: "The list: .jsonl, .csv or .xlsx.")
    var list: String

    @Option(name: .long, help: "xlsx, docx, pdf, both (xlsx and docx) or all (xlsx, docx and pdf).")
    var format: Formats

    @Option(name: .long, help: "The destination folder.")
    var out = "output"

    @Option(name: .long, help: "File names from {row}, {template} and field keys (default {row}-{organizer} for key projects, {row}-{reporter} otherwise).")
    var name: String?

    @Flag(name: .long, help: "Also write batch.zip with every file and the manifest.")
    var zip = false

    @Flag(name: .long, help: "Also write print.pdf: every form's PDF in the list's order, each from a new page.")
    var print = false

    @Flag(name: .long, help: "Write the good records even when some are bad; exit 65 at the end.")
    var keepGoing = false

    @Option(name: .long, help: "The most forms rendered at once (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var options: TemplateOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        var incomplete = false
        try CommandFailure.reporting {
            if (format.pdf || print) && PDFConverter.soffice() == nil { throw PDFConverter.Failure.unavailable }
            if print && PrintFile.merger() == nil { throw PrintFile.Failure.mergerMissing }
            let root = try options.root()
            let library = root.library
            let template = try library.template(id: templateID)
            let pattern = try name.map { try FileNamePattern($0, keys: FileNamePattern.keys(in: library.formFields(of: template.form))) }
            guard FileManager.default.isReadableFile(atPath: list) else { throw InputFile.Missing(path: list) }
            let runner = try BatchRunner(library: library, templateID: templateID, options: BatchOptions(
                formats: format.outputFormats, folder: URL(fileURLWithPath: out), pattern: pattern,
                zip: zip, keepGoing: keepGoing, jobs: jobs, pdf: pdfOptions(fontConfig: root.fontConfig)))

            let source = try ListSource.open(URL(fileURLWithPath: list))
            note("读取 \(source.file)（\(source.reading)）")
            let plan = try runner.plan(source, progress: TerminalProgress.onTerminal(action: "已检查"))
            for warning in plan.warnings {
                note("提示（warning）：\(warning.message)（\(warning.forms) 份）")
            }
            if !plan.issues.isEmpty {
                note("\(source.file)：以下记录有误，未生成（invalid records skipped）：\n"
                     + plan.issues.map { "  - \($0)" }.joined(separator: "\n"))
            }
            let summary = try runner.run(plan, list: source, progress: TerminalProgress.onTerminal(action: "已生成"))
            note("共 \(plan.formCount) 份：生成 \(summary.formsWritten) 份、\(summary.filesWritten) 个文件"
                 + (summary.invalidForms > 0 ? "，\(summary.invalidForms) 份因数据有误未生成" : ""))
            Swift.print(summary.manifest.path)
            if let file = summary.printFile { Swift.print(file.path) }
            if let zip = summary.zip { Swift.print(zip.path) }
            incomplete = summary.invalidForms > 0
        }
        if incomplete { throw ExitCode(CommandFailure.exitCode(for: .invalidData)) }
    }

    /// The PDF side of the batch, nil when neither the forms' PDFs nor the print file is asked
    /// for: up to `--jobs` conversions at once, through the library's one converter.
    private func pdfOptions(fontConfig: URL?) -> BatchPDF? {
        guard format.pdf || print else { return nil }
        let converter = PDFConverter(fontConfig: fontConfig)
        return BatchPDF(keepForms: format.pdf, printFile: print, conversions: jobs) { try converter.convert($0, to: $1) }
    }

    private func note(_ message: String) {
        FileHandle.standardError.write(Data("gongwen: \(message)\n".utf8))
    }
}
