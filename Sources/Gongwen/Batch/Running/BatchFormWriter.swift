import Foundation

/// Writes the good forms of a plan on the second reading of the list, on any thread: checks
/// each form again, works its name out again from the values and the number the plan kept,
/// and writes it in every format, handing its DOCX on for the PDF.
struct BatchFormWriter: Sendable {
    let template: FormTemplate
    let validator: FormValidator
    let renderer: FormRenderer
    let pattern: FileNamePattern
    let formats: [OutputFormat]
    let folder: URL
    /// Thrown when the list no longer reads as it was planned.
    let changed: BatchListError
    /// Where each form's DOCX goes for its PDF; nil for a batch without PDF.
    var conversions: BatchConversions?

    /// What is kept of a written form until its chunk's manifest lines are added.
    struct Written: Sendable {
        var stem: String
        var warnings: [String]
    }

    /// Writes `form`, planned as `planned`. Throws `changed` when the form is no longer good
    /// or its name came out differently, so a changed list never overwrites another form's file.
    func write(_ form: BatchForm, as planned: PlannedForm) throws -> Written {
        guard case .valid(let values, let warnings) = BatchRunner.check(form, with: validator) else { throw changed }
        let stem = pattern.stem(row: form.records.lowerBound, templateID: template.id, values: values)
        let name = NameRegistry.name(stem, number: planned.number)
        guard planned.isNamed(name) else { throw changed }
        for format in formats {
            let url = folder.appendingPathComponent(name + "." + format.fileExtension)
            try renderer.write(template, values: values, format: format, to: url)
        }
        if let conversions {
            if let staged = conversions.stagedDocx(name) {
                try renderer.write(template, values: values, format: .docx, to: staged)
            }
            try conversions.submit(name)
        }
        return Written(stem: name, warnings: BatchRunner.warningTexts(warnings))
    }
}
