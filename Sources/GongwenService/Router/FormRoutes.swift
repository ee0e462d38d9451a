import Foundation
import Gongwen
import Hummingbird

/// `POST /api/render/{id}?format=xlsx|docx|pdf`: the form's data as JSON in, the filled file
/// out; PDF is the service's PDF engine's print of the form's DOCX. `POST /api/render` takes
/// the template itself beside the data (`{"template": {…}, "data": {…}}`), for a form the
/// service does not carry.
struct FormRoutes {
    let environment: ServiceEnvironment

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        let environment = self.environment
        routes.post("/api/render/{id}") { request, context in
            let template = try environment.template(QueryParameters.path(context, "id"))
            let choice = try Self.formatChoice(request)
            try Self.checkEngine(for: choice, environment)
            let body = try await RequestBodyReader.json(request, limit: environment.settings.maxJSONBytes,
                                                           within: environment.settings.timeout)
            return try await Self.render(template, library: environment.library, choice: choice, environment) {
                try JSONValue.parse(body, source: "请求体（request body）")
            }
        }
        // The same with the template in the body: `{"template": {…}, "data": {…}}`.
        routes.post("/api/render") { request, _ in
            let choice = try Self.formatChoice(request)
            try Self.checkEngine(for: choice, environment)
            let body = try await RequestBodyReader.json(request, limit: environment.settings.maxJSONBytes,
                                                           within: environment.settings.timeout)
            let members: [String: JSONValue]
            guard case .object(let object) = try JSONValue.parse(body, source: "请求体（request body）") else {
                throw InlineTemplate.missing("请求体应为 {\"template\": {…}, \"data\": {…}}（the body must be an object）")
            }
            members = object
            let (template, library) = try InlineTemplate.resolve(members["template"], in: environment.library)
            return try await Self.render(template, library: library, choice: choice, environment) {
                members["data"] ?? .object([:])
            }
        }
    }

    /// A PDF asked of a service without LibreOffice is a 503 before any work.
    static func checkEngine(for choice: String, _ environment: ServiceEnvironment) throws {
        if choice == pdf && !environment.pdf.isAvailable() { throw PDFConverter.Failure.unavailable }
    }

    /// Validates the data `json` gives and answers the filled form as `choice`: on the render
    /// pool, or on the PDF pool for a PDF.
    static func render(_ template: FormTemplate, library: TemplateLibrary, choice: String, _ environment: ServiceEnvironment,
                       json: @escaping @Sendable () throws -> JSONValue) async throws -> FileDownload {
        let format = OutputFormat(rawValue: choice)
        let engine = environment.pdf
        let (data, name) = try await environment.perform(format == nil ? .pdf : .quick) { folder in
            let validated = try library.validator(for: template).validate(try json())
            let file = folder.appendingPathComponent("form." + choice)
            let renderer = FormRenderer(library: library)
            if let format {
                try renderer.write(template, values: validated.values, format: format, to: file)
            } else {
                try renderer.writePDF(template, values: validated.values, to: file, convert: engine.convert)
            }
            return (try Data(contentsOf: file), FormRenderer.displayName(for: template, values: validated.values))
        }
        return FileDownload(content: .data(data), mediaType: format?.mediaType ?? pdfMediaType,
                            disposition: ContentDisposition(title: name, fallback: template.id, fileExtension: choice))
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
