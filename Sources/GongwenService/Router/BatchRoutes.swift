import Foundation
import Gongwen
import HTTPTypes
import Hummingbird

/// `POST /api/batch/{id}?format=xlsx|docx|both`: a list (JSON Lines, CSV or XLSX) in, a zip of
/// one filled form per record and `manifest.csv` out. Every record is checked first: a bad
/// record answers 422 naming each problem and its row, unless `keepGoing=true`, which writes
/// the good ones and marks the bad ones in the manifest. `POST /api/batch` takes the template
/// itself beside the list, as multipart/form-data.
struct BatchRoutes {
    let environment: ServiceEnvironment

    /// The list formats by media type, with the extension that tells `ListSource` how to read them.
    static let listTypes: [(mediaType: String, fileExtension: String)] = [
        ("application/x-ndjson", "jsonl"),
        ("application/jsonl", "jsonl"),
        ("application/x-jsonlines", "jsonl"),
        ("text/csv", "csv"),
        (OutputFormat.xlsx.mediaType, "xlsx"),
    ]

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        let environment = self.environment
        routes.post("/api/batch/{id}") { request, context in
            let template = try environment.template(QueryParameters.path(context, "id"))
            let (formats, keepGoing) = try Self.options(request)
            let type = RequestBodyReader.mediaType(of: request)
            guard let listType = Self.listTypes.first(where: { $0.mediaType == type }) else {
                throw ServiceError.unsupportedMediaType(found: request.headers[.contentType], accepted: Self.listTypes.map(\.mediaType))
            }
            let body = try await RequestBodyReader.collect(request, limit: environment.settings.maxUploadBytes,
                                                              within: environment.settings.longTimeout)
            return try await Self.batch(template, library: environment.library, list: body, extension: listType.fileExtension,
                                        formats: formats, keepGoing: keepGoing, environment)
        }
        // The same with the template beside the list: multipart/form-data, parts `template`
        // (the template's JSON) and `list` (the file, known by its media type or extension).
        routes.post("/api/batch") { request, _ in
            let (formats, keepGoing) = try Self.options(request)
            let upload = try await RequestBodyReader.multipart(request, limit: environment.settings.maxUploadBytes,
                                                                  within: environment.settings.longTimeout)
            let (template, library) = try InlineTemplate.resolve(upload, in: environment.library)
            guard let list = upload.part("list") else { throw Self.missingList }
            let fileExtension = Self.listTypes.first { $0.mediaType == MultipartUpload.mediaType(of: list) }?.fileExtension
                ?? list.fileName.map { URL(fileURLWithPath: $0).pathExtension.lowercased() }
                    .flatMap { ext in Self.listTypes.first { $0.fileExtension == ext }?.fileExtension }
            guard let fileExtension else {
                throw ServiceError.unsupportedMediaType(found: list.contentType, accepted: Self.listTypes.map(\.mediaType))
            }
            return try await Self.batch(template, library: library, list: list.body, extension: fileExtension,
                                        formats: formats, keepGoing: keepGoing, environment)
        }
    }

    static let missingList = ServiceError.invalidData(detail: "缺少 list 部分（the list part is missing）", errors: [
        .init(field: "list", label: "名单", rule: "required", message: "缺少 list 部分：名单文件（JSON Lines、CSV 或 XLSX）"),
    ])

    /// The forms the zip holds, and those left out as bad (with `keepGoing`): the web page
    /// says how many it downloaded without opening the zip.
    static let formsHeader = HTTPField.Name("X-Gongwen-Forms")!
    static let invalidFormsHeader = HTTPField.Name("X-Gongwen-Invalid-Forms")!

    /// `?format=xlsx|docx|both` and `?keepGoing=`.
    static func options(_ request: Request) throws -> ([OutputFormat], Bool) {
        let formats: [OutputFormat] = switch try QueryParameters.choice(
            request, name: "format", label: "文件格式", allowed: ["xlsx", "docx", "both"], fallback: "xlsx") {
        case "docx": [.docx]
        case "both": [.xlsx, .docx]
        default: [.xlsx]
        }
        return (formats, try QueryParameters.flag(request, name: "keepGoing", label: "跳过有误的记录", fallback: false))
    }

    /// Writes one form per record of the list and answers the zip, on the render pool.
    static func batch(_ template: FormTemplate, library: TemplateLibrary, list body: Data, extension fileExtension: String,
                      formats: [OutputFormat], keepGoing: Bool, _ environment: ServiceEnvironment) async throws -> FileDownload {
        let (handle, size, written, invalid) = try await environment.perform(.long) { folder in
            let list = folder.appendingPathComponent("list." + fileExtension)
            try body.write(to: list)
            // One job: the batch holds one render slot, so the pool's bound holds.
            let runner = try BatchRunner(library: library, templateID: template.id, options: BatchOptions(
                formats: formats, folder: folder.appendingPathComponent("out"), zip: true, keepGoing: keepGoing, jobs: 1))
            let source = try ListSource.open(list)
            let plan = try runner.plan(source)
            let summary = try runner.run(plan, list: source)
            guard let zip = summary.zip else { throw ServiceError.internalFailure(detail: "未生成压缩包（no zip written）") }
            let size = try FileManager.default.attributesOfItem(atPath: zip.path)[.size] as? Int ?? 0
            // Opened before the folder is removed: the bytes stay readable until the handle closes.
            return (UncheckedHandle(try FileHandle(forReadingFrom: zip)), size, summary.formsWritten, summary.invalidForms)
        }
        return FileDownload(content: .file(handle.handle, size: size), mediaType: "application/zip",
                            disposition: ContentDisposition(title: template.title, fallback: template.id + "-batch",
                                                            fileExtension: "zip"),
                            extraHeaders: [formsHeader: String(written), invalidFormsHeader: String(invalid)])
    }
}
