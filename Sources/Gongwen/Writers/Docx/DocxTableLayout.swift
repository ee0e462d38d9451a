/// What a `w:tbl` says before its rows: `w:tblPr` in the order CT_TblPr requires, then the
/// column grid. The table is as wide as its columns, centred, with fixed column widths (Word
/// and LibreOffice would otherwise fit the columns to the text), and either ruled or bare.
struct DocxTableLayout {
    /// Column widths in twips.
    var columnWidths: [Int]
    /// Thin black lines round every cell, as a form has; false draws none (the joint issuer
    /// mark is a table only to line the organs' names up).
    var ruled: Bool
    /// The space inside each cell left and right, in twips; nil keeps the table style's.
    var cellPadding: Int?
    /// Turns the table style's conditional formats (first row, banded rows) off, as a form's
    /// grid has always said.
    var plainLook = false

    func write(to x: inout XMLBuilder) {
        x.element("w:tblPr") { x in
            x.empty("w:tblW", ["w:w": String(columnWidths.reduce(0, +)), "w:type": "dxa"])
            x.empty("w:jc", ["w:val": "center"])
            x.element("w:tblBorders") { x in
                for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
                    if ruled {
                        x.empty(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"])
                    } else {
                        x.empty(side, ["w:val": "nil"])
                    }
                }
            }
            x.empty("w:tblLayout", ["w:type": "fixed"])
            if let cellPadding {
                x.element("w:tblCellMar") { x in
                    x.empty("w:left", ["w:w": String(cellPadding), "w:type": "dxa"])
                    x.empty("w:right", ["w:w": String(cellPadding), "w:type": "dxa"])
                }
            }
            if plainLook {
                x.empty("w:tblLook", ["w:val": "0000", "w:firstRow": "0", "w:lastRow": "0", "w:firstColumn": "0",
                                      "w:lastColumn": "0", "w:noHBand": "1", "w:noVBand": "1"])
            }
        }
        x.element("w:tblGrid") { x in
            for width in columnWidths { x.empty("w:gridCol", ["w:w": String(width)]) }
        }
    }
}
