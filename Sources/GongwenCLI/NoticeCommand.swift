import ArgumentParser
import Foundation
import Gongwen

/// `gongwen notice FILE` lays a notice out (the default subcommand, so the usual call is
/// unchanged); `gongwen notice import DRAFT` reads a draft into the notice JSON.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Lay out a notice (JSON or a draft) as DOCX and PDF, or import a draft into notice JSON.",
        subcommands: [NoticeLayoutCommand.self, NoticeImportCommand.self],
        defaultSubcommand: NoticeLayoutCommand.self
    )
}

struct NoticeLayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Render a notice and all its attachments as one DOCX packet (and PDF with --pdf).",
        discussion: """
            FILE is a notice in JSON (see templates/schema/notice.schema.json), or a draft (.txt, .docx, \
            .doc, .wps) that is imported first, its warnings on standard error. Prints the paths written.
            """
    )

    @Argument(help: "The notice file, or - for standard input.")
    var file: String

    @Option(name: .long, help: "For a draft without a date: the 成文日期 to use (2020-07-22).")
    var date: String?

    @Option(name: .long, help: "The destination folder.")
    var out = "output"

    @Flag(name: .long, help: "Also make a PDF with LibreOffice (exit 69 when it is not installed).")
    var pdf = false

    @OptionGroup var options: TemplateOptions

    func run() throws {
        Interruption.install()
        try CommandFailure.reporting {
            let root = try options.root()
            let renderer = NoticeRenderer(root: root)
            if pdf && PDFConverter.soffice() == nil { throw PDFConverter.Failure.unavailable }
            let data = try InputFile.data(at: file)
            let notice: NoticeDocument
            if NoticeDraft.isDraft(file) {
                notice = try NoticeDraft.read(file, data: data, root: root, date: date)
            } else {
                notice = try NoticeRenderer.decode(data, source: file)
            }
            let base = file == "-" ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                : URL(fileURLWithPath: file).deletingLastPathComponent()
            let validated = try renderer.validate(notice, baseFolder: base)
            let folder = URL(fileURLWithPath: out)
            let docx = folder.appendingPathComponent(NoticeRenderer.fileName(for: notice, extension: "docx"))
            guard pdf else {
                try renderer.writeDocx(validated, to: docx)
                print(docx.path)
                return
            }
            let converter = PDFConverter(fontConfig: root.fontConfig)
            let target = folder.appendingPathComponent(NoticeRenderer.fileName(for: notice, extension: "pdf"))
            try renderer.writeDocxAndPDF(validated, docx: docx, pdf: target) { try converter.convert($0, to: $1) }
            print(docx.path)
            print(target.path)
        }
    }
}
