import Foundation
import Gongwen
import Hummingbird

/// `POST /api/collect/{id}`: a zip of returned XLSX (or DOCX) forms in; the summary out, as
/// summary.xlsx, or as JSON with `Accept: application/json`. A file that cannot be read or
/// breaks the rules does not fail the request: it is listed in the summary (sheet 未收录)
/// or the JSON, as `gongwen collect` lists it. `POST /api/collect` takes the template itself
/// beside the zip, as multipart/form-data.
struct CollectRoutes {
    let environment: ServiceEnvironment

    static let archiveTypes = ["application/zip", "application/x-zip-compressed", "application/octet-stream"]

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        let environment = self.environment
        routes.post("/api/collect/{id}") { request, context in
            let template = try environment.template(QueryParameters.path(context, "id"))
            guard let type = RequestBodyReader.mediaType(of: request), Self.archiveTypes.contains(type) else {
                throw ServiceError.unsupportedMediaType(found: request.headers[.contentType], accepted: Self.archiveTypes)
            }
            let body = try await RequestBodyReader.collect(request, limit: environment.settings.maxUploadBytes,
                                                              within: environment.settings.longTimeout)
            return try await Self.collect(template, library: environment.library, archive: body, request: request,
                                          context: context, environment)
        }
        // The same with the template beside the zip: multipart/form-data, parts `template`
        // and `archive`.
        routes.post("/api/collect") { request, context in
            let upload = try await RequestBodyReader.multipart(request, limit: environment.settings.maxUploadBytes,
                                                                  within: environment.settings.longTimeout)
            let (template, library) = try InlineTemplate.resolve(upload, in: environment.library)
            guard let archive = upload.part("archive") else {
                throw ServiceError.invalidData(detail: "缺少 archive 部分（the archive part is missing）", errors: [
                    .init(field: "archive", label: "回收的表格", rule: "required", message: "缺少 archive 部分：回收表格的 zip"),
                ])
            }
            return try await Self.collect(template, library: library, archive: archive.body, request: request,
                                          context: context, environment)
        }
    }

    /// Reads the returned files of the zip and answers the summary, on the render pool.
    static func collect<Context: RequestContext>(_ template: FormTemplate, library: TemplateLibrary, archive body: Data,
                                                 request: Request, context: Context,
                                                 _ environment: ServiceEnvironment) async throws -> Response {
        let json = wantsJSON(request.headers[.accept])
        let data = try await environment.perform(.long) { folder in
            let upload = folder.appendingPathComponent("upload.zip")
            try body.write(to: upload)
            let (files, skipped) = try ReturnedArchive.extract(upload, into: folder.appendingPathComponent("returned"))
            // One pool slot, one thread: the pool already holds as many jobs as cores.
            let forms = try FormCollector(library: library, templateID: template.id).collect(files, parallel: false)
            if json {
                return try JSONOutput.encode(CollectReport(template: template, forms: forms, skipped: skipped))
            }
            let summary = folder.appendingPathComponent("summary.xlsx")
            try SummaryWriter(template: template).write(forms, to: summary)
            return try Data(contentsOf: summary)
        }
        if json { return SystemRoutes.json(data) }
        return try FileDownload(content: .data(data), mediaType: OutputFormat.xlsx.mediaType,
                                disposition: ContentDisposition(title: template.title + "（汇总）", fallback: template.id + "-summary",
                                                                fileExtension: "xlsx"))
            .response(from: request, context: context)
    }

    /// JSON when the client lists `application/json` and does not prefer the spreadsheet.
    static func wantsJSON(_ accept: String?) -> Bool {
        guard let accept = accept?.lowercased() else { return false }
        let types = accept.split(separator: ",").map { $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        guard let json = types.firstIndex(of: "application/json") else { return false }
        guard let sheet = types.firstIndex(of: OutputFormat.xlsx.mediaType) else { return true }
        return json < sheet
    }
}
