import ArgumentParser
import Foundation
import Gongwen

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one form, blank or filled, as XLSX or DOCX.",
        discussion: "Without DATA_FILE the blank form is written. DATA_FILE is a JSON object with the form's field keys; '-' reads it from standard input. Prints the path of the file written."
    )

    @Argument(help: "The template id (see `gongwen templates`).")
    var templateID: String

    @Argument(help: "A JSON file with the form's data, or - for standard input.")
    var dataFile: String?

    @Option(name: .long, help: "xlsx or docx.")
    var format: OutputFormat

    @Option(name: .long, help: "The destination folder.")
    var out = "output"

    @OptionGroup var options: TemplateOptions

    func run() throws {
        try CommandFailure.reporting {
            let library = try options.library()
            let renderer = FormRenderer(library: library)
            let data = try dataFile.map { try InputFile.json(at: $0) }
            let (template, validated) = try renderer.validate(templateID: templateID, data: data)
            for warning in validated.warnings {
                FileHandle.standardError.write(Data("gongwen: 提示（warning）：\(warning)\n".utf8))
            }
            let name = FormRenderer.fileName(for: template, values: validated.values, format: format)
            let destination = URL(fileURLWithPath: out).appendingPathComponent(name)
            try renderer.write(template, values: validated.values, format: format, to: destination)
            print(destination.path)
        }
    }
}
