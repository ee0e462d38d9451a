import Foundation
import Gongwen

/// What every route shares, built once at start: the settings, the templates root (read
/// once), the render pool and the PDF engine.
struct ServiceEnvironment: Sendable {
    let settings: ServiceSettings
    let root: TemplatesRoot
    let pool: RenderPool
    let pdf: PDFEngine

    var library: TemplateLibrary { root.library }

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
}
