import ArgumentParser
import Foundation
import Gongwen

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the form templates."
    )

    @OptionGroup var options: TemplateOptions

    @Flag(name: .long, help: "Print a JSON array with each template's id, form, title, source and fields.")
    var json = false

    func run() throws {
        try CommandFailure.reporting {
            let library = try options.library()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(library.templates.map(TemplateSummary.init))
                print(String(decoding: data, as: UTF8.self))
            } else {
                for t in library.templates {
                    print("\(t.id)\t\(t.form.rawValue)\t\(t.title)")
                }
            }
        }
    }
}
