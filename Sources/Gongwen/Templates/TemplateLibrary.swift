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
            let url = folder.appendingPathComponent(name)
            let template: FormTemplate
            do {
                template = try JSONDecoder().decode(FormTemplate.self, from: Data(contentsOf: url))
            } catch {
                throw .invalid(file: name, detail: String(describing: error))
            }
            let expectedID = String(name.dropLast(".json".count))
            guard template.id == expectedID else {
                throw .invalid(file: name, detail: "id \"\(template.id)\" should equal the file name \"\(expectedID)\"")
            }
            do {
                _ = try TemplateCheck.grid(of: template)
            } catch {
                throw .invalid(file: name, detail: error.detail)
            }
            templates.append(template)
        }
        return TemplateLibrary(templates: templates)
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
