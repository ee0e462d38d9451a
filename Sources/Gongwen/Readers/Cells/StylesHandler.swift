/// `xl/styles.xml`: the custom number formats and each cell style's number format; and, for
/// a reader of a form's own layout (`XlsxSheetLayout`), each style's alignment, protection,
/// border, fill and font colour.
final class StylesHandler: XMLEventHandler {
    var formats: [Int: String] = [:]
    var styleFormats: [Int] = []
    /// Each `cellXfs/xf` as the layout reader sees it, in order (a cell's `s` indexes it).
    var cellStyles: [XlsxCellFormat] = []
    private var fontColours: [String?] = []
    private var fills: [Bool] = []
    private var borders: [Bool] = []
    private var inCellStyles = false, inFonts = false, inFills = false, inBorders = false

    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        switch local(name) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { formats[id] = code }
        case "cellXfs": inCellStyles = true
        case "xf" where inCellStyles:
            styleFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            var format = XlsxCellFormat()
            format.font = attributes["fontId"].flatMap { Int($0) } ?? 0
            format.fill = attributes["fillId"].flatMap { Int($0) } ?? 0
            format.border = attributes["borderId"].flatMap { Int($0) } ?? 0
            cellStyles.append(format)
        case "alignment" where inCellStyles && !cellStyles.isEmpty:
            cellStyles[cellStyles.count - 1].horizontal = attributes["horizontal"]
            cellStyles[cellStyles.count - 1].vertical = attributes["vertical"]
            cellStyles[cellStyles.count - 1].rotation = attributes["textRotation"].flatMap { Int($0) } ?? 0
        case "protection" where inCellStyles && !cellStyles.isEmpty:
            if let locked = attributes["locked"] { cellStyles[cellStyles.count - 1].locked = !(locked == "0" || locked == "false") }
        case "fonts": inFonts = true
        case "font" where inFonts: fontColours.append(nil)
        case "color" where inFonts && !fontColours.isEmpty && !inBorders:
            fontColours[fontColours.count - 1] = attributes["rgb"] ?? attributes["theme"].map { "theme" + $0 } ?? attributes["indexed"].map { "indexed" + $0 }
        case "fills": inFills = true
        case "patternFill" where inFills: fills.append(!(attributes["patternType"] ?? "none").hasPrefix("none") && attributes["patternType"] != "gray125")
        case "borders": inBorders = true
        case "border" where inBorders: borders.append(false)
        case "left", "right", "top", "bottom":
            if inBorders, let style = attributes["style"], style != "none", !borders.isEmpty { borders[borders.count - 1] = true }
        default: break
        }
        return nil
    }

    func end(_ name: String) {
        switch local(name) {
        case "cellXfs": inCellStyles = false
        case "fonts": inFonts = false
        case "fills": inFills = false
        case "borders": inBorders = false
        default: break
        }
    }
    func characters(_ text: String) {}

    var numberFormats: XlsxNumberFormats { XlsxNumberFormats(formats: formats, styleFormats: styleFormats) }

    /// The styles with their font colour, fill and border resolved.
    var resolvedCellStyles: [XlsxCellFormat] {
        cellStyles.map { style in
            var style = style
            style.fontColour = style.font < fontColours.count ? fontColours[style.font] : nil
            style.filled = style.fill < fills.count && fills[style.fill]
            style.bordered = style.border < borders.count && borders[style.border]
            return style
        }
    }
}

/// What one cell style of a workbook says about a cell's place in a form: where its text
/// sits, whether it is stacked (`textRotation` 255), locked, ruled, filled or coloured.
public struct XlsxCellFormat: Sendable, Equatable {
    var font = 0, fill = 0, border = 0
    /// `left`, `center`, `right`…, nil for General.
    public var horizontal: String?
    /// `top`, `center`, `bottom`…, nil for Excel's default (bottom).
    public var vertical: String?
    /// Degrees, or 255 for text stacked one character under another.
    public var rotation = 0
    /// Excel's default is locked; an input cell of a protected form is unlocked.
    public var locked = true
    /// The font's colour as written (`FF808080`, `theme1`, `indexed8`), nil when it has none.
    public var fontColour: String?
    public var filled = false
    public var bordered = false

    public var stacked: Bool { rotation == 255 }
}
