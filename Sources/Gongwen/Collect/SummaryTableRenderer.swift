import CXlsxWriter
import Foundation

/// Writes a `SummaryTable` on one worksheet, one method per part in the order they appear:
/// columns, title, coverage line, headings, rows, total; then print setup. Unlike a form the
/// sheet is left unprotected: the coordinator sorts, filters and annotates it.
struct SummaryTableRenderer {
    let table: SummaryTable
    let workbook: XlsxWorkbook
    let worksheet: UnsafeMutablePointer<lxw_worksheet>
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

    init(table: SummaryTable, workbook: XlsxWorkbook, worksheet: UnsafeMutablePointer<lxw_worksheet>, fonts: FontScheme) {
        self.table = table
        self.workbook = workbook
        self.worksheet = worksheet
        self.fonts = fonts
        widths = table.columns.indices.map { c in
            let column = table.columns[c]
            let values = (table.rows + [table.totalRow ?? []]).compactMap { $0.indices.contains(c) ? $0[c] : nil }
            let widest = values.map { TextMetrics.widestLine(of: Self.text(of: $0), size: 11) }.max() ?? 0
            let heading = min(TextMetrics.widestLine(of: column.heading, size: 11), column.isNumeric ? 10 : 14)
            return min(max(widest, heading, 5) + 2, column.isNumeric ? 18 : 42)
        }
    }

    func render() throws(XlsxError) {
        try writeColumns()
        try writeTitle()
        try writeSubtitle()
        try writeHeadings()
        try writeRows()
        try writeTotal()
        try writePageSetup()
    }

    private func writeColumns() throws(XlsxError) {
        for (c, width) in widths.enumerated() {
            try XlsxError.check(worksheet_set_column(worksheet, UInt16(c), UInt16(c), width, nil), "setting column \(c + 1)")
        }
    }

    private func writeTitle() throws(XlsxError) {
        let font = FontSpec(eastAsia: fonts.title.eastAsia, size: 16)
        try XlsxError.check(worksheet_set_row(worksheet, 0, 36, nil), "sizing the title row")
        try merge(row: 0, lastRow: 0, column: 0, lastColumn: lastColumn, text: table.title,
                  style: XlsxCellStyle(font: font, wrap: false, bordered: false))
    }

    private func writeSubtitle() throws(XlsxError) {
        try XlsxError.check(worksheet_set_row(worksheet, 1, 22, nil), "sizing the coverage row")
        try merge(row: 1, lastRow: 1, column: 0, lastColumn: lastColumn, text: table.subtitle,
                  style: XlsxCellStyle(font: bodyFont, horizontal: .left, wrap: false, bordered: false))
    }

