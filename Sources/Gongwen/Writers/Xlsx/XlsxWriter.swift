import CXlsxWriter
import Foundation

/// Renders a `FormSheet` as an XLSX workbook through libxlsxwriter: the title and header line
/// above the table, real merged ranges, A4 print setup, print titles for list forms, and a
/// protected sheet whose input cells are unlocked and carry Excel data validation.
public struct XlsxWriter: Sendable {
    public init() {}

    /// Writes the workbook to `path`. libxlsxwriter writes only to a path, so callers pass a
    /// temporary path and rename it (see `AtomicFile`).
    public func write(_ sheet: FormSheet, to path: URL) throws(XlsxError) {
        let workbook = try XlsxWorkbook(path: path.path)
        try workbook.setProperties(title: sheet.title, subject: sheet.templateID)
        let worksheet = try workbook.addWorksheet(named: Self.sheetName(for: sheet.title))
        var page = XlsxSheetRenderer(sheet: sheet, workbook: workbook, worksheet: worksheet)
        try page.render()
        try workbook.close()
    }

    /// A sheet name Excel accepts: at most 31 characters, none of []:*?/\ and no spaces, taken
    /// from the title so that the tab says which form this is.
    static func sheetName(for title: String) -> String {
        let name = String(title.filter { !bannedInSheetNames.contains($0) }.prefix(31))
        return name.isEmpty ? "Sheet1" : name
    }

    private static let bannedInSheetNames: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\", "'", " "]
}

/// The rendering of one sheet, one method per part of the page, in the order they appear.
struct XlsxSheetRenderer {
    let sheet: FormSheet
    let workbook: XlsxWorkbook
    let worksheet: UnsafeMutablePointer<lxw_worksheet>
    /// The worksheet row of the table's first row.
    let tableTop: Int
    var lastRow = 0

    /// The worksheet row of the header line, under the title in row 0.
    static let headerLineRow = 1

    /// The worksheet row of the table's first row: below the title and the header line, if
    /// the form has one. `FormReader` reads the cells back from the same rows.
    static func tableTop(of sheet: FormSheet) -> Int {
        sheet.headerLine == nil ? headerLineRow : headerLineRow + 1
    }

    init(sheet: FormSheet, workbook: XlsxWorkbook, worksheet: UnsafeMutablePointer<lxw_worksheet>) {
        self.sheet = sheet
        self.workbook = workbook
        self.worksheet = worksheet
        tableTop = Self.tableTop(of: sheet)
    }

    mutating func render() throws(XlsxError) {
        try writeColumns()
        try writeTitle()
        try writeHeaderLine()
        try writeTableRows()
        try writeCells()
        try writeNotes()
        try writePageSetup()
        try writeProtection()
    }

    private var lastColumn: UInt16 { UInt16(sheet.columnCount - 1) }

    private func writeColumns() throws(XlsxError) {
        for (c, width) in sheet.columnWidths.enumerated() {
            try XlsxError.check(worksheet_set_column(worksheet, UInt16(c), UInt16(c), width, nil), "setting column \(c + 1)")
        }
    }

    private func writeTitle() throws(XlsxError) {
        let style = XlsxCellStyle(font: sheet.fonts.title, bordered: false)
        try XlsxError.check(worksheet_set_row(worksheet, 0, sheet.fonts.title.size * 2.4, nil), "sizing the title row")
        try merge(row: 0, column: 0, lastRow: 0, lastColumn: Int(lastColumn), text: sheet.title, style: style)
    }

    private func writeHeaderLine() throws(XlsxError) {
        guard let header = sheet.headerLine else { return }
        // Unlocked: the person filling the form types the reporting unit after the colon.
        let style = XlsxCellStyle(font: sheet.fonts.header, horizontal: .left, bordered: false, locked: false)
        let row = Self.headerLineRow
        try XlsxError.check(worksheet_set_row(worksheet, UInt32(row), sheet.fonts.header.size * 2.2, nil), "sizing the header row")
        try merge(row: row, column: 0, lastRow: row, lastColumn: Int(lastColumn), text: header, style: style)
    }

    /// Row heights: the template's, grown where a value needs more lines than it allows.
    private func writeTableRows() throws(XlsxError) {
        var heights = sheet.rowHeights
        for cell in sheet.cells where cell.rowSpan == 1 {
            let width = sheet.columnWidths[cell.column...cell.lastColumn].reduce(0, +)
            let font = font(of: cell.content)
            let needed = TextMetrics.height(of: cell.content.text, columnWidth: width, size: font.size, stacked: cell.stacked)
            if let current = heights[cell.row] {
                heights[cell.row] = max(current, needed)
            } else if needed > font.size * 2.4 {
                heights[cell.row] = needed
            }
        }
        for (r, height) in heights.enumerated() {
            let h = height ?? sheet.fonts.value.size * 2.4
            try XlsxError.check(worksheet_set_row(worksheet, UInt32(tableTop + r), h, nil), "sizing table row \(r + 1)")
        }
    }

    private func font(of content: CellContent) -> FontSpec {
        switch content {
        case .label: sheet.fonts.label
        case .heading: sheet.fonts.heading
        case .input: sheet.fonts.value
        }
    }

    private func writeCells() throws(XlsxError) {
        for cell in sheet.cells {
            var style = XlsxCellStyle(font: font(of: cell.content), horizontal: cell.horizontal,
                                      vertical: cell.vertical, stacked: cell.stacked)
            let top = tableTop + cell.row
            let bottom = tableTop + cell.lastRow
            switch cell.content {
            case .label(let text), .heading(let text):
                try merge(row: top, column: cell.column, lastRow: bottom, lastColumn: cell.lastColumn, text: text, style: style)
            case .input(let input):
                style.locked = false
                style.grey = input.showsHint
                style.numberFormat = Self.numberFormat(for: input.field.type)
                try writeInput(input, row: top, column: cell.column, lastRow: bottom, lastColumn: cell.lastColumn, style: style)
            }
        }
        try writeValidations()
    }

