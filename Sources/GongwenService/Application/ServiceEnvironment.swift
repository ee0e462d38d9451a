import Foundation
import Gongwen

/// What every route shares, built once at start: the settings, the templates root (read
/// once), the render pool, the PDF engine and the PDF requests' own pool.
struct ServiceEnvironment: Sendable {
    let settings: ServiceSettings
    let root: TemplatesRoot
    let pool: RenderPool
    let pdf: PDFEngine
    /// Where PDF requests run: one thread per LibreOffice instance, its own queue.
    let pdfPool: RenderPool

    /// What a request's work waits on: the render pool (the short or the long deadline), or
    /// the PDF pool (the long deadline).
    enum Work { case quick, long, pdf }

    var library: TemplateLibrary { root.library }

    /// The template with this id; `TemplateError.unknownTemplate` (a 404) otherwise.
    func template(_ id: String) throws -> FormTemplate {
        try library.template(id: id)
    }

    /// Runs `work` on its pool with a fresh temporary folder, which is removed when the work
    /// ends. Long work (PDF, batch, collect) gets the longer deadline.
    func perform<T: Sendable>(_ kind: Work = .quick, _ work: @escaping @Sendable (URL) throws -> T) async throws -> T {
        let parent = settings.temporaryFolder
        return try await (kind == .pdf ? pdfPool : pool).perform(within: kind == .quick ? settings.timeout : settings.longTimeout) {
            try WorkFolder.with(in: parent, work)
        }
    }
}
