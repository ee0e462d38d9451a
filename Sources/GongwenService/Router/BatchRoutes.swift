import Foundation
import Gongwen
import Hummingbird

/// `POST /api/batch/{id}?format=xlsx|docx|both`: a list (JSON Lines, CSV or XLSX) in, a zip of
/// one filled form per record and `manifest.csv` out. Every record is checked first: a bad
/// record answers 422 naming each problem and its row, unless `keepGoing=true`, which writes
/// the good ones and marks the bad ones in the manifest.
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
            let formats: [OutputFormat] = switch try QueryParameters.choice(
                request, name: "format", label: "文件格式", allowed: ["xlsx", "docx", "both"], fallback: "xlsx") {
            case "docx": [.docx]
            case "both": [.xlsx, .docx]
            default: [.xlsx]
            }
            let keepGoing = try QueryParameters.flag(request, name: "keepGoing", label: "跳过有误的记录", fallback: false)
            let type = RequestBodyReader.mediaType(of: request)
            guard let listType = Self.listTypes.first(where: { $0.mediaType == type }) else {
                throw ServiceError.unsupportedMediaType(found: request.headers[.contentType], accepted: Self.listTypes.map(\.mediaType))
            }
            let body = try await RequestBodyReader.collect(request, limit: environment.settings.maxUploadBytes,
                                                              within: environment.settings.longTimeout)
            let library = environment.library
            let (handle, size) = try await environment.perform(.long) { folder in
                let list = folder.appendingPathComponent("list." + listType.fileExtension)
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
                return (UncheckedHandle(try FileHandle(forReadingFrom: zip)), size)
            }
            return FileDownload(content: .file(handle.handle, size: size), mediaType: "application/zip",
                                disposition: ContentDisposition(title: template.title, fallback: template.id + "-batch",
                                                                fileExtension: "zip"))
        }
    }
}
