import Foundation
import Gongwen

/// A template sent with a request (a form the office imported, edited on the page) in place
/// of a template id: checked as every template file is, and joined to the library for that
/// request only, so the service stays stateless. A template that is not one is a 422
/// naming the part `template` and the rule it breaks.
enum InlineTemplate {
    static let field = "template"
    static let label = "模板"

    static let name = "请求中的模板（the request's template）"

    /// The template `data` holds, checked, and the library that knows it.
    static func resolve(_ data: Data, in library: TemplateLibrary) throws -> (FormTemplate, TemplateLibrary) {
        try resolve(library) { () throws(TemplateError) in try TemplateLibrary.template(from: data, name: name) }
    }

    private static func resolve(_ library: TemplateLibrary, _ decode: () throws(TemplateError) -> FormTemplate) throws -> (FormTemplate, TemplateLibrary) {
        do {
            let template = try decode()
            return (template, library.including(template))
        } catch {
            let detail: String
            if case .invalid(_, let reason) = error { detail = reason } else { detail = error.description }
            throw ServiceError.invalidData(detail: "模板无效（invalid template）：\(detail)", errors: [
                .init(field: field, label: label, rule: "template", message: detail),
            ])
        }
    }

    /// The template member of a JSON request body (`{"template": {…}, "data": {…}}`).
    static func resolve(_ value: JSONValue?, in library: TemplateLibrary) throws -> (FormTemplate, TemplateLibrary) {
        guard let value, case .object = value else { throw missing("请求体的 template 应为模板对象（template must be an object）") }
        return try resolve(library) { () throws(TemplateError) in try TemplateLibrary.template(from: value, name: name) }
    }

    /// The `template` part of a multipart upload.
    static func resolve(_ upload: MultipartUpload, in library: TemplateLibrary) throws -> (FormTemplate, TemplateLibrary) {
        guard let part = upload.part(field) else { throw missing("缺少 template 部分（the template part is missing）") }
        return try resolve(part.body, in: library)
    }

    static func missing(_ message: String) -> ServiceError {
        .invalidData(detail: message, errors: [.init(field: field, label: label, rule: "required", message: message)])
    }
}
