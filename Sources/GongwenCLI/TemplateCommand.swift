import ArgumentParser

/// `gongwen template …`: what is done to one template (today: making one from a form file),
/// beside `gongwen templates`, which lists them. Not `templates import`: that command's own
/// `--json` would take the import's `--json` from it.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Make a form template.",
        subcommands: [TemplateImportCommand.self]
    )
}
