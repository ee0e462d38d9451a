import ArgumentParser
import Foundation
import Gongwen

/// Options every command that reads templates shares.
struct TemplateOptions: ParsableArguments {
    @Option(name: .long, help: "The templates folder (default: ./templates, or the one beside the executable).")
    var templates: String?

    /// The templates folder these options name (not yet read).
    var folder: URL { TemplateLocator.root(explicit: templates) }

    /// The templates root these options name, read and checked.
    func root() throws -> TemplatesRoot {
        try TemplatesRoot(folder: folder)
    }

    func library() throws -> TemplateLibrary {
        try root().library
    }
}

extension OutputFormat: ExpressibleByArgument {}
