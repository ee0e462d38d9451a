import Foundation
import Gongwen
import HTTPTypes
import Hummingbird

/// `POST /api/batch/{id}?format=xlsx|docx|pdf|both|all&print=`: a list (JSON Lines, CSV or XLSX)
/// in, a zip of one filled form per record and `manifest.csv` out (with `print=true` also
/// `print.pdf`, every form in the list's order, as `gongwen batch --print` makes it). Every
/// record is checked first: a bad record answers 422 naming each problem and its row, unless
/// `keepGoing=true`, which writes the good ones and marks the bad ones in the manifest.
/// `POST /api/batch` takes the template itself beside the list, as multipart/form-data.
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
            let options = try Self.options(request, environment)
            let type = RequestBodyReader.mediaType(of: request)
            guard let listType = Self.listTypes.first(where: { $0.mediaType == type }) else {
                throw ServiceError.unsupportedMediaType(found: request.headers[.contentType], accepted: Self.listTypes.map(\.mediaType))
            }
            let body = try await RequestBodyReader.collect(request, limit: environment.settings.maxUploadBytes,
                                                              within: environment.settings.longTimeout)
            return try await Self.batch(template, library: environment.library, list: body, extension: listType.fileExtension,
                                        options: options, environment)
        }
        // The same with the template beside the list: multipart/form-data, parts `template`
        // (the template's JSON) and `list` (the file, known by its media type or extension).
        routes.post("/api/batch") { request, _ in
            let options = try Self.options(request, environment)
            let upload = try await RequestBodyReader.multipart(request, limit: environment.settings.maxUploadBytes,
                                                                  within: environment.settings.longTimeout)
            let (template, library) = try InlineTemplate.resolve(upload, in: environment.library)
            guard let list = upload.part("list") else { throw Self.missingList }
            let byName = list.fileNameExtension
            let fileExtension = list.fileExtension(byType: Self.listTypes)
                ?? Self.listTypes.first { $0.fileExtension == byName }?.fileExtension
            guard let fileExtension else {
                throw ServiceError.unsupportedMediaType(found: list.contentType, accepted: Self.listTypes.map(\.mediaType))
            }
            return try await Self.batch(template, library: library, list: list.body, extension: fileExtension,
                                        options: options, environment)
        }
    }

    static let missingList = ServiceError.invalidData(detail: "缺少 list 部分（the list part is missing）", errors: [
        .init(field: "list", label: "名单", rule: "required", message: "缺少 list 部分：名单文件（JSON Lines、CSV 或 XLSX）"),
    ])

    /// The forms the zip holds, and those left out as bad (with `keepGoing`): the web page
    /// says how many it downloaded without opening the zip.
    static let formsHeader = HTTPField.Name("X-Gongwen-Forms")!
    static let invalidFormsHeader = HTTPField.Name("X-Gongwen-Invalid-Forms")!

    /// What a batch request asks for: the form files, whether each form's PDF is kept, whether
    /// the print file is joined, and whether bad records are skipped.
    struct Options: Equatable, Sendable {
        var formats: [OutputFormat]
        var keepPDFs: Bool
        var printFile: Bool
        var keepGoing: Bool

        /// PDFs are made for the forms or for the print file (which needs them even when only
        /// XLSX or DOCX is kept, as the command line makes them).
        var needsPDF: Bool { keepPDFs || printFile }
    }

    /// `?format=xlsx|docx|pdf|both|all` (all is xlsx, docx and pdf, as `gongwen batch` means
    /// it), `?print=` and `?keepGoing=`.
    static func options(_ request: Request) throws -> Options {
        let choice = try QueryParameters.choice(
            request, name: "format", label: "文件格式", allowed: ["xlsx", "docx", "pdf", "both", "all"], fallback: "xlsx")
        let formats: [OutputFormat] = switch choice {
        case "docx": [.docx]
        case "pdf": []
        case "both", "all": [.xlsx, .docx]
        default: [.xlsx]
        }
        return Options(formats: formats, keepPDFs: choice == "pdf" || choice == "all",
                       printFile: try QueryParameters.flag(request, name: "print", label: "合并打印文件", fallback: false),
                       keepGoing: try QueryParameters.flag(request, name: "keepGoing", label: "跳过有误的记录", fallback: false))
    }

    /// The request's options, refused first (503) when they need an engine the service lacks.
    static func options(_ request: Request, _ environment: ServiceEnvironment) throws -> Options {
        let options = try options(request)
        try checkEngines(for: options, environment.pdf, merger: PrintFile.merger() != nil)
        return options
    }

    /// A batch that needs PDFs, asked of a service without LibreOffice (or, for the print file,
    /// without pdfunite), is a 503 before the body is read or any form written.
    static func checkEngines(for options: Options, _ engine: PDFEngine, merger: Bool) throws {
        guard options.needsPDF else { return }
        if !engine.isAvailable() { throw PDFConverter.Failure.unavailable }
        if options.printFile && !merger { throw ServiceError.pdfUnavailable(detail: PrintFile.Failure.mergerMissing.description) }
    }

    /// Writes one form per record of the list and answers the zip: on the render pool, or, when
    /// PDFs are made, on the PDF pool (one of its slots), converting on as many of the warm
    /// pool's instances as it has while the writer goes on.
    static func batch(_ template: FormTemplate, library: TemplateLibrary, list body: Data, extension fileExtension: String,
                      options: Options, _ environment: ServiceEnvironment) async throws -> FileDownload {
        let engine = environment.pdf
        let pdf = options.needsPDF
            ? BatchPDF(keepForms: options.keepPDFs, printFile: options.printFile, conversions: engine.slots, convert: engine.convert)
            : nil
        let (handle, size, written, invalid) = try await environment.perform(pdf == nil ? .long : .pdf) { folder in
            let list = folder.appendingPathComponent("list." + fileExtension)
            try body.write(to: list)
            // One job: the batch holds one render slot, so the pool's bound holds.
            let runner = try BatchRunner(library: library, templateID: template.id, options: BatchOptions(
                formats: options.formats, folder: folder.appendingPathComponent("out"), zip: true,
                keepGoing: options.keepGoing, jobs: 1, pdf: pdf))
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
