/// The one layout model of a form, rendered by both `XlsxWriter` and `DocxWriter`: a title,
/// an optional header line, a table of cells with spans and styles, and notes under it.
/// Table rows and columns count from 0 at the table's top-left corner; each writer places
/// the table below its own title rows.
public struct FormSheet: Sendable {
    public var templateID: String
    public var title: String
    /// The line above the table, e.g. 填报单位（盖章）：郑州大学.
    public var headerLine: String?
    /// Column widths in spreadsheet character units; the DOCX writer scales them to the page.
    public var columnWidths: [Double]
    /// Row heights in points; nil lets the row grow with its text.
    public var rowHeights: [Double?]
    public var cells: [SheetCell]
    /// How many rows at the top of the table repeat on every printed page (list forms).
    public var headingRowCount: Int
    public var notes: [String]
    public var page: PageSetup
    public var fonts: FontScheme
    /// The sheet protection password; nil protects the sheet without one.
    public var sheetPassword: String?

    public var columnCount: Int { columnWidths.count }
    public var rowCount: Int { rowHeights.count }
}

/// One cell of the table, placed at its top-left corner and spanning rows and columns.
public struct SheetCell: Sendable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var colSpan: Int
    public var content: CellContent
    public var horizontal: HorizontalAlignment
    public var vertical: VerticalAlignment
    /// Characters stacked one under another (项 目 简 介).
    public var stacked: Bool

    public var lastRow: Int { row + rowSpan - 1 }
    public var lastColumn: Int { column + colSpan - 1 }
}

/// What a cell holds: a fixed label, a column heading of a list, or an input bound to a field.
public enum CellContent: Sendable {
    case label(String)
    case heading(String)
    case input(InputCell)

    /// The text a reader sees in the cell: the label, the value, or the hint of an empty input.
    public var text: String {
        switch self {
        case .label(let s), .heading(let s): s
        case .input(let input): input.value?.displayText ?? input.field.hint ?? ""
        }
    }
}

/// An input cell: the field it is bound to, and its value when the form is filled.
public struct InputCell: Sendable {
    public var field: FieldDefinition
    public var value: FieldValue?
    /// The row of a list form this cell belongs to (0-based), nil for single fields.
    public var listRow: Int?

    /// Whether the cell shows the field's hint instead of a value.
    public var showsHint: Bool { value == nil && field.hint != nil }
}
