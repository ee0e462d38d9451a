/// A form file as the importer reads it, whatever its format: the lines of text above and
/// below the table, the table's cells placed on its grid with their spans and looks, and the
/// page. `XlsxSource` and `DocxSource` make one; `TemplateImporter` infers the template from it.
struct SourceDocument {
    /// Lines above the table, in order (the title, the header line).
    var linesAbove: [String]
    /// Lines below the table, in order (注：…, contact lines).
    var linesBelow: [String]
    var table: SourceTable
    var page: PageSetup?
    /// What the reader could not keep (pictures, colours, formulas, cells outside the table).
    var warnings: [ImportWarning]
}

/// The table of a form: column widths in spreadsheet character units, row heights in points,
/// and each cell at its top-left place.
struct SourceTable {
    var columnWidths: [Double]
    var rowHeights: [Double?]
    var cells: [SourceCell]

    var rowCount: Int { rowHeights.count }
    var columnCount: Int { columnWidths.count }

    /// The cell that covers a grid place.
    func cell(covering row: Int, _ column: Int) -> SourceCell? {
        cells.first { (row...row).overlaps($0.row...$0.lastRow) && ($0.column...$0.lastColumn).contains(column) }
    }

    /// The height of a cell in points, its rows' heights added (a row without one counts as
    /// `fallback`).
    func height(of cell: SourceCell, fallback: Double) -> Double {
        (cell.row...cell.lastRow).reduce(0) { $0 + (rowHeights[$1] ?? fallback) }
    }
}

/// One cell of the source table: its text as a person sees it, its spans, and what its
/// look says (stacked text, alignment, an XLSX data validation, whether it is locked).
struct SourceCell {
    var row: Int
    var column: Int
    var rowSpan = 1
    var colSpan = 1
    /// The text, with a stacked label's line breaks still in it.
    var text: String
    /// Text the file stacks one character under another (`textRotation` 255, or one
    /// character a line).
    var stacked = false
    var horizontal: HorizontalAlignment?
    var vertical: VerticalAlignment?
    var validation: XlsxDataValidation?
    /// Where a reader names the cell in warnings: C5, or 表格第 5 行第 3 列.
    var place: String

    var lastRow: Int { row + rowSpan - 1 }
    var lastColumn: Int { column + colSpan - 1 }
}
