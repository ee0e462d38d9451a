import ArgumentParser
import Foundation
import Gongwen

struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Read returned forms (XLSX or DOCX) of one template back, check them, and sum them up.",
        discussion: """
            FILES_OR_FOLDERS are returned forms, or folders to search for .xlsx and .docx files. \
            Each file is read by the template's layout and checked as `render` checks its data; one line per \
            file says whether it was collected or what is wrong with it (file, cell, key, Chinese label, rule). \
            Writes summary.xlsx (汇总表; for statistics also the form filled with the totals) and \
            records.jsonl (one line per collected file: {"file", "data"}) into --out, then prints their paths. \
            Exit status: 0 every file collected; 65 some file refused or invalid (the summary of the others is \
            still written); 66 an input path is missing or holds no forms; 64 unknown template.
            """
    )

    @Argument(help: "The template id the forms were filled from (see `gongwen templates`).")
    var templateID: String

    @Argument(help: ArgumentHelp("Returned forms, or folders of them.", valueName: "files-or-folders"))
    var paths: [String]

    @Option(name: .long, help: "The destination folder.")
    var out = "output"

    @OptionGroup var options: TemplateOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one returned form or folder.") }
    }

    func run() throws {
        Interruption.install()
        try CommandFailure.reporting {
            let library = try options.library()
            let collector = try FormCollector(library: library, templateID: templateID)
            let files = try ReturnedFiles.list(paths)
            let forms = collector.collect(files)
            for form in forms { print(Self.reportLine(form)) }

            let folder = URL(fileURLWithPath: out)
            let summary = folder.appendingPathComponent("summary.xlsx")
            let records = folder.appendingPathComponent("records.jsonl")
            try SummaryWriter(template: collector.template).write(forms, to: summary)
            try AtomicFile.write(CollectedRecords.jsonLines(forms), to: records)
            print(summary.path)
            print(records.path)

            let failed = forms.filter { !$0.isCollected }.count
            if failed > 0 {
                throw CommandFailure.report("\(failed) 个文件未收录（not collected），\(forms.count - failed) 个已收录；汇总只含已收录的文件",
                                            kind: .invalidData)
            }
        }
    }

    /// `已收录 a.xlsx（新乡市科学技术局）`, `已拒绝 b.xlsx：…`, or `有误 c.xlsx：key（label）：rule [id]；…`
    static func reportLine(_ form: CollectedForm) -> String {
        let path = form.file.displayPath
        switch form.outcome {
        case .collected(let validated):
            var line = "已收录（ok）  \(path)" + (form.subject.map { "（\($0)）" } ?? "")
            let remarks = form.notes.map(\.description) + validated.warnings.map { "提示：\($0)" }
            if !remarks.isEmpty { line += "：" + remarks.joined(separator: "；") }
            return line
        case .refused:
            return "已拒绝（refused）\(path)：" + form.problems.joined(separator: "；")
        case .invalid(let failure):
            return "有误（invalid）\(path)：共 \(failure.issues.count) 处：" + form.problems.joined(separator: "；")
        }
    }
}
