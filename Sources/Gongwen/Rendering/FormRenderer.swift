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
        let stem = template.subjectText(in: values).map { "\(template.id)-\(SafeFileName.stem($0))" } ?? "\(template.id)-blank"
        return stem + "." + format.fileExtension
    }

    /// The name a person sees for a rendered form, without extension: the template's title
    /// and what the filled form is about (`…备案表-郑州市科技馆`), or the title and `（空表）`
    /// for a blank one, so that a blank and a filled download never carry the same name.
    public static func displayName(for template: FormTemplate, values: FormValues) -> String {
        template.subjectText(in: values).map { "\(template.title)-\(SafeFileName.stem($0))" } ?? "\(template.title)（空表）"
    }

}
