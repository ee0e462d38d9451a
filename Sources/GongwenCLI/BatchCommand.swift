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

            --shard K/N writes only the K-th of N contiguous parts of the list's forms, so that N \
            machines share one batch: each still checks the whole list, names files by the row in \
            the whole list and writes manifest-K-of-N.csv (and batch-K-of-N.zip, print-K-of-N.pdf); \
            only part 1 has the manifest's header, so `cat manifest-*.csv` is the manifest of the \
            whole batch, and `pdfunite print-*-of-N.pdf print.pdf` its print file.
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

    @Option(name: .long, help: ArgumentHelp("Write only the K-th of N parts of the list (1 ≤ K ≤ N).", valueName: "K/N"))
    var shard: String?

    @OptionGroup var options: TemplateOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        _ = try part()
    }

    /// The part `--shard` names; a value that names none is a usage error (exit 64) that says
    /// the option and its rule.
    private func part() throws -> BatchShard? {
        guard let shard else { return nil }
        do {
            return try BatchShard(parsing: shard)
        } catch {
            throw ValidationError("--shard：\(error)")
        }
    }

    func run() throws {
        Interruption.install()
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
                zip: zip, keepGoing: keepGoing, jobs: jobs, shard: part(), pdf: pdfOptions(fontConfig: root.fontConfig)))

            let source = try ListSource.open(URL(fileURLWithPath: list))
            note("读取 \(source.file)（\(source.reading)）")
            let plan: BatchPlan
            do {
                plan = try runner.plan(source, progress: TerminalProgress.onTerminal(action: "已检查"))
            } catch let failure as BatchValidationFailure where runner.options.shard != nil {
                // The bad record may be in another part: say why this part stops too.
                note("第 \(runner.options.shard!) 部分：每一部分都检查整张名单，任何一条记录有误，各部分都不生成"
                     + "（every part checks the whole list; use --keep-going to write the good ones）")
                throw failure
            }
            for warning in plan.warnings {
                note("提示（warning）：\(warning.message)（\(warning.forms) 份）")
            }
            // A part reports only its own bad records: the other parts report theirs.
            let issues = plan.issues(of: runner.options.shard)
            if !issues.isEmpty {
                note("\(source.file)：以下记录有误，未生成（invalid records skipped）：\n"
                     + issues.map { "  - \($0)" }.joined(separator: "\n"))
            }
            let summary = try runner.run(plan, list: source, progress: TerminalProgress.onTerminal(action: "已生成"))
            note(partNote(runner.options.shard, summary, of: plan)
                 + "共 \(summary.forms.count) 份：生成 \(summary.formsWritten) 份、\(summary.filesWritten) 个文件"
                 + (summary.invalidForms > 0 ? "，\(summary.invalidForms) 份因数据有误未生成" : ""))
            Swift.print(summary.manifest.path)
            if let file = summary.printFile { Swift.print(file.path) }
            if let zip = summary.zip { Swift.print(zip.path) }
            incomplete = summary.invalidForms > 0
        }
        if incomplete { throw ExitCode(CommandFailure.exitCode(for: .invalidData)) }
    }

    /// `第 2/3 部分（全表 20 份的第 8–14 份）：`, or nothing without `--shard`: which forms of
    /// the whole list this part had, so a person can tell the parts' lines apart.
    private func partNote(_ shard: BatchShard?, _ summary: BatchSummary, of plan: BatchPlan) -> String {
        guard let shard else { return "" }
        let forms = summary.forms
        let which = switch forms.count {
        case 0: "，本部分没有"
        case 1: "的第 \(forms.lowerBound + 1) 份"
        default: "的第 \(forms.lowerBound + 1)–\(forms.upperBound) 份"
        }
        return "第 \(shard) 部分（全表 \(plan.formCount) 份\(which)）："
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
