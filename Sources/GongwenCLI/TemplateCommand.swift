import ArgumentParser

/// `gongwen template …`: what is done to one template (today: making one from a form file).
/// `gongwen templates` lists them; `gongwen templates import` is the same import.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Make a form template.",
        subcommands: [TemplateImportCommand.self]
    )
}
