import Foundation

/// The form templates of one folder, loaded and checked once. Knows, for each form kind,
/// every field that any of its variants has, which is what tells a typo from a field that
/// one variant simply does not print.
public struct TemplateLibrary: Sendable {
    public let templates: [FormTemplate]
    private let fieldsByForm: [FormKind: [String: FieldDefinition]]

    public init(templates: [FormTemplate]) {
        self.templates = templates.sorted { $0.id < $1.id }
        var fields: [FormKind: [String: FieldDefinition]] = [:]
        for template in self.templates {
            for field in template.fields where fields[template.form]?[field.key] == nil {
                fields[template.form, default: [:]][field.key] = field
            }
        }
        fieldsByForm = fields
    }

    /// Loads every `*.json` file of `folder` as a template and checks each one.
    public static func load(from folder: URL) throws(TemplateError) -> TemplateLibrary {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .folderMissing(path: folder.path)
        }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw .folderMissing(path: folder.path)
        }
        var templates: [FormTemplate] = []
        for name in names {
            let data: Data
            do {
                data = try Data(contentsOf: folder.appendingPathComponent(name))
            } catch {
                throw .invalid(file: name, detail: error.localizedDescription)
            }
            let template = try Self.template(from: data, name: name)
            let expectedID = String(name.dropLast(".json".count))
            guard template.id == expectedID else {
                throw .invalid(file: name, detail: "id \"\(template.id)\" should equal the file name \"\(expectedID)\"")
            }
            templates.append(template)
        }
        return TemplateLibrary(templates: templates)
    }

    /// Decodes one template and checks it as every template is checked (its layout adds up,
    /// its fields are declared, its sizes are a form's); `name` says where it came from.
    public static func template(from data: Data, name: String) throws(TemplateError) -> FormTemplate {
        try checked(name) { try JSONDecoder().decode(FormTemplate.self, from: data) }
    }

    /// The same for a template inside a JSON document already parsed (a request's body),
    /// written out again for the decoder: a number no Decimal holds is refused there.
    public static func template(from value: JSONValue, name: String) throws(TemplateError) -> FormTemplate {
        try checked(name) { try JSONDecoder().decode(FormTemplate.self, from: JSONEncoder().encode(value)) }
    }

    private static func checked(_ name: String, _ decode: () throws -> FormTemplate) throws(TemplateError) -> FormTemplate {
        let template: FormTemplate
        do {
            template = try decode()
        } catch {
            throw .invalid(file: name, detail: String(describing: error))
        }
        do {
            _ = try TemplateCheck.grid(of: template)
        } catch {
            throw .invalid(file: name, detail: error.detail)
        }
        return template
    }

    /// This library with `template` in it, in place of one of the same id: a template sent
    /// with a request joins its form kind's variants for that request only.
    public func including(_ template: FormTemplate) -> TemplateLibrary {
        TemplateLibrary(templates: templates.filter { $0.id != template.id } + [template])
    }

    public func template(id: String) throws(TemplateError) -> FormTemplate {
        guard let template = templates.first(where: { $0.id == id }) else {
            throw .unknownTemplate(id: id, known: templates.map(\.id))
        }
        return template
    }

    /// Every field that some variant of `form` has, by key.
    public func formFields(of form: FormKind) -> [String: FieldDefinition] {
        fieldsByForm[form] ?? [:]
    }

    /// A validator for `template` that knows its sibling variants.
    public func validator(for template: FormTemplate) -> FormValidator {
        FormValidator(template: template, formFields: formFields(of: template.form))
    }
}
