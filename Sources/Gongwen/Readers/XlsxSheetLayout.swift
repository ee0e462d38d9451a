import Foundation

/// What a worksheet says about its own layout, beyond the text of its cells: merged ranges,
/// column widths, row heights, each cell's style (blank cells too: an empty ruled cell is
/// where a form takes a value), data validations, the page set-up, and what a form template
/// cannot keep (formulas, drawings). Read by `template import`, not by `collect`.
public struct XlsxSheetLayout: Sendable {
    /// Merged ranges, 0-based and inclusive.
    public var merges: [XlsxRange] = []
    /// Column widths in Excel's character units as written (with Excel's padding), by column.
    public var columnWidths: [Int: Double] = [:]
    /// The width of columns with none of their own (`sheetFormatPr`), nil when unsaid.
    public var defaultColumnWidth: Double?
    /// Row heights in points, by row, where the sheet sets them.
    public var rowHeights: [Int: Double] = [:]
    /// Each written cell's style, row → column → style (its `s` resolved).
    public var styles: [Int: [Int: XlsxCellFormat]] = [:]
    public var validations: [XlsxDataValidation] = []
    /// `portrait` or `landscape`, nil when unsaid.
    public var orientation: String?
    /// Margins in inches: left, right, top, bottom.
    public var margins: (left: Double, right: Double, top: Double, bottom: Double)?
    /// Cells holding a formula, as A1 references (the first hundred).
    public var formulas: [String] = []
    /// Whether the sheet has a drawing (pictures, charts, shapes) or comments.
    public var hasDrawing = false
    public var hasComments = false

    public func style(_ row: Int, _ column: Int) -> XlsxCellFormat? { styles[row]?[column] }

    /// The validation whose ranges cover the cell.
    public func validation(_ row: Int, _ column: Int) -> XlsxDataValidation? {
        validations.first { $0.ranges.contains { $0.contains(row, column) } }
    }
}

/// A rectangle of cells, 0-based and inclusive.
public struct XlsxRange: Sendable, Equatable {
    public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

    /// `A1:D3` or `B2`; nil when it is not a reference.
    public init?(_ text: String) {
        let ends = text.split(separator: ":").map(String.init)
        guard (1...2).contains(ends.count), let a = XlsxReference.position(of: ends[0]),
              let b = XlsxReference.position(of: ends[ends.count - 1]) else { return nil }
        firstRow = min(a.row, b.row); lastRow = max(a.row, b.row)
        firstColumn = min(a.column, b.column); lastColumn = max(a.column, b.column)
    }

    public func contains(_ row: Int, _ column: Int) -> Bool {
        (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
    }
}

/// One `dataValidation`: its kind (`whole`, `decimal`, `textLength`, `custom`, `list`…),
/// operator, first formula, prompt, and the ranges it covers.
public struct XlsxDataValidation: Sendable, Equatable {
    public var type: String
    public var operation: String?
    public var formula1: String = ""
    public var prompt: String?
    public var ranges: [XlsxRange]
}

extension XlsxReader {
    /// The layout of the first worksheet (see `XlsxSheetLayout`).
    public func firstSheetLayout() throws(ReadError) -> XlsxSheetLayout {
        let sheets = try sheetTargets()
        guard let first = sheets.first else { throw .missingPart(file: archive.name, part: "xl/worksheets/sheet1.xml") }
        var styles: [XlsxCellFormat] = []
        let stylesPart = try stylesPart()
        if let data = try archive.data(stylesPart) {
            let handler = StylesHandler()
            try archive.parse(data, part: stylesPart, handler)
            styles = handler.resolvedCellStyles
        }
        let handler = SheetLayoutHandler(styles: styles, limits: archive.limits, file: archive.name)
        try archive.parse(archive.required(first.path), part: first.path, handler)
        return handler.layout
    }
}

/// The layout events of a worksheet part; the cells' text is `SheetHandler`'s work.
private final class SheetLayoutHandler: XMLEventHandler {
    let styles: [XlsxCellFormat]
    let limits: ReadLimits
    let file: String
    var layout = XlsxSheetLayout()
    private var row = 0, nextRow = 0, column = 0, nextColumn = 0
    private var cellReference = ""
    private var validation: XlsxDataValidation?
    private var inFormula1 = false

    init(styles: [XlsxCellFormat], limits: ReadLimits, file: String) {
        self.styles = styles
        self.limits = limits
        self.file = file
    }

    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        switch local(name) {
        case "sheetFormatPr":
            layout.defaultColumnWidth = attributes["defaultColWidth"].flatMap { Double($0) }
        case "col":
            guard let min = attributes["min"].flatMap({ Int($0) }), let max = attributes["max"].flatMap({ Int($0) }),
                  let width = attributes["width"].flatMap({ Double($0) }), min >= 1, max >= min else { break }
            // A `col` may cover every column to XFD; a form only ever has the first few.
            for c in (min - 1)..<Swift.min(max, limits.columns) { layout.columnWidths[c] = width }
        case "row":
            row = attributes["r"].flatMap { Int($0) }.map { $0 - 1 } ?? nextRow
            nextRow = row + 1
            nextColumn = 0
            guard row < limits.rows else { return .sheetTooLarge(file: file, rows: row + 1, columns: 0) }
            if let height = attributes["ht"].flatMap({ Double($0) }) { layout.rowHeights[row] = height }
        case "c":
            if let r = attributes["r"], let p = XlsxReference.position(of: r) { column = p.column } else { column = nextColumn }
            nextColumn = column + 1
            cellReference = XlsxReference.cell(row: row, column: column)
            guard column < limits.columns else { return .sheetTooLarge(file: file, rows: row + 1, columns: column + 1) }
            let s = attributes["s"].flatMap { Int($0) } ?? 0
            layout.styles[row, default: [:]][column] = s < styles.count ? styles[s] : XlsxCellFormat()
        case "f":
            if layout.formulas.count < 100 { layout.formulas.append(cellReference) }
        case "mergeCell":
            if let ref = attributes["ref"], let range = XlsxRange(ref) { layout.merges.append(range) }
        case "dataValidation":
            let ranges = (attributes["sqref"] ?? "").split(separator: " ").compactMap { XlsxRange(String($0)) }
            validation = XlsxDataValidation(type: attributes["type"] ?? "none", operation: attributes["operator"],
                                            prompt: attributes["prompt"].map(Xstring.decoded), ranges: ranges)
        case "formula1":
            inFormula1 = validation != nil
        case "pageSetup":
            layout.orientation = attributes["orientation"]
        case "pageMargins":
            if let l = attributes["left"].flatMap({ Double($0) }), let r = attributes["right"].flatMap({ Double($0) }),
               let t = attributes["top"].flatMap({ Double($0) }), let b = attributes["bottom"].flatMap({ Double($0) }) {
                layout.margins = (l, r, t, b)
            }
        case "drawing": layout.hasDrawing = true
        case "legacyDrawing": layout.hasComments = true
        default: break
        }
        return nil
    }

    func end(_ name: String) {
        switch local(name) {
        case "dataValidation":
            if let validation { layout.validations.append(validation) }
            validation = nil
        case "formula1": inFormula1 = false
        default: break
        }
    }

    func characters(_ text: String) {
        if inFormula1 { validation?.formula1 += text }
    }
}
