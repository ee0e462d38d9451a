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
            let root = try options.root()
            if json {
                FileHandle.standardOutput.write(root.templateList)
            } else {
                for t in root.library.templates {
                    print("\(t.id)\t\(t.form.rawValue)\t\(t.title)")
                }
            }
        }
    }
}
