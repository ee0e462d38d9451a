/// What the importer found out about one input: the label beside it, the rules the label
/// and the file state, and the field made of them. Precedence, highest first: an explicit
/// `{{key:type}}` mark; an XLSX data validation (its number, postcode or e-mail rule); the
/// field a known label stands for in the existing templates; a rule of the label's words;
/// a tall merged cell (multiline); plain text.
struct FieldInference {
    let known: KnownFields
    let file: String

    struct Found {
        var field: FieldDefinition
        /// Why the type is what it is, for the warning.
        var because: String
        /// The template the field's key came from, when a known label gave it.
        var knownFrom: FormTemplate?
        /// Whether an author's `{{key}}` mark gave the key: one used twice is an error, not
        /// a key to number.
        var marked = false
    }

    /// The field of `cell`, labelled by `labelText` (nil: no label beside or above it),
    /// with `context`, the other labels of its row (a group's unit, 单位：万元), and whether
    /// the cell is tall. `column` looks the label up among list columns.
    func field(for cell: SourceCell, labelText: String?, context: [String], tall: Bool, column: Bool,
               positionalKey: String) throws(ImportError) -> Found {
        let parsed = labelText.map(LabelText.fieldLabel) ?? (label: "", maxLength: nil, required: false)
        let mark = LabelText.mark(cell.text)
        var markedType: FieldType?
        if let mark {
            guard LabelText.isKey(mark.key) else {
                throw .badMark(file: file, place: cell.place, mark: cell.text, detail: "键应由字母、数字、下划线和点组成，以字母开头")
            }
            if let name = mark.type {
                guard let type = FieldType(rawValue: name) else {
                    throw .badMark(file: file, place: cell.place, mark: cell.text,
                                   detail: "类型应为 " + FieldType.allCases.map(\.rawValue).joined(separator: "、") + " 之一")
                }
                markedType = type
            }
        }
        let label = parsed.label.isEmpty ? (mark?.key ?? cell.place) : parsed.label
        let entry = parsed.label.isEmpty ? nil : (column ? known.column(parsed.label) : known.single(parsed.label))
        let validation = cell.validation.map(FieldRules.validation)
        let hint = mark == nil && LabelText.isHint(cell.text) ? cell.text.trimmingCharacters(in: .whitespacesAndNewlines) : nil

        var key: String
        if let mark {
            key = mark.key
        } else if let entry {
            key = entry.field.key
        } else if parsed.label.isEmpty {
            key = positionalKey
        } else {
            key = FieldKeys.key(for: parsed.label)
        }
        if column && !key.hasPrefix(FieldDefinition.rowPrefix) { key = FieldDefinition.rowPrefix + key }
        if !column && key.hasPrefix(FieldDefinition.rowPrefix) {
            throw .badMark(file: file, place: cell.place, mark: cell.text, detail: "rows[]. 只用于清单表的列")
        }

        var type = FieldType.text
        var because = "默认为文本（default）"
        let labelRule = FieldRules.type(of: parsed.label) ?? context.lazy.compactMap(FieldRules.type).first
        if let markedType {
            type = markedType; because = "标记 {{\(key):\(markedType.rawValue)}}"
        } else if let t = validation?.type {
            type = t; because = "单元格的数据验证（data validation）"
        } else if let entry {
            type = entry.field.type; because = "已知标签，同模板 \(entry.template.id)（known label）"
        } else if let (t, word) = labelRule {
            type = t; because = "标签含“\(word)”"
        } else if parsed.maxLength != nil {
            type = .multiline; because = "标签限定字数"
        } else if tall {
            type = .multiline; because = "高的合并单元格（tall cell）"
        }
        if type == .text, parsed.maxLength != nil || tall { type = .multiline }

        var maxLength: Int?
        if !type.isNumeric {
            maxLength = parsed.maxLength ?? validation?.maxLength ?? entry?.field.maxLength
        }
        let required = parsed.required || (validation?.required ?? false) || (entry?.field.required ?? false)
        let field = FieldDefinition(key: key, label: label, type: type, required: required, maxLength: maxLength, hint: hint)
        return Found(field: field, because: because, knownFrom: entry?.template, marked: mark != nil)
    }
}
