import Foundation
import Gongwen
import Hummingbird

/// `POST /api/render/{id}?format=xlsx|docx`: the form's data as JSON in, the filled file out.
struct FormRoutes {
    let environment: ServiceEnvironment

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        let environment = self.environment
        routes.post("/api/render/{id}") { request, context in
            let template = try environment.template(QueryParameters.path(context, "id"))
            let format = try Self.outputFormat(request)
            let body = try await RequestBodyReader.json(request, limit: environment.settings.maxJSONBytes,
                                                           within: environment.settings.timeout)
            let library = environment.library
            let (data, name) = try await environment.perform { folder in
                let json = try JSONValue.parse(body, source: "请求体（request body）")
                let validated = try library.validator(for: template).validate(json)
                let file = folder.appendingPathComponent("form." + format.fileExtension)
                try FormRenderer(library: library).write(template, values: validated.values, format: format, to: file)
                return (try Data(contentsOf: file), FormRenderer.displayName(for: template, values: validated.values))
            }
            return FileDownload(content: .data(data), mediaType: format.mediaType,
                                disposition: ContentDisposition(title: name, fallback: template.id,
                                                                fileExtension: format.fileExtension))
        }
    }

    /// `?format=xlsx|docx`, xlsx when absent.
    static func outputFormat(_ request: Request) throws -> OutputFormat {
        let value = try QueryParameters.choice(request, name: "format", label: "文件格式",
                                               allowed: OutputFormat.allCases.map(\.rawValue), fallback: "xlsx")
        return OutputFormat(rawValue: value) ?? .xlsx
    }
}
