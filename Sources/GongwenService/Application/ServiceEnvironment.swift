import Foundation
import Gongwen

/// What every route shares, built once at start: the settings, the templates (loaded once),
/// the render pool and the PDF engine.
struct ServiceEnvironment: Sendable {
    let settings: ServiceSettings
    let library: TemplateLibrary
    let pool: RenderPool
    let pdf: PDFEngine
    /// `templates/layouts`, for notices.
    let layouts: URL
    /// The notice layout presets there (`gbt9704`…).
    let layoutIDs: Set<String>
    /// The body of `GET /api/templates`: byte for byte what `gongwen templates --json` prints.
    let templateList: Data

    init(settings: ServiceSettings, library: TemplateLibrary, pool: RenderPool, pdf: PDFEngine) {
        self.settings = settings
        self.library = library
        self.pool = pool
        self.pdf = pdf
        layouts = settings.templatesRoot.appendingPathComponent("layouts")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: layouts.path)) ?? []
        layoutIDs = Set(files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) })
        // Strings, booleans and integers: encoding cannot fail.
        templateList = ((try? Self.encode(library.templates.map(TemplateSummary.init))) ?? Data("[]".utf8)) + Data("\n".utf8)
    }

    /// The template with this id; `TemplateError.unknownTemplate` (a 404) otherwise.
    func template(_ id: String) throws -> FormTemplate {
        try library.template(id: id)
    }

    /// Runs `work` on the render pool with a fresh temporary folder, which is removed when
    /// the work ends. `long` work (PDF, batch, collect) gets the longer deadline.
    func perform<T: Sendable>(long: Bool = false, _ work: @escaping @Sendable (URL) throws -> T) async throws -> T {
        let parent = settings.temporaryFolder
        return try await pool.perform(within: long ? settings.longTimeout : settings.timeout) {
            try WorkFolder.with(in: parent, work)
        }
    }

    /// JSON as the command line writes it: pretty, keys sorted, slashes and Chinese as they are.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
