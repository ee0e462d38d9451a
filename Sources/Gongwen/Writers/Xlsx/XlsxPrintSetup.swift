import CXlsxWriter

/// How a sheet prints, a form or a summary: on A4, centred across the page, one page wide and
/// as many long as it takes, its heading rows again at the top of every page, and
/// 第 N 页，共 M 页 in the footer.
struct XlsxPrintSetup {
    var orientation: PageSetup.Orientation
    /// Left, right, top and bottom, in inches as libxlsxwriter takes them.
    var margins: (left: Double, right: Double, top: Double, bottom: Double)
    /// The worksheet rows printed at the top of every page; nil for none.
    var repeatedRows: ClosedRange<Int>? = nil
    /// The last row and column printed; nil prints whatever the sheet holds.
    var printArea: (lastRow: Int, lastColumn: Int)? = nil

    /// Excel's codes: &C centres, &P is the page, &N the number of pages.
    static let footer = "&C第 &P 页，共 &N 页"

    func apply(to worksheet: UnsafeMutablePointer<lxw_worksheet>) throws(XlsxError) {
        worksheet_set_paper(worksheet, 9)
        if orientation == .landscape { worksheet_set_landscape(worksheet) } else { worksheet_set_portrait(worksheet) }
        worksheet_set_margins(worksheet, margins.left, margins.right, margins.top, margins.bottom)
        worksheet_center_horizontally(worksheet)
        worksheet_fit_to_pages(worksheet, 1, 0)
        if let printArea {
            try XlsxError.check(worksheet_print_area(worksheet, 0, 0, UInt32(printArea.lastRow), UInt16(printArea.lastColumn)),
                                "setting the print area")
        }
        if let repeatedRows {
            try XlsxError.check(worksheet_repeat_rows(worksheet, UInt32(repeatedRows.lowerBound), UInt32(repeatedRows.upperBound)),
                                "setting print titles")
        }
        try XlsxError.check(worksheet_set_footer(worksheet, Xstring.escaped(Self.footer)), "setting the footer")
    }
}
