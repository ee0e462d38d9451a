import ArgumentParser
import Foundation
import Gongwen

/// Options every command that reads templates shares.
struct TemplateOptions: ParsableArguments {
    @Option(name: .long, help: "The templates folder (default: ./templates, or the one beside the executable).")
    var templates: String?

    func library() throws -> TemplateLibrary {
        try TemplateLibrary.load(from: TemplateLocator.forms(in: TemplateLocator.root(explicit: templates)))
    }
}

extension OutputFormat: ExpressibleByArgument {}
