import Foundation

/// Renders one form, blank or filled, into one file, atomically: the destination gains the
/// whole file or nothing.
public struct FormRenderer: Sendable {
    public let library: TemplateLibrary

    public init(library: TemplateLibrary) {
        self.library = library
    }

    /// Validates `data` against the template; nil data means a blank form.
    public func validate(templateID: String, data: JSONValue?) throws -> (FormTemplate, ValidatedForm) {
        let template = try library.template(id: templateID)
        guard let data else { return (template, ValidatedForm(values: .blank, warnings: [])) }
        return (template, try library.validator(for: template).validate(data))
    }

    /// Writes `values` of `template` as `format` to `destination`.
    public func write(_ template: FormTemplate, values: FormValues, format: OutputFormat, to destination: URL) throws {
        let sheet = FormSheetBuilder.build(template, values: values)
        try AtomicFile.write(to: destination) { temporary in
            switch format {
            case .xlsx: try XlsxWriter().write(sheet, to: temporary)
            case .docx: try DocxWriter().write(sheet, to: temporary)
            }
        }
    }

    /// The file name of a rendered form: the template id, and for a filled form the project
    /// or reporting unit it is about, made safe for every file system.
    public static func fileName(for template: FormTemplate, values: FormValues, format: OutputFormat) -> String {
        let subject = ["projectName", "reporter", "organizer"].lazy.compactMap { values[$0]?.displayText }.first
        let stem = subject.map { "\(template.id)-\(SafeFileName.stem($0))" } ?? "\(template.id)-blank"
        return stem + "." + format.fileExtension
    }
}
