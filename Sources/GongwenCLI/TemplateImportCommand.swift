import ArgumentParser
import Foundation
import Gongwen

/// `gongwen template import FILE`: the office's own form file becomes a template file.
struct TemplateImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a form template from an XLSX, DOCX, XLS, DOC, ET or WPS form.",
        discussion: "Writes DIR/ID.json (default: the templates folder's forms/) and prints its path; --json prints the template instead. What was inferred and what could not be kept go to standard error. Legacy formats go through one LibreOffice conversion (exit 69 when it is not installed)."
    )

    @Argument(help: "The form file.")
    var file: String

    @Option(name: .long, help: "The template id (default: from the file name, else from the title).")
    var id: String?

    @Option(name: .long, help: "The folder to write ID.json into (default: the templates folder's forms/).")
    var out: String?

    @Flag(name: .long, help: "Print the template JSON instead of writing it.")
    var json = false

    @Flag(name: .long, help: "Replace a template file of the same id.")
    var force = false

    @OptionGroup var options: TemplateOptions

    /// A template file of that id is already there.
    struct Exists: GongwenError {
        var path: String
        var kind: ErrorKind { .output }
        var description: String { "\(path) 已存在，未覆盖；换一个 --id，或加 --force（template exists）" }
    }

    func run() throws {
        Interruption.install()
        try CommandFailure.reporting {
            guard FileManager.default.isReadableFile(atPath: file) else { throw InputFile.Missing(path: file) }
            let root = try options.root()
            let importer = TemplateImporter(library: root.library, fontConfig: root.fontConfig)
            let result = try importer.importFile(at: URL(fileURLWithPath: file), id: id)
            for warning in result.warnings {
                let tag = warning.isInference ? "推断（inferred）" : "提示（warning）"
                FileHandle.standardError.write(Data("gongwen: \(tag)：\(warning)\n".utf8))
            }
            let data = try TemplateImporter.encoded(result.template)
            if json {
                FileHandle.standardOutput.write(data)
                return
            }
            let folder = out.map { URL(fileURLWithPath: $0) } ?? root.folder.appendingPathComponent("forms")
            let destination = folder.appendingPathComponent(result.template.id + ".json")
            if !force, FileManager.default.fileExists(atPath: destination.path) { throw Exists(path: destination.path) }
            try AtomicFile.write(data, to: destination)
            print(destination.path)
        }
    }
}
