/// Places the cells of a grid template the way an HTML table does: left to right, skipping
/// places that a cell above still covers with its row span. Also the check that a template's
/// rows add up, run when templates load, so a bad template fails at once and not mid-batch.
struct GridPlacement {
    struct Placed {
        var row: Int
        var column: Int
        var cell: GridCell
        var rowSpan: Int { max(1, cell.rowSpan ?? 1) }
        var colSpan: Int { max(1, cell.colSpan ?? 1) }
    }

    static func place(_ grid: GridLayout) throws(TemplateCheck.Failure) -> [Placed] {
        let width = grid.columns.count
        guard width > 0 else { throw .init(detail: "a grid needs at least one column") }
        // One flag per place, row by row: the grid is laid out for every form written.
        var covered = Array(repeating: false, count: width * grid.rows.count)
        var placed: [Placed] = []
        for (r, row) in grid.rows.enumerated() {
            var c = 0
            for cell in row.cells {
                while c < width, covered[r * width + c] { c += 1 }
                let p = Placed(row: r, column: c, cell: cell)
                guard c + p.colSpan <= width else {
                    throw .init(detail: "row \(r + 1) is wider than its \(width) columns")
                }
                guard r + p.rowSpan <= grid.rows.count else {
                    throw .init(detail: "a cell of row \(r + 1) spans below the last row")
                }
                guard (cell.text == nil) != (cell.field == nil) else {
                    throw .init(detail: "each cell of row \(r + 1) needs exactly one of \"text\" and \"field\"")
                }
                for rr in r..<(r + p.rowSpan) {
                    for cc in c..<(c + p.colSpan) { covered[rr * width + cc] = true }
                }
                placed.append(p)
                c += p.colSpan
            }
            for cc in 0..<width where !covered[r * width + cc] {
                throw .init(detail: "row \(r + 1) leaves column \(cc + 1) empty")
            }
        }
        return placed
    }
}

/// The consistency checks of a template that JSON decoding alone cannot make.
enum TemplateCheck {
    struct Failure: Error { var detail: String }

    /// Checks the template and returns its placed grid (empty for a list form).
    static func grid(of template: FormTemplate) throws(Failure) -> [GridPlacement.Placed] {
        var seen = Set<String>()
        for field in template.fields {
            guard seen.insert(field.key).inserted else { throw Failure(detail: "field \(field.key) is declared twice") }
        }
        if let key = template.header?.field, template.field(key) == nil {
            throw Failure(detail: "the header names field \(key), which is not declared")
        }
        try kindFields(of: template)
        switch template.layout {
        case .grid(let grid):
            let placed = try GridPlacement.place(grid)
            for p in placed {
                if let key = p.cell.field, template.field(key) == nil {
                    throw Failure(detail: "a cell of row \(p.row + 1) names field \(key), which is not declared")
                }
            }
            return placed
        case .list(let list):
            guard !list.columns.isEmpty else { throw Failure(detail: "a list needs at least one column") }
            for column in list.columns {
                guard let field = template.field(column.field), field.isRowField else {
                    throw Failure(detail: "list column \(column.field) must be a declared rows[]. field")
                }
            }
            guard list.blankRows >= 1 else { throw Failure(detail: "blankRows must be at least 1") }
            return []
        }
    }

    /// The fields a template names for what its kind does: the subject a single field, the
    /// totals numbers, the batch's name pattern made of declared single fields.
    private static func kindFields(of template: FormTemplate) throws(Failure) {
        if let key = template.subject {
            guard let field = template.field(key), !field.isRowField else {
                throw Failure(detail: "subject \(key) must be a declared field outside rows[]")
            }
        }
        for key in template.totals {
            guard let field = template.field(key), field.type.isNumeric else {
                throw Failure(detail: "totals names \(key), which is not a declared count or amount field")
            }
        }
        let singleKeys = Set(template.fields.filter { !$0.isRowField }.map(\.key))
        do {
            _ = try FileNamePattern(template.batchName, keys: singleKeys)
        } catch {
            throw Failure(detail: "batchName: \(error.description)")
        }
    }
}
