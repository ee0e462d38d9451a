/// Checks one input against one template and turns it into `FormValues`. It collects every
/// problem before it throws, so a person corrects all of them in one go.
public struct FormValidator: Sendable {
    public let template: FormTemplate
    /// Every field of every variant of this form, by key: a key here but not in the template
    /// is a warning (this variant does not print it), a key in neither is an error.
    public let formFields: [String: FieldDefinition]

    public init(template: FormTemplate, formFields: [String: FieldDefinition]) {
        self.template = template
        self.formFields = formFields
    }

    /// The validated values and the warnings, or a `ValidationFailure` with every error.
    public func validate(_ data: JSONValue) throws(ValidationFailure) -> ValidatedForm {
        guard case .object(let object) = data else {
            throw ValidationFailure(issues: [FieldIssue(key: "$", label: "", rule: .wrongKind(expected: "对象", found: data.kindName))])
        }
        var issues: [FieldIssue] = []
        var warnings: [FieldIssue] = []
        var values = FormValues()

        var leaves: [String: JSONValue] = [:]
        var duplicates: Set<String> = []
        var rowsValue: JSONValue?
        flatten(object, prefix: "", into: &leaves, duplicates: &duplicates, rows: &rowsValue)

        for key in duplicates.sorted() {
            issues.append(FieldIssue(key: key, label: formFields[key]?.label ?? "", rule: .duplicateKey))
        }
        for (key, raw) in leaves.sorted(by: { $0.key < $1.key }) where !duplicates.contains(key) {
            values.values[key] = check(raw, key: key, place: key, issues: &issues, warnings: &warnings)
        }
        if let issue = headerLineIssue(values) { issues.append(issue) }
        for field in template.fields where field.required && !field.isRowField && values.values[field.key] == nil {
            if !issues.contains(where: { $0.key == field.key }) {
                issues.append(FieldIssue(key: field.key, label: field.label, rule: .required))
            }
        }
        if let rowsValue {
            values.rows = validateRows(rowsValue, issues: &issues, warnings: &warnings)
        }
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        return ValidatedForm(values: values, warnings: warnings)
    }

    /// One value: an error for a key no variant knows, a warning for one this variant does
    /// not print, else the field's rules. `place` is the key as reported (with the row).
    private func check(_ raw: JSONValue, key: String, place: String,
                       issues: inout [FieldIssue], warnings: inout [FieldIssue]) -> FieldValue? {
        guard let known = formFields[key] else {
            issues.append(FieldIssue(key: place, label: "", rule: .unknownKey))
            return nil
        }
        guard let field = template.field(key) else {
            warnings.append(FieldIssue(key: place, label: known.label, rule: .notPrinted))
            return nil
        }
        switch field.check(raw) {
        case .success(let value): return value
        case .failure(let rule):
            issues.append(FieldIssue(key: place, label: field.label, rule: rule))
            return nil
        }
    }

    /// The header line's cell holds the template's text and the value of its field after it
    /// (填报单位（盖章）：郑州市科技局): the value has the room the text leaves in the cell.
    private func headerLineIssue(_ values: FormValues) -> FieldIssue? {
        guard let header = template.header, let key = header.field, let value = values[key],
              let rule = CellLimit.check(header.text + value.displayText) else { return nil }
        return FieldIssue(key: key, label: template.field(key)?.label ?? "", rule: rule)
    }

    /// Nested objects become dotted keys; `rows` is kept apart when the form is a list. A key
    /// reached twice (nested and dotted) goes into `duplicates`: keeping either value would
    /// depend on the order a dictionary happens to give.
    private func flatten(_ object: [String: JSONValue], prefix: String, into leaves: inout [String: JSONValue],
                         duplicates: inout Set<String>, rows: inout JSONValue?) {
        for (name, value) in object {
            let key = prefix + name
            if key == "rows", formFields.keys.contains(where: { $0.hasPrefix(FieldDefinition.rowPrefix) }) {
                rows = value
            } else if case .object(let inner) = value, !formFields.keys.contains(key) {
                flatten(inner, prefix: key + ".", into: &leaves, duplicates: &duplicates, rows: &rows)
            } else if leaves.updateValue(value, forKey: key) != nil {
                duplicates.insert(key)
            }
        }
    }

    private func validateRows(_ raw: JSONValue, issues: inout [FieldIssue], warnings: inout [FieldIssue]) -> [[String: FieldValue]] {
        guard case .array(let items) = raw else {
            issues.append(FieldIssue(key: "rows", label: "", rule: .wrongKind(expected: "数组", found: raw.kindName)))
            return []
        }
        var rows: [[String: FieldValue]] = []
        for (index, item) in items.enumerated() {
            let at = "rows[\(index)]"
            guard case .object(let object) = item else {
                issues.append(FieldIssue(key: at, label: "第 \(index + 1) 行", rule: .wrongKind(expected: "对象", found: item.kindName)))
                continue
            }
            var row: [String: FieldValue] = [:]
            for (name, value) in object.sorted(by: { $0.key < $1.key }) {
                row[name] = check(value, key: FieldDefinition.rowPrefix + name, place: "\(at).\(name)",
                                  issues: &issues, warnings: &warnings)
            }
            // An empty row is nothing to check; a started one needs its required columns.
            if !row.isEmpty {
                for field in template.fields where field.isRowField && field.required && row[field.rowKey] == nil {
                    let place = "\(at).\(field.rowKey)"
                    if !issues.contains(where: { $0.key == place }) {
                        issues.append(FieldIssue(key: place, label: field.label, rule: .required))
                    }
                }
            }
            rows.append(row)
        }
        return rows
    }
}

/// A validated input: the values to render, and the warnings to show beside the result.
public struct ValidatedForm: Sendable {
    public var values: FormValues
    public var warnings: [FieldIssue]
}
