import Foundation

/// The templates folder and everything read from it, read once: the form templates
/// (`forms/`), the notice house styles (`layouts/`), the fontconfig file PDFs are made with
/// (`fonts/fonts.conf`) and the notice format (`schema/notice.schema.json`). The command line,
/// the service and the tests all start from one of these, so each finds the same files the
/// same way and the template list they publish is the same bytes.
public struct TemplatesRoot: Sendable {
    public let folder: URL
    public let library: TemplateLibrary
    /// The notice house styles there (`gbt9704`…), by id.
    public let layoutIDs: Set<String>
    /// The fontconfig file that maps the official font names to installed faces; nil when
    /// the folder has none (LibreOffice then uses the machine's own configuration).
    public let fontConfig: URL?
    /// The notice format, when the folder has it.
    public let noticeSchema: JSONValue?
    /// `gongwen templates --json` and `GET /api/templates`: every template's summary.
    public let templateList: Data

    /// Loads and checks the templates of `folder`.
    public init(folder: URL) throws(TemplateError) {
        self.folder = folder
        library = try TemplateLibrary.load(from: folder.appendingPathComponent("forms"))
        let fm = FileManager.default
        let layouts = folder.appendingPathComponent("layouts")
        let files = (try? fm.contentsOfDirectory(atPath: layouts.path)) ?? []
        layoutIDs = Set(files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) })
        let fonts = folder.appendingPathComponent("fonts/fonts.conf")
        fontConfig = fm.fileExists(atPath: fonts.path) ? fonts : nil
        let schema = folder.appendingPathComponent("schema/notice.schema.json")
        noticeSchema = fm.contents(atPath: schema.path).flatMap { try? JSONValue.parse($0, source: schema.path) }
        // Strings, booleans and numbers from decoded files: encoding them cannot fail.
        templateList = ((try? JSONOutput.encode(library.templates.map(TemplateSummary.init))) ?? Data("[]".utf8)) + Data("\n".utf8)
    }

    /// The root `TemplateLocator` finds: an explicit path, `GONGWEN_TEMPLATES`, the current
    /// folder or the folders above the executable.
    public static func located(explicit: String? = nil) throws(TemplateError) -> TemplatesRoot {
        try TemplatesRoot(folder: TemplateLocator.root(explicit: explicit))
    }

    /// The folder of notice house styles.
    public var layouts: URL { folder.appendingPathComponent("layouts") }
}
