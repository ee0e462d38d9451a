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

    /// How large a form may be: beyond these a template (one sent with a request, say) is
    /// not a form, and Excel's own limits (a column 255 characters wide, a row 409 points high,
    /// a cell 32,767 characters) would have the file repaired on opening.
    static let maxColumns = 100, maxRows = 1_000, maxFields = 2_000
    static let maxColumnWidth = 255.0, maxRowHeight = 409.0, maxCellCharacters = 32_767

    /// Checks the template and returns its placed grid (empty for a list form).
    static func grid(of template: FormTemplate) throws(Failure) -> [GridPlacement.Placed] {
        try bounds(of: template)
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

    /// The sizes, before anything is laid out: a grid is placed on a rows × columns array.
    private static func bounds(of template: FormTemplate) throws(Failure) {
        guard template.fields.count <= maxFields else { throw Failure(detail: "more than \(maxFields) fields") }
        for field in template.fields {
            if let limit = field.maxLength, !(1...maxCellCharacters).contains(limit) {
                throw Failure(detail: "field \(field.key): maxLength must be 1 to \(maxCellCharacters)")
            }
        }
        func width(_ value: Double, _ what: String) throws(Failure) {
            guard value > 0, value <= maxColumnWidth else { throw Failure(detail: "\(what) must be above 0 and at most \(Int(maxColumnWidth))") }
        }
        func height(_ value: Double?, _ what: String) throws(Failure) {
            guard let value else { return }
            guard value > 0, value <= maxRowHeight else { throw Failure(detail: "\(what) must be above 0 and at most \(Int(maxRowHeight)) points") }
        }
        switch template.layout {
        case .grid(let grid):
            guard grid.columns.count <= maxColumns else { throw Failure(detail: "more than \(maxColumns) columns") }
            guard grid.rows.count <= maxRows else { throw Failure(detail: "more than \(maxRows) rows") }
            for (i, column) in grid.columns.enumerated() { try width(column, "column \(i + 1)'s width") }
            for (r, row) in grid.rows.enumerated() {
                try height(row.height, "row \(r + 1)'s height")
                guard row.cells.count <= maxColumns else { throw Failure(detail: "row \(r + 1) has more than \(maxColumns) cells") }
                for cell in row.cells where (cell.colSpan ?? 1) < 1 || (cell.rowSpan ?? 1) < 1 {
                    throw Failure(detail: "a cell of row \(r + 1) spans fewer than one column or row")
                }
            }
        case .list(let list):
            guard list.columns.count <= maxColumns else { throw Failure(detail: "more than \(maxColumns) columns") }
            for column in list.columns { try width(column.width, "the width of column \(column.field)") }
            guard list.blankRows <= maxRows else { throw Failure(detail: "blankRows must be at most \(maxRows)") }
            try height(list.headingHeight, "headingHeight")
            try height(list.rowHeight, "rowHeight")
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
