import Foundation
import Gongwen
import Hummingbird

/// `POST /api/notices?format=docx|pdf`: a notice (the data of `gongwen notice`) in, the packet
/// out. Seals come inside the JSON as `data:image/png;base64,…`: the service reads no path
/// a client names.
struct NoticeRoutes {
    let environment: ServiceEnvironment

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        let environment = self.environment
        routes.post("/api/notices") { request, _ in
            let format = try QueryParameters.choice(request, name: "format", label: "文件格式",
                                                    allowed: ["docx", "pdf"], fallback: "docx")
            let pdf = format == "pdf"
            let engine = environment.pdf
            if pdf && !engine.isAvailable() { throw PDFConverter.Failure.unavailable }
            let body = try await RequestBodyReader.json(request, limit: environment.settings.maxJSONBytes,
                                                           within: environment.settings.timeout)
            let (data, title) = try await environment.perform(pdf ? .pdf : .quick) { folder in
                let (renderer, validated, title) = try Self.validated(body, environment: environment, in: folder)
                let docx = folder.appendingPathComponent("notice.docx")
                guard pdf else {
                    try renderer.writeDocx(validated, to: docx)
                    return (try Data(contentsOf: docx), title)
                }
                let target = folder.appendingPathComponent("notice.pdf")
                try renderer.writeDocxAndPDF(validated, docx: docx, pdf: target, convert: engine.convert)
                return (try Data(contentsOf: target), title)
            }
            let mediaType = pdf ? "application/pdf" : OutputFormat.docx.mediaType
            return FileDownload(content: .data(data), mediaType: mediaType,
                                disposition: ContentDisposition(title: title, fallback: "notice", fileExtension: format))
        }
    }

    /// The notice in `body`, decoded and checked, its seals written into `folder`: what the
    /// download and the preview both lay out. Text that is not JSON is a 400 from here
    /// (DataFormatError); a shape the format does not have, a 422 naming each field.
    static func validated(_ body: Data, environment: ServiceEnvironment, in folder: URL) throws -> (NoticeRenderer, ValidatedNotice, String) {
        let renderer = NoticeRenderer(root: environment.root)
        let layouts = environment.root.layoutIDs
        var notice = try NoticeRenderer.decode(body, source: "请求体（request body）")
        var errors = Self.placeSeals(&notice, in: folder)
        if let layout = notice.layout, !layouts.contains(layout) {
            errors.append(.init(field: "layout", label: "版式", rule: "unknown-layout",
                                message: "没有这个版式，可用：\(layouts.sorted().joined(separator: "、"))"))
            notice.layout = nil
        }
        let validated: ValidatedNotice
        do {
            validated = try renderer.validate(notice, baseFolder: folder)
        } catch let failure as ValidationFailure {
            throw ServiceError.invalidData(detail: ValidationFailure.summary(count: failure.issues.count + errors.count),
                                           errors: failure.issues.map { ProblemDetails.FieldError($0) } + errors)
        }
        if !errors.isEmpty {
            throw ServiceError.invalidData(detail: ValidationFailure.summary(count: errors.count), errors: errors)
        }
        return (renderer, validated, notice.title.joined())
    }

    static let sealPrefix = "data:image/png;base64,"

    /// Writes each seal given as a PNG data URL into `folder` and points the organ at it; a
    /// seal given any other way (a path on the server) is a problem of that field.
    static func placeSeals(_ notice: inout NoticeDocument, in folder: URL) -> [ProblemDetails.FieldError] {
        var errors: [ProblemDetails.FieldError] = []
        for i in notice.signature.organs.indices {
            guard let seal = notice.signature.organs[i].seal else { continue }
            let name = "seal-\(i).png"
            if seal.lowercased().hasPrefix(sealPrefix),
               let png = Data(base64Encoded: String(seal.dropFirst(sealPrefix.count)), options: .ignoreUnknownCharacters),
               (try? png.write(to: folder.appendingPathComponent(name))) != nil {
                notice.signature.organs[i].seal = name
            } else {
                notice.signature.organs[i].seal = nil
                errors.append(.init(field: "signature.organs[\(i)].seal", label: "印章", rule: "image-file",
                                    message: "通过接口提交时，印章应为 data:image/png;base64,… 形式的 PNG 图片（the service reads no file paths）"))
            }
        }
        return errors
    }
}
