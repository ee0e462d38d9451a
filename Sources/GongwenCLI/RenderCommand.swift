import ArgumentParser
import Foundation
import Gongwen

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one form, blank or filled, as XLSX, DOCX or PDF.",
        discussion: "Without DATA_FILE the blank form is written. DATA_FILE is a JSON object with the form's field keys; '-' reads it from standard input. Prints the path of the file written. PDF is LibreOffice's print of the DOCX (exit 69 when it is not installed)."
    )

    /// `--format`: a file format of the form, or its PDF.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case xlsx, docx, pdf

        /// The form file written, nil for the PDF (which is printed from the DOCX).
        var file: OutputFormat? { OutputFormat(rawValue: rawValue) }
    }

    @Argument(help: "The template id (see `gongwen templates`).")
    var templateID: String

    @Argument(help: "A JSON file with the form's data, or - for standard input.")
    var dataFile: String?

    @Option(name: .long, help: "xlsx, docx or pdf.")
    var format: Format

    @Option(name: .long, help: "The destination folder.")
    var out = "output"

    @OptionGroup var options: TemplateOptions

    func run() throws {
        Interruption.install()
        try CommandFailure.reporting {
            if format == .pdf && PDFConverter.soffice() == nil { throw PDFConverter.Failure.unavailable }
            let root = try options.root()
            let library = root.library
            let renderer = FormRenderer(library: library)
            let data = try dataFile.map { try InputFile.json(at: $0) }
            let (template, validated) = try renderer.validate(templateID: templateID, data: data)
            for warning in validated.warnings {
                FileHandle.standardError.write(Data("gongwen: 提示（warning）：\(warning)\n".utf8))
            }
            let folder = URL(fileURLWithPath: out)
            guard let fileFormat = format.file else {
                let destination = folder.appendingPathComponent(FormRenderer.pdfFileName(for: template, values: validated.values))
                let converter = PDFConverter(fontConfig: root.fontConfig)
                try renderer.writePDF(template, values: validated.values, to: destination) { try converter.convert($0, to: $1) }
                print(destination.path)
                return
            }
            let name = FormRenderer.fileName(for: template, values: validated.values, format: fileFormat)
            let destination = folder.appendingPathComponent(name)
            try renderer.write(template, values: validated.values, format: fileFormat, to: destination)
            print(destination.path)
        }
    }
}
