import CXlsxWriter

/// The rendering of a form on one sheet, one method per part of the page, in the order they
/// appear.
struct XlsxSheetRenderer {
    let sheet: FormSheet
    let worksheet: XlsxWorksheet
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

    init(sheet: FormSheet, worksheet: XlsxWorksheet) {
        self.sheet = sheet
        self.worksheet = worksheet
        tableTop = Self.tableTop(of: sheet)
    }

    mutating func render() throws(XlsxError) {
        try worksheet.setColumnWidths(sheet.columnWidths)
        try writeTitle()
        try writeHeaderLine()
        try writeTableRows()
        try writeCells()
        try writeNotes()
        try writePageSetup()
        try writeProtection()
    }

    private var lastColumn: Int { sheet.columnCount - 1 }

    private func writeTitle() throws(XlsxError) {
        let style = XlsxCellStyle(font: sheet.fonts.title, bordered: false)
        try worksheet.writeLine(sheet.title, row: 0, lastColumn: lastColumn, height: sheet.fonts.title.size * 2.4, style: style,
                                "sizing the title row")
    }

    private func writeHeaderLine() throws(XlsxError) {
        guard let header = sheet.headerLine else { return }
        // Unlocked: the person filling the form types the reporting unit after the colon.
        let style = XlsxCellStyle(font: sheet.fonts.header, horizontal: .left, bordered: false, locked: false)
        try worksheet.writeLine(header, row: Self.headerLineRow, lastColumn: lastColumn, height: sheet.fonts.header.size * 2.2,
                                style: style, "sizing the header row")
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
            try worksheet.setHeight(h, ofRow: tableTop + r, "sizing table row \(r + 1)")
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
                try worksheet.merge(text, row: top, column: cell.column, lastRow: bottom, lastColumn: cell.lastColumn, style: style)
            case .input(let input):
                style.locked = false
                style.grey = input.showsHint
                style.numberFormat = Self.numberFormat(for: input.field.type)
                // An empty input shows its hint, if it has one.
                try worksheet.write(input.value ?? input.field.hint.map(FieldValue.text), row: top, column: cell.column,
                                    lastRow: bottom, lastColumn: cell.lastColumn, style: style, what: input.field.key)
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
            try rule.apply(to: worksheet.handle, firstRow: firstRow, firstColumn: cell.column,
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
            try worksheet.writeLine(note, row: lastRow, lastColumn: lastColumn, height: height, style: style, "sizing a note row")
        }
    }

    /// The template's orientation and margins, the heading rows of a list repeated on every
    /// page, and the table and its notes as the print area.
    private func writePageSetup() throws(XlsxError) {
        let m = sheet.page.margins
        let inch = 25.4
        let headings = sheet.headingRowCount > 0 ? tableTop...(tableTop + sheet.headingRowCount - 1) : nil
        try XlsxPrintSetup(orientation: sheet.page.orientation,
                           margins: (m.left / inch, m.right / inch, m.top / inch, m.bottom / inch),
                           repeatedRows: headings, printArea: (lastRow, lastColumn)).apply(to: worksheet.handle)
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
            worksheet_protect(worksheet.handle, password, &options)
        } else {
            worksheet_protect(worksheet.handle, nil, &options)
        }
    }
}
