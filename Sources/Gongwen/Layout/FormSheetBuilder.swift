/// Turns a template and its values into the `FormSheet` that every writer renders.
public enum FormSheetBuilder {
    /// The sheet of `template` filled with `values` (`.blank` for a blank form).
    public static func build(_ template: FormTemplate, values: FormValues = .blank) -> FormSheet {
        var sheet = FormSheet(
            templateID: template.id, title: template.title, headerLine: nil,
            columnWidths: [], rowHeights: [], cells: [], headingRowCount: 0,
            notes: template.notes, page: template.page, fonts: template.fonts,
            sheetPassword: template.sheetPassword)
        if let header = template.header {
            let value = header.field.flatMap { values[$0]?.displayText } ?? ""
            sheet.headerLine = header.text + value
        }
        switch template.layout {
        case .grid(let grid):
            fillGrid(&sheet, template: template, grid: grid, values: values)
        case .list(let list):
            fillList(&sheet, template: template, list: list, values: values)
        }
        return sheet
    }

    private static func fillGrid(_ sheet: inout FormSheet, template: FormTemplate, grid: GridLayout, values: FormValues) {
        sheet.columnWidths = grid.columns
        sheet.rowHeights = grid.rows.map(\.height)
        // Templates were checked when the library loaded them, so placement cannot fail here.
        let placed = (try? GridPlacement.place(grid)) ?? []
        for p in placed {
            let content: CellContent
            var horizontal = p.cell.align ?? .center
            if let key = p.cell.field, let field = template.field(key) {
                content = .input(InputCell(field: field, value: values[key], listRow: nil))
                if p.cell.align == nil, field.type == .multiline { horizontal = .left }
            } else {
                content = .label(p.cell.text ?? "")
            }
            sheet.cells.append(SheetCell(
                row: p.row, column: p.column, rowSpan: p.rowSpan, colSpan: p.colSpan, content: content,
                horizontal: horizontal, vertical: p.cell.valign ?? .center, stacked: p.cell.vertical ?? false))
        }
    }

    private static func fillList(_ sheet: inout FormSheet, template: FormTemplate, list: ListLayout, values: FormValues) {
        let fields = list.columns.compactMap { template.field($0.field) }
        sheet.columnWidths = list.columns.map(\.width)
        sheet.headingRowCount = 1
        sheet.rowHeights = [list.headingHeight]
        for (c, field) in fields.enumerated() {
            sheet.cells.append(SheetCell(row: 0, column: c, rowSpan: 1, colSpan: 1, content: .heading(field.label),
                                         horizontal: .center, vertical: .center, stacked: false))
        }
        let rowCount = values.rows.isEmpty ? list.blankRows : values.rows.count
        for r in 0..<rowCount {
            let row = r < values.rows.count ? values.rows[r] : [:]
            sheet.rowHeights.append(list.rowHeight)
            for (c, field) in fields.enumerated() {
                sheet.cells.append(SheetCell(
                    row: r + 1, column: c, rowSpan: 1, colSpan: 1,
                    content: .input(InputCell(field: field, value: row[field.rowKey], listRow: r)),
                    horizontal: .center, vertical: .center, stacked: false))
            }
        }
    }
}
