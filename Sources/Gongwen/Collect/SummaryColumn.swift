/// One column of a summary table: a field of the template under its Chinese label, with the
/// label of its group where the form groups its rows (活动经费投入数量 over 中央财政经费投入情况…).
struct SummaryColumn: Sendable {
    var field: FieldDefinition
    /// The label of a cell that spans several rows to the left of the field in the form's
    /// grid; nil for a field that stands alone.
    var group: String?
}

extension SummaryColumn {
    /// The template's fields in the order the form prints them: the header's field (the
    /// reporting unit) first, then the grid's inputs row by row, or the list's columns.
    static func columns(of template: FormTemplate) -> [SummaryColumn] {
        var columns: [SummaryColumn] = []
        var seen = Set<String>()
        func add(_ field: FieldDefinition, group: String?) {
            if seen.insert(field.key).inserted { columns.append(SummaryColumn(field: field, group: group)) }
        }
        if let key = template.header?.field, let field = template.field(key) { add(field, group: nil) }
        let sheet = FormSheetBuilder.build(template)
        let groups = sheet.cells.compactMap { cell -> SheetCell? in
            if case .label = cell.content, cell.rowSpan > 1 { return cell }
            return nil
        }
        for cell in sheet.cells {
            guard case .input(let input) = cell.content else { continue }
            let group = groups.first { g in
                g.column < cell.column && (g.row...g.lastRow).contains(cell.row)
            }
            add(input.field, group: group.map { Self.oneLine($0.content.text) })
        }
        return columns
    }

    /// A label on one line: stacked or broken labels carry line breaks a heading does not need.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined()
    }
}