    /// One heading row, or two: a group's label merged over its columns, and a column that
    /// has no group merged down both rows.
    private func writeHeadings() throws(XlsxError) {
        let style = XlsxCellStyle(font: headingFont)
        for r in 0..<headingRows {
            let texts = table.columns.map { r == 0 && table.isGrouped ? ($0.group ?? $0.heading) : $0.heading }
            try XlsxError.check(worksheet_set_row(worksheet, UInt32(headingTop + r), height(of: texts, font: headingFont, minimum: 30), nil),
                                "sizing the heading row")
        }
        var c = 0
        while c < table.columns.count {
            let column = table.columns[c]
            guard table.isGrouped else {
                try merge(row: headingTop, lastRow: headingTop, column: c, lastColumn: c, text: column.heading, style: style)
                c += 1
                continue
            }
            guard let group = column.group else {
                try merge(row: headingTop, lastRow: headingTop + 1, column: c, lastColumn: c, text: column.heading, style: style)
                c += 1
                continue
            }
            var end = c
            while end + 1 < table.columns.count, table.columns[end + 1].group == group { end += 1 }
            try merge(row: headingTop, lastRow: headingTop, column: c, lastColumn: end, text: group, style: style)
            for cc in c...end {
                try merge(row: headingTop + 1, lastRow: headingTop + 1, column: cc, lastColumn: cc,
                          text: table.columns[cc].heading, style: style)
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

    private func writeRow(_ row: [SummaryTable.Cell], at r: Int, bold: Bool) throws(XlsxError) {
        var font = bodyFont
        if bold { font.bold = true }
        try XlsxError.check(worksheet_set_row(worksheet, UInt32(r), height(of: row.map(Self.text), font: font, minimum: 20), nil),
                            "sizing row \(r + 1)")
        for (c, cell) in row.enumerated() {
            let column = table.columns[c]
            let place = "writing \(XlsxReference.cell(row: r, column: c)) of \(table.sheetName)"
            var style = XlsxCellStyle(font: font, horizontal: column.isNumeric ? .right : .left)
            if c == 0 { style.horizontal = .center }
            switch cell {
            case .number(let number):
                try XlsxError.check(worksheet_write_number(worksheet, UInt32(r), UInt16(c), XlsxNumber.double(number),
                                                           workbook.format(style)), place)
            case .text(let text):
                if column.isNumeric { style.horizontal = .center }
                try XlsxError.check(worksheet_write_string(worksheet, UInt32(r), UInt16(c), text, workbook.format(style)), place)
            case .empty:
                try XlsxError.check(worksheet_write_blank(worksheet, UInt32(r), UInt16(c), workbook.format(style)), place)
            }
        }
    }

    /// Landscape A4, one page wide, headings repeated on every page and kept in view on
    /// screen, a filter on the heading row, page numbers in the footer.
    private func writePageSetup() throws(XlsxError) {
        let lastHeading = UInt32(firstDataRow - 1)
        worksheet_set_paper(worksheet, 9)
        worksheet_set_landscape(worksheet)
        worksheet_set_margins(worksheet, 0.4, 0.4, 0.6, 0.6)
        worksheet_center_horizontally(worksheet)
        worksheet_fit_to_pages(worksheet, 1, 0)
        worksheet_freeze_panes(worksheet, UInt32(firstDataRow), 2)
        try XlsxError.check(worksheet_repeat_rows(worksheet, UInt32(headingTop), lastHeading), "setting print titles")
        if !table.rows.isEmpty {
            try XlsxError.check(worksheet_autofilter(worksheet, lastHeading, 0, UInt32(firstDataRow + table.rows.count - 1),
                                                     UInt16(lastColumn)), "setting the filter")
        }
        try XlsxError.check(worksheet_set_footer(worksheet, "&C第 &P 页，共 &N 页"), "setting the footer")
    }

    private func merge(row: Int, lastRow: Int, column: Int, lastColumn: Int, text: String,
                       style: XlsxCellStyle) throws(XlsxError) {
        let format = try workbook.format(style)
        let place = "writing \"\(text.prefix(20))\" at \(XlsxReference.cell(row: row, column: column)) of \(table.sheetName)"
        if row == lastRow && column == lastColumn {
            try XlsxError.check(worksheet_write_string(worksheet, UInt32(row), UInt16(column), text, format), place)
        } else {
            try XlsxError.check(worksheet_merge_range(worksheet, UInt32(row), UInt16(column), UInt32(lastRow),
                                                      UInt16(lastColumn), text, format), place)
        }
    }

    /// The row height that shows every line of the tallest cell, within Excel's 409 points.
    private func height(of texts: [String], font: FontSpec, minimum: Double) -> Double {
        let needed = texts.enumerated().map { c, text in
            TextMetrics.height(of: text, columnWidth: widths[c], size: font.size, stacked: false)
        }
        return min(409, max(minimum, needed.max() ?? 0))
    }

    static func text(of cell: SummaryTable.Cell) -> String {
        switch cell {
        case .text(let text): text
        case .number(let number): number.description
        case .empty: ""
        }
    }
}
