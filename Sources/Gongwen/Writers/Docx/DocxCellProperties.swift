/// A table cell's `w:tcPr`: its width, the grid columns it spans, its place in a row span
/// (`w:vMerge`: the cell that starts it, or one that continues it below) and how its content
/// sits vertically.
struct DocxCellProperties {
    enum RowSpan { case start, continuation }

    /// The cell's width in twips: the sum of the grid columns it spans.
    var width: Int
    var columnSpan = 1
    var rowSpan: RowSpan?
    var vertical: VerticalAlignment = .center

    func write(to x: inout XMLBuilder) {
        x.element("w:tcPr") { x in
            x.empty("w:tcW", ["w:w": String(width), "w:type": "dxa"])
            if columnSpan > 1 { x.empty("w:gridSpan", ["w:val": String(columnSpan)]) }
            switch rowSpan {
            case .start?: x.empty("w:vMerge", ["w:val": "restart"])
            case .continuation?: x.empty("w:vMerge")
            case nil: break
            }
            x.empty("w:vAlign", ["w:val": vertical.rawValue])
        }
    }
}
