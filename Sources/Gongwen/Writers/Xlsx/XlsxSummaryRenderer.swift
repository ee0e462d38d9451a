import CXlsxWriter

/// Writes a `SummaryTable` on one worksheet, one method per part in the order they appear:
/// columns, title, coverage line, headings, rows, total; then print setup. Unlike a form the
/// sheet is left unprotected: the coordinator sorts, filters and annotates it.
struct XlsxSummaryRenderer {
    let table: SummaryTable
    let worksheet: XlsxWorksheet
    let fonts: FontScheme

    /// Body text is a point smaller than a form's: a summary is wide.
    private var bodyFont: FontSpec { FontSpec(eastAsia: fonts.value.eastAsia, size: 11) }
    private var headingFont: FontSpec { FontSpec(eastAsia: fonts.heading.eastAsia, size: 11) }
    private var headingTop: Int { 2 }
    private var headingRows: Int { table.isGrouped ? 2 : 1 }
    private var firstDataRow: Int { headingTop + headingRows }
    private var lastColumn: Int { table.columns.count - 1 }

    /// Column widths in character units, wide enough for the values up to a cap (longer
    /// text wraps); a heading may wrap onto a few lines rather than widen a numeric column.
    let widths: [Double]

    init(table: SummaryTable, worksheet: XlsxWorksheet, fonts: FontScheme) {
        self.table = table
        self.worksheet = worksheet
        self.fonts = fonts
        widths = table.columns.indices.map { c in
            let column = table.columns[c]
            let values = (table.rows + [table.totalRow ?? []]).compactMap { $0.indices.contains(c) ? $0[c] : nil }
            let widest = values.map { TextMetrics.widestLine(of: $0.text, size: 11) }.max() ?? 0
            let heading = min(TextMetrics.widestLine(of: column.heading, size: 11), column.isNumeric ? 10 : 14)
            return min(max(widest, heading, 5) + 2, column.isNumeric ? 18 : 42)
        }
    }

    func render() throws(XlsxError) {
        try worksheet.setColumnWidths(widths)
        try writeTitle()
        try writeSubtitle()
        try writeHeadings()
        try writeRows()
        try writeTotal()
        try writePageSetup()
    }

    private func writeTitle() throws(XlsxError) {
        let font = FontSpec(eastAsia: fonts.title.eastAsia, size: 16)
        try worksheet.writeLine(table.title, row: 0, lastColumn: lastColumn, height: 36,
                                style: XlsxCellStyle(font: font, wrap: false, bordered: false), "sizing the title row")
    }

    private func writeSubtitle() throws(XlsxError) {
        try worksheet.writeLine(table.subtitle, row: 1, lastColumn: lastColumn, height: 22,
                                style: XlsxCellStyle(font: bodyFont, horizontal: .left, wrap: false, bordered: false),
                                "sizing the coverage row")
    }

    /// One heading row, or two: a group's label merged over its columns, and a column that
    /// has no group merged down both rows.
    private func writeHeadings() throws(XlsxError) {
        let style = XlsxCellStyle(font: headingFont)
        for r in 0..<headingRows {
            let texts = table.columns.map { r == 0 && table.isGrouped ? ($0.group ?? $0.heading) : $0.heading }
            try worksheet.setHeight(height(of: texts, font: headingFont, minimum: 30), ofRow: headingTop + r, "sizing the heading row")
        }
        var c = 0
        while c < table.columns.count {
            let column = table.columns[c]
            guard table.isGrouped else {
                try worksheet.merge(column.heading, row: headingTop, column: c, lastRow: headingTop, lastColumn: c, style: style)
                c += 1
                continue
            }
            guard let group = column.group else {
                try worksheet.merge(column.heading, row: headingTop, column: c, lastRow: headingTop + 1, lastColumn: c, style: style)
                c += 1
                continue
            }
            var end = c
            while end + 1 < table.columns.count, table.columns[end + 1].group == group { end += 1 }
            try worksheet.merge(group, row: headingTop, column: c, lastRow: headingTop, lastColumn: end, style: style)
            for cc in c...end {
                try worksheet.merge(table.columns[cc].heading, row: headingTop + 1, column: cc, lastRow: headingTop + 1,
                                    lastColumn: cc, style: style)
            }
            c = end + 1
        }
    }

    private func writeRows() throws(XlsxError) {
        for (i, row) in table.rows.enumerated() {
            try writeRow(row, at: firstDataRow + i, bold: false)
        }
    }

    private func writeTotal() throws(XlsxError) {
        guard let total = table.totalRow else { return }
        try writeRow(total, at: firstDataRow + table.rows.count, bold: true)
    }

    /// Numbers right-aligned, text left, the index and text in a numeric column centred.
    private func writeRow(_ row: [SummaryTable.Cell], at r: Int, bold: Bool) throws(XlsxError) {
        var font = bodyFont
        if bold { font.bold = true }
        try worksheet.setHeight(height(of: row.map(\.text), font: font, minimum: 20), ofRow: r, "sizing row \(r + 1)")
        for (c, cell) in row.enumerated() {
            let column = table.columns[c]
            var style = XlsxCellStyle(font: font, horizontal: column.isNumeric ? .right : .left)
            if c == 0 { style.horizontal = .center }
            if case .text = cell, column.isNumeric { style.horizontal = .center }
            try worksheet.write(cell.value, row: r, column: c, style: style, what: column.heading)
        }
    }

    /// Landscape A4, one page wide, headings repeated on every page and kept in view on
    /// screen, a filter on the heading row, page numbers in the footer.
    private func writePageSetup() throws(XlsxError) {
        let lastHeading = firstDataRow - 1
        try XlsxPrintSetup(orientation: .landscape, margins: (0.4, 0.4, 0.6, 0.6), repeatedRows: headingTop...lastHeading)
            .apply(to: worksheet.handle)
        worksheet_freeze_panes(worksheet.handle, UInt32(firstDataRow), 2)
        if !table.rows.isEmpty {
            try XlsxError.check(worksheet_autofilter(worksheet.handle, UInt32(lastHeading), 0,
                                                     UInt32(firstDataRow + table.rows.count - 1), UInt16(lastColumn)),
                                "setting the filter")
        }
    }

    /// The row height that shows every line of the tallest cell, within Excel's 409 points.
    private func height(of texts: [String], font: FontSpec, minimum: Double) -> Double {
        let needed = texts.enumerated().map { c, text in
            TextMetrics.height(of: text, columnWidth: widths[c], size: font.size, stacked: false)
        }
        return min(409, max(minimum, needed.max() ?? 0))
    }
}
