import Foundation
import Gongwen
import Hummingbird

/// `POST /api/collect/{id}`: a zip of returned XLSX (or DOCX) forms in; the summary out, as
/// summary.xlsx, or as JSON with `Accept: application/json`. A file that cannot be read or
/// breaks the rules does not fail the request: it is listed in the summary (sheet 未收录)
/// or the JSON, as `gongwen collect` lists it.
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
            let json = Self.wantsJSON(request.headers[.accept])
            let body = try await RequestBodyReader.collect(request, limit: environment.settings.maxUploadBytes,
                                                              within: environment.settings.longTimeout)
            let library = environment.library
            let data = try await environment.perform(.long) { folder in
                let upload = folder.appendingPathComponent("upload.zip")
                try body.write(to: upload)
                let files = try ReturnedArchive.extract(upload, into: folder.appendingPathComponent("returned"))
                // One pool slot, one thread: the pool already holds as many jobs as cores.
                let forms = try FormCollector(library: library, templateID: template.id).collect(files, parallel: false)
                if json {
                    return try JSONOutput.encode(CollectReport(template: template, forms: forms))
                }
                let summary = folder.appendingPathComponent("summary.xlsx")
                try SummaryWriter(template: template).write(forms, to: summary)
                return try Data(contentsOf: summary)
            }
            if json { return SystemRoutes.json(data) }
            return FileDownload(content: .data(data), mediaType: OutputFormat.xlsx.mediaType,
                                disposition: ContentDisposition(title: template.title + "（汇总）", fallback: template.id + "-summary",
                                                                fileExtension: "xlsx"))
                .response(from: request, context: context)
        }
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
