import Foundation

extension TemplateInference {
    /// The table as a grid: its cells row by row, labels as text and inputs bound to the
    /// field of the label beside (or else above) them.
    /// Also returns what it has to say of single cells (no label, a validation it cannot keep).
    func grid(_ table: SourceTable, inference: FieldInference,
                      add: (FieldInference.Found) throws(ImportError) -> String) throws -> (GridLayout, [ImportWarning]) {
        var warnings: [ImportWarning] = []
        let heights = table.rowHeights.compactMap { $0 }.sorted()
        let usual = heights.isEmpty ? 28 : heights[heights.count / 2]
        var rows: [GridRow] = []
        for r in 0..<table.rowCount {
            var cells: [GridCell] = []
            for cell in table.cells.filter({ $0.row == r }).sorted(by: { $0.column < $1.column }) {
                var g = GridCell()
                if cell.colSpan > 1 { g.colSpan = cell.colSpan }
                if cell.rowSpan > 1 { g.rowSpan = cell.rowSpan }
                switch role(cell) {
                case .label:
                    // Stacked one character a line: the template says `vertical` and keeps the text whole.
                    let unstacked = LabelText.unstacked(cell.text)
                    g.text = unstacked ?? cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if cell.stacked || unstacked != nil { g.vertical = true }
                    if let h = cell.horizontal, h != .center { g.align = h }
                case .input:
                    let label = labelCell(for: cell, in: table)
                    // A group's label (活动经费（单位：万元） over its items) says a unit for the
                    // row: a label to the left that another label, not an input, follows.
                    let context = table.cells.filter { other in
                        other.row <= r && r <= other.lastRow && other.lastColumn < cell.column && role(other) == .label
                            && table.cell(covering: r, other.lastColumn + 1).map { role($0) == .label } == true
                    }.map(\.text)
                    let tall = table.height(of: cell, fallback: usual) >= max(3 * usual, 80)
                    let found = try inference.field(for: cell, labelText: label?.text, context: context, tall: tall, column: false,
                                                    positionalKey: "r\(r + 1)c\(cell.column + 1)")
                    let key = try add(found)
                    if label == nil { warnings.append(.unlabelledInput(place: cell.place, key: key)) }
                    if let v = cell.validation, !FieldRules.validation(v).expressible {
                        warnings.append(.validationDropped(place: cell.place, type: v.type))
                    }
                    g.field = key
                    let expected: HorizontalAlignment = found.field.type == .multiline ? .left : .center
                    if let h = cell.horizontal, h != expected { g.align = h }
                }
                if let v = cell.vertical, v != .center { g.valign = v }
                cells.append(g)
            }
            rows.append(GridRow(height: table.rowHeights[r], cells: cells))
        }
        return (GridLayout(columns: table.columnWidths, rows: rows), warnings)
    }

    /// The label of an input: the label cell that ends just left of it on its first row,
    /// else the one that ends just above it over its first column.
    func labelCell(for cell: SourceCell, in table: SourceTable) -> SourceCell? {
        if cell.column > 0, let left = table.cell(covering: cell.row, cell.column - 1), role(left) == .label { return left }
        if cell.row > 0, let above = table.cell(covering: cell.row - 1, cell.column), role(above) == .label,
           above.column == cell.column { return above }
        return nil
    }
}
