import ArgumentParser
import Foundation
import Gongwen

/// `gongwen notice import DRAFT [--out FILE.json]`: a draft in, the notice JSON out (standard
/// output without --out), what was corrected or not placed on standard error.
struct NoticeImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a notice draft (.txt, .docx, .doc, .wps) into notice JSON.",
        discussion: "Lists on standard error each correction and anything it could not place; a draft with no title, no date or no issuing organ is an error and writes nothing. .doc and .wps go through one LibreOffice conversion (exit 69 when it is not installed)."
    )

    @Argument(help: "The draft file.")
    var draft: String

    @Option(name: .long, help: "Write the notice JSON here instead of standard output.")
    var out: String?

    @Option(name: .long, help: "For a draft without a date: the 成文日期 to use (2020-07-22).")
    var date: String?

    @OptionGroup var options: TemplateOptions

    func run() throws {
        Interruption.install()
        try CommandFailure.reporting {
            let data = try InputFile.data(at: draft)
            let notice = try NoticeDraft.read(draft, data: data, root: try options.root(), date: date)
            let json = try JSONOutput.encode(notice) + Data("\n".utf8)
            if let out {
                try AtomicFile.write(json, to: URL(fileURLWithPath: out))
                print(out)
            } else {
                FileHandle.standardOutput.write(json)
            }
        }
    }
}

/// The draft path shared by `notice import` and `notice DRAFT`: import, warnings to stderr.
enum NoticeDraft {
    static let extensions: Set<String> = ["txt", "text", "docx", "doc", "wps"]

    static func isDraft(_ path: String) -> Bool {
        extensions.contains((path as NSString).pathExtension.lowercased())
    }

    static func read(_ path: String, data: Data, root: TemplatesRoot, date: String?) throws -> NoticeDocument {
        let result = try NoticeImporter(library: root.library, fontConfig: root.fontConfig).importData(data, fileName: path, source: path, date: date)
        for warning in result.warnings {
            FileHandle.standardError.write(Data("\(path)：\(warning)\n".utf8))
        }
        return result.notice
    }
}
