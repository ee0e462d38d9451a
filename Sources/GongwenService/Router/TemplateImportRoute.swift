import Foundation
import Gongwen
import Hummingbird

/// `POST /api/templates/import[?id=ID]`: an office's own form file in (multipart/form-data
/// with a `file` part, as a page's file input sends it, or the file itself as the body with
/// its media type), the template the importer makes of it out, with what it inferred and
/// what it could not keep. Nothing is stored: the page edits the template and sends it back
/// with the data (`POST /api/render`, `/api/batch`, `/api/collect`).
struct TemplateImportRoute {
    let environment: ServiceEnvironment

    /// The formats a form file comes in as a bare body, by media type.
    static let fileTypes: [(mediaType: String, fileExtension: String)] = [
        (OutputFormat.xlsx.mediaType, "xlsx"),
        (OutputFormat.docx.mediaType, "docx"),
        ("application/vnd.ms-excel", "xls"),
        ("application/msword", "doc"),
    ]

    /// What the route answers: the template, and the importer's notes on it.
    struct Report: Encodable {
        struct Note: Encodable {
            /// What the importer says, in Chinese with the English term.
            var message: String
            /// An inference (a field's type and why, a conversion) rather than something dropped.
            var inference: Bool
        }

        var template: FormTemplate
        /// What the web page builds its form from, as `GET /api/templates/{id}` gives it.
        var summary: TemplateSummary
        var warnings: [Note]
    }

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        let environment = self.environment
        routes.post("/api/templates/import") { request, _ in
            let id: String? = request.uri.queryParameters.get("id")
            let (data, fileName) = try await Self.upload(request, environment)
            let importer = TemplateImporter(library: environment.library, fontConfig: environment.root.fontConfig)
            let result = try await environment.perform(.long) { _ in
                do {
                    return try importer.importData(data, fileName: fileName, id: id)
                } catch let error as ImportError {
                    throw Self.problem(error)
                }
            }
            let report = Report(template: result.template, summary: TemplateSummary(result.template), warnings: result.warnings.map {
                Report.Note(message: $0.description, inference: $0.isInference)
            })
            return SystemRoutes.json(try JSONOutput.encode(report))
        }
    }

    /// The file and its name: the `file` part of a multipart body, or the body itself.
    static func upload(_ request: Request, _ environment: ServiceEnvironment) async throws -> (Data, String) {
        switch try await RequestBodyReader.fileUpload(request, types: fileTypes, limit: environment.settings.maxUploadBytes,
                                                       within: environment.settings.longTimeout) {
        case .body(let data, let fileExtension):
            return (data, "form." + fileExtension)
        case .multipart(let upload):
            guard let file = upload.part("file") else {
                throw ServiceError.invalidData(detail: "缺少 file 部分（the file part is missing）", errors: [
                    .init(field: "file", label: "表单文件", rule: "required", message: "缺少 file 部分：表单的 XLSX、DOCX、XLS 或 DOC 文件"),
                ])
            }
            // The file's own name stays: a template's id defaults to it.
            let byType = file.fileExtension(byType: fileTypes)
            let name = file.fileName.flatMap { $0.isEmpty ? nil : $0 } ?? "form." + (byType ?? "xlsx")
            return (file.body, file.fileNameExtension.isEmpty && byType != nil ? name + "." + byType! : name)
        }
    }

    /// A file that is read but is no form (no table, no input cells, a broken mark) is a 422
    /// naming the part; an id that cannot name a template a 400 naming the parameter; the
    /// rest (not an office file, password, zip bomb) stay what their kind makes them.
    static func problem(_ error: ImportError) -> any Error {
        switch error {
        case .noTable, .noInputCells, .badMark, .duplicateKey, .inconsistent:
            ServiceError.invalidData(detail: error.description, errors: [
                .init(field: "file", label: "表单文件", rule: "form", message: error.description),
            ])
        case .badID:
            ServiceError.invalidParameter(name: "id", label: "模板 id", rule: "kebab-case", message: error.description)
        case .unsupportedFormat, .passwordProtected:
            error
        }
    }
}
