import Foundation
import Gongwen
import Hummingbird

/// `POST /api/notices/import[?date=2020-07-22]`: an office's draft of a notice in — pasted
/// text (`text/plain`), a Word file as the body, or multipart/form-data with a `file` part
/// (.docx, .doc, .wps, .txt) or a `text` part, as the notice page sends them — the notice JSON
/// `POST /api/notices` takes out, with what the importer corrected, assumed or could not
/// place. Nothing is stored: the page shows the notice as a form to correct, then sends it
/// back for its preview and its files.
struct NoticeImportRoute {
    let environment: ServiceEnvironment

    /// The drafts that come as a bare body, by media type.
    static let fileTypes: [(mediaType: String, fileExtension: String)] = [
        ("text/plain", "txt"),
        (OutputFormat.docx.mediaType, "docx"),
        ("application/msword", "doc"),
        ("application/vnd.ms-works", "wps"),
        ("application/kswps", "wps"),
    ]

    struct Answer: Encodable {
        struct Note: Encodable {
            /// What the warning is, as a stable id (`document-number-corrected`…).
            var code: String
            /// What the importer says, in Chinese.
            var message: String
        }

        var notice: NoticeDocument
        var warnings: [Note]
    }

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        let environment = self.environment
        routes.post("/api/notices/import") { request, _ in
            let date: String? = request.uri.queryParameters.get("date")
            let (data, fileName) = try await Self.draft(request, environment)
            let importer = NoticeImporter(library: environment.library, fontConfig: environment.root.fontConfig)
            let result = try await environment.perform(.long) { _ in
                do {
                    return try importer.importData(data, fileName: fileName, source: "草稿", date: date)
                } catch NoticeImportError.badDate(let given) {
                    throw ServiceError.invalidParameter(name: "date", label: "成文日期", rule: "date",
                                                        message: "“\(given)”不是日期，应如 2020-07-22")
                } catch NoticeImportError.unsupportedFile(_, let ext) {
                    throw ServiceError.unsupportedMediaType(found: "." + ext, accepted: Self.fileTypes.map(\.mediaType))
                }
            }
            let answer = Answer(notice: result.notice, warnings: result.warnings.map {
                Answer.Note(code: $0.code, message: $0.description)
            })
            return SystemRoutes.json(try JSONOutput.encode(answer))
        }
    }

    /// The draft's bytes and a file name whose extension tells the importer how to read them.
    static func draft(_ request: Request, _ environment: ServiceEnvironment) async throws -> (Data, String) {
        switch try await RequestBodyReader.fileUpload(request, types: fileTypes, limit: environment.settings.maxUploadBytes,
                                                       within: environment.settings.longTimeout) {
        case .body(let data, let fileExtension):
            return (data, "draft." + fileExtension)
        case .multipart(let upload):
            if let file = upload.part("file") {
                let byName = file.fileNameExtension
                return (file.body, "draft." + (byName.isEmpty ? file.fileExtension(byType: fileTypes) ?? "txt" : byName))
            }
            if let text = upload.part("text") { return (text.body, "draft.txt") }
            throw ServiceError.invalidData(detail: "缺少 file 或 text 部分（the draft is missing）", errors: [
                .init(field: "file", label: "草稿", rule: "required", message: "缺少 file 部分（.docx、.doc、.wps 或 .txt 草稿）或 text 部分（草稿全文）"),
            ])
        }
    }
}
