import ArgumentParser
import Gongwen

@main
struct GongwenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "公文 — official notices (GB/T 9704-2012) and their attachment forms, as XLSX and DOCX.",
        subcommands: [TemplatesCommand.self, TemplateCommand.self, RenderCommand.self, NoticeCommand.self, PDFCommand.self, BatchCommand.self, CollectCommand.self, ServeCommand.self]
    )

    /// Every command writes or reads documents, so the allocator keeps what they free for the
    /// next one (see `AllocatorTuning`) before anything else runs.
    static func main() async {
        AllocatorTuning.apply()
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            // An error caused by an interruption is not reported: its handler ends the process.
            Interruption.holdIfUnderway()
            exit(withError: error)
        }
    }
}
