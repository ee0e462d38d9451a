import Foundation
import Gongwen
import Hummingbird

/// `POST /api/render/{id}?format=xlsx|docx|pdf`: the form's data as JSON in, the filled file
/// out; PDF is the service's PDF engine's print of the form's DOCX.
struct FormRoutes {
    let environment: ServiceEnvironment

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        let environment = self.environment
        routes.post("/api/render/{id}") { request, context in
            let template = try environment.template(QueryParameters.path(context, "id"))
            let choice = try Self.formatChoice(request)
            let engine = environment.pdf
            if choice == Self.pdf && !engine.isAvailable() { throw PDFConverter.Failure.unavailable }
            let body = try await RequestBodyReader.json(request, limit: environment.settings.maxJSONBytes,
                                                           within: environment.settings.timeout)
            let library = environment.library
            let format = OutputFormat(rawValue: choice)
            let (data, name) = try await environment.perform(format == nil ? .pdf : .quick) { folder in
                let json = try JSONValue.parse(body, source: "请求体（request body）")
                let validated = try library.validator(for: template).validate(json)
                let file = folder.appendingPathComponent("form." + choice)
                let renderer = FormRenderer(library: library)
                if let format {
                    try renderer.write(template, values: validated.values, format: format, to: file)
                } else {
                    try renderer.writePDF(template, values: validated.values, to: file, convert: engine.convert)
                }
                return (try Data(contentsOf: file), FormRenderer.displayName(for: template, values: validated.values))
            }
            return FileDownload(content: .data(data), mediaType: format?.mediaType ?? Self.pdfMediaType,
                                disposition: ContentDisposition(title: name, fallback: template.id, fileExtension: choice))
        }
    }

    static let pdf = "pdf"
    static let pdfMediaType = "application/pdf"

    /// `?format=xlsx|docx|pdf`, xlsx when absent.
    static func formatChoice(_ request: Request) throws -> String {
        try QueryParameters.choice(request, name: "format", label: "文件格式",
                                   allowed: OutputFormat.allCases.map(\.rawValue) + [pdf], fallback: "xlsx")
    }

    /// `?format=xlsx|docx` for the routes of form files only, xlsx when absent.
    static func outputFormat(_ request: Request) throws -> OutputFormat {
        let value = try QueryParameters.choice(request, name: "format", label: "文件格式",
                                               allowed: OutputFormat.allCases.map(\.rawValue), fallback: "xlsx")
        return OutputFormat(rawValue: value) ?? .xlsx
    }
}
