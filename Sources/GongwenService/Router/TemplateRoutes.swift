import Foundation
import Gongwen
import Hummingbird

/// `GET /api/templates`, `GET /api/templates/{id}` and `GET /api/templates/{id}/blank`.
struct TemplateRoutes {
    let environment: ServiceEnvironment

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        let environment = self.environment
        routes.get("/api/templates") { request, _ in
            // The router ignores a trailing slash; `/api/templates/` is a template with an empty id.
            guard request.uri.path == "/api/templates" else { throw TemplateError.unknownTemplate(id: "", known: environment.library.templates.map(\.id)) }
            return SystemRoutes.json(environment.root.templateList)
        }
        routes.get("/api/templates/{id}") { _, context in
            let template = try environment.template(QueryParameters.path(context, "id"))
            return SystemRoutes.json(try JSONOutput.encode(TemplateSummary(template)))
        }
        routes.get("/api/templates/{id}/blank") { request, context in
            let template = try environment.template(QueryParameters.path(context, "id"))
            let format = try FormRoutes.outputFormat(request)
            let renderer = FormRenderer(library: environment.library)
            let data = try await environment.perform { folder in
                let file = folder.appendingPathComponent("blank." + format.fileExtension)
                try renderer.write(template, values: .blank, format: format, to: file)
                return try Data(contentsOf: file)
            }
            return FileDownload(content: .data(data), mediaType: format.mediaType,
                                disposition: ContentDisposition(title: FormRenderer.displayName(for: template, values: .blank),
                                                                fallback: template.id + "-blank", fileExtension: format.fileExtension))
        }
    }
}
