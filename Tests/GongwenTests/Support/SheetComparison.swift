@testable import Gongwen

/// Two layout models compared cell by cell: place, spans, what each cell holds (a label's
/// text; an input's key, type, limit, requirement and hint), stacking and alignment, and the
/// sheet's title, header line, notes and page. Each difference is one line naming the cell.
enum SheetComparison {
    static func differences(_ original: FormSheet, _ imported: FormSheet) -> [String] {
        var out: [String] = []
        func same<T: Equatable>(_ what: String, _ a: T, _ b: T) { if a != b { out.append("\(what): \(a) ≠ \(b)") } }
        same("title", original.title, imported.title)
        same("header line", original.headerLine, imported.headerLine)
        same("notes", original.notes, imported.notes)
        same("page", original.page, imported.page)
        same("row count", original.rowCount, imported.rowCount)
        same("column count", original.columnCount, imported.columnCount)
        same("heading rows", original.headingRowCount, imported.headingRowCount)
        let a = original.cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        let b = imported.cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        same("cell count", a.count, b.count)
        for (x, y) in zip(a, b) {
            let at = "cell (\(x.row + 1),\(x.column + 1))"
            same("\(at) place", [x.row, x.column], [y.row, y.column])
            same("\(at) spans", [x.rowSpan, x.colSpan], [y.rowSpan, y.colSpan])
            same("\(at) content", describe(x.content), describe(y.content))
            same("\(at) stacked", x.stacked, y.stacked)
            same("\(at) horizontal", x.horizontal, y.horizontal)
            same("\(at) vertical", x.vertical, y.vertical)
        }
        return out
    }

    static func describe(_ content: CellContent) -> String {
        switch content {
        case .label(let text): "label \(text)"
        case .heading(let text): "heading \(text)"
        case .input(let input):
            "input \(input.field.key) \(input.field.label) \(input.field.type.rawValue) max \(input.field.effectiveMaxLength)"
                + " required \(input.field.required) hint \(input.field.hint ?? "-")"
        }
    }
}
