import CXlsxWriter

/// One worksheet of an `XlsxWorkbook`, and the one place that sizes its columns and rows,
/// merges ranges and writes values, for forms and summaries alike. Text goes in as
/// `Xstring` escapes it, so that a typed `_x0041_` reads back as typed. A failure says what
/// was being written, at which cell of which sheet: `writing "项目名称" at A3 of 汇总`.
struct XlsxWorksheet {
    let workbook: XlsxWorkbook
    /// Owned by the workbook.
    let handle: UnsafeMutablePointer<lxw_worksheet>
    let name: String

    /// Column widths in character units, from column A on.
    func setColumnWidths(_ widths: [Double]) throws(XlsxError) {
        for (c, width) in widths.enumerated() {
            try XlsxError.check(worksheet_set_column(handle, UInt16(c), UInt16(c), width, nil), "setting column \(c + 1)")
        }
    }

    /// A row's height in points; `context` names the row for a failure.
    func setHeight(_ height: Double, ofRow row: Int, _ context: @autoclosure () -> String) throws(XlsxError) {
        try XlsxError.check(worksheet_set_row(handle, UInt32(row), height, nil), context())
    }

    /// Text across the sheet from column A to `lastColumn`, in a row of its own `height`
    /// points tall: a title, a header line, a note.
    func writeLine(_ text: String, row: Int, lastColumn: Int, height: Double, style: XlsxCellStyle,
                   _ context: @autoclosure () -> String) throws(XlsxError) {
        try setHeight(height, ofRow: row, context())
        try merge(text, row: row, column: 0, lastRow: row, lastColumn: lastColumn, style: style)
    }

    /// Fixed text over a range, merged when it spans more than one cell: a title, a label, a
    /// heading. Written as a value is: `worksheet_merge_range` drops the failure of the text
    /// it writes, which would leave the range empty without a word.
    func merge(_ text: String, row: Int, column: Int, lastRow: Int, lastColumn: Int,
               style: XlsxCellStyle) throws(XlsxError) {
        try write(.text(text), row: row, column: column, lastRow: lastRow, lastColumn: lastColumn, style: style,
                  what: "\"\(text.prefix(20))\"")
    }

    /// A value in its cell: a number as a number, text as a string, nothing as a blank that
    /// keeps the format. Over a range (an input box) the range is merged empty first and the
    /// value goes in its top-left cell. `what` names the value for a failure; it is made only
    /// when one needs it (XlsxError.check takes `place()` as an autoclosure).
    func write(_ value: FieldValue?, row: Int, column: Int, lastRow: Int? = nil, lastColumn: Int? = nil,
               style: XlsxCellStyle, what: @autoclosure () -> String) throws(XlsxError) {
        let format = try workbook.format(style)
        let r = UInt32(row), c = UInt16(column)
        func place() -> String { self.place(what(), row: row, column: column) }
        if let lastRow, let lastColumn, lastRow != row || lastColumn != column {
            try XlsxError.check(worksheet_merge_range(handle, r, c, UInt32(lastRow), UInt16(lastColumn), "", format), place())
        }
        switch value {
        case .number(let number)?:
            try XlsxError.check(worksheet_write_number(handle, r, c, XlsxNumber.double(number), format), place())
        case .text(let text)?:
            try XlsxError.check(worksheet_write_string(handle, r, c, Xstring.escaped(text), format), place())
        case nil:
            try XlsxError.check(worksheet_write_blank(handle, r, c, format), place())
        }
    }

    private func place(_ what: String, row: Int, column: Int) -> String {
        "writing \(what) at \(XlsxReference.cell(row: row, column: column)) of \(name)"
    }
}
