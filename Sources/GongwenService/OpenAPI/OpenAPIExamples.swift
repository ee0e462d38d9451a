import Gongwen

/// Example bodies the document shows (and schemathesis's example phase sends), made from a
/// template's own fields so that every template, of whatever kind, has one that validates.
enum OpenAPIExamples {
    /// Data for `template`: each field it prints with a value of its type (a text field gets
    /// its own label), and for a list form one row.
    static func data(for template: FormTemplate) -> JSONValue {
        var object: [String: JSONValue] = [:]
        var row: [String: JSONValue] = [:]
        for field in template.fields where template.printedKeys.contains(field.key) {
            let value = value(for: field)
            if field.isRowField { row[field.rowKey] = value } else { object[field.key] = value }
        }
        if !row.isEmpty { object["rows"] = .array([.object(row)]) }
        return .object(object)
    }

    private static func value(for field: FieldDefinition) -> JSONValue {
        switch field.type {
        case .text, .multiline: .string(String(field.label.unicodeScalars.prefix(field.effectiveMaxLength)))
        case .count: .number(1)
        case .amount: .number(1.5)
        case .email: .string("office@example.cn")
        case .postcode: .string("450000")
        case .phone: .string("0371-12345678")
        }
    }
}