    static func numberFormat(for type: FieldType) -> String? {
        switch type {
        case .postcode, .phone: "@"
        case .count: "0"
        default: nil
        }
    }

    private func writeInput(_ input: InputCell, row: Int, column: Int, lastRow: Int, lastColumn: Int,
                            style: XlsxCellStyle) throws(XlsxError) {
        let format = try workbook.format(style)
        let r = UInt32(row), c = UInt16(column)
        // Made only when an error needs it (XlsxError.check takes it as an autoclosure).
        func place() -> String { "writing \(input.field.key) at \(XlsxReference.cell(row: row, column: column))" }
        if row != lastRow || column != lastColumn {
            try XlsxError.check(worksheet_merge_range(worksheet, r, c, UInt32(lastRow), UInt16(lastColumn), "", format), place())
        }
        switch input.value {
        case .number(let number)?:
            try XlsxError.check(worksheet_write_number(worksheet, r, c, XlsxNumber.double(number), format), place())
        case .text(let text)?:
            try XlsxError.check(worksheet_write_string(worksheet, r, c, text, format), place())
        case nil:
            if let hint = input.field.hint {
                try XlsxError.check(worksheet_write_string(worksheet, r, c, hint, format), place())
            } else {
                try XlsxError.check(worksheet_write_blank(worksheet, r, c, format), place())
            }
        }
    }

    private func merge(row: Int, column: Int, lastRow: Int, lastColumn: Int, text: String,
                       style: XlsxCellStyle) throws(XlsxError) {
        let format = try workbook.format(style)
        func place() -> String { "writing \"\(text.prefix(20))\" at \(XlsxReference.cell(row: row, column: column))" }
        if row == lastRow && column == lastColumn {
            try XlsxError.check(worksheet_write_string(worksheet, UInt32(row), UInt16(column), text, format), place())
        } else {
            try XlsxError.check(worksheet_merge_range(worksheet, UInt32(row), UInt16(column), UInt32(lastRow),
                                                      UInt16(lastColumn), text, format), place())
        }
    }

    /// One data validation per input range; a list form's column shares one across its rows.
    private func writeValidations() throws(XlsxError) {
        var columnsDone = Set<Int>()
        for cell in sheet.cells {
            guard case .input(let input) = cell.content else { continue }
            var firstRow = tableTop + cell.row
            var lastRow = tableTop + cell.lastRow
            if input.listRow != nil {
                guard columnsDone.insert(cell.column).inserted else { continue }
                firstRow = tableTop + sheet.headingRowCount
                lastRow = tableTop + sheet.rowCount - 1
            }
            let rule = XlsxValidationRule(field: input.field,
                                          anchor: XlsxReference.cell(row: firstRow, column: cell.column))
            try rule.apply(to: worksheet, firstRow: firstRow, firstColumn: cell.column,
                           lastRow: lastRow, lastColumn: cell.lastColumn)
        }
    }

    private mutating func writeNotes() throws(XlsxError) {
        lastRow = tableTop + sheet.rowCount - 1
        guard !sheet.notes.isEmpty else { return }
        let style = XlsxCellStyle(font: sheet.fonts.note, horizontal: .left, bordered: false)
        let width = sheet.columnWidths.reduce(0, +)
        lastRow += 1  // one empty row between the table and its notes
        for note in sheet.notes {
            lastRow += 1
            let height = max(sheet.fonts.note.size * 1.8, TextMetrics.height(of: note, columnWidth: width, size: sheet.fonts.note.size, stacked: false))
            try XlsxError.check(worksheet_set_row(worksheet, UInt32(lastRow), height, nil), "sizing a note row")
            try merge(row: lastRow, column: 0, lastRow: lastRow, lastColumn: Int(lastColumn), text: note, style: style)
        }
    }

    /// A4, the template's orientation and margins, centred, one page wide, the heading row of
    /// a list repeated on every page, and a page number in the footer.
    private func writePageSetup() throws(XlsxError) {
        worksheet_set_paper(worksheet, 9)
        if sheet.page.orientation == .landscape { worksheet_set_landscape(worksheet) } else { worksheet_set_portrait(worksheet) }
        let m = sheet.page.margins
        let inch = 25.4
        worksheet_set_margins(worksheet, m.left / inch, m.right / inch, m.top / inch, m.bottom / inch)
        worksheet_center_horizontally(worksheet)
        worksheet_fit_to_pages(worksheet, 1, 0)
        try XlsxError.check(worksheet_print_area(worksheet, 0, 0, UInt32(lastRow), lastColumn), "setting the print area")
        if sheet.headingRowCount > 0 {
            try XlsxError.check(worksheet_repeat_rows(worksheet, UInt32(tableTop), UInt32(tableTop + sheet.headingRowCount - 1)),
                                "setting print titles")
        }
        try XlsxError.check(worksheet_set_footer(worksheet, "&C第 &P 页，共 &N 页"), "setting the footer")
    }

    /// Labels stay locked and the sheet is protected (with the template's password, if any),
    /// so that only the input cells take typing. Resizing stays allowed, and a list form lets
    /// the person add and remove rows.
    private func writeProtection() throws(XlsxError) {
        var options = lxw_protection()
        options.format_columns = 1
        options.format_rows = 1
        if sheet.headingRowCount > 0 {
            options.insert_rows = 1
            options.delete_rows = 1
        }
        if let password = sheet.sheetPassword {
            worksheet_protect(worksheet, password, &options)
        } else {
            worksheet_protect(worksheet, nil, &options)
        }
    }
}
