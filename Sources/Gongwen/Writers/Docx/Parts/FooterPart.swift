/// `word/footerN.xml`: the page number as — N —, with a PAGE field that carries a cached
/// result (a field without one makes Word offer to repair the file). Odd pages put it at the
/// right, one character in; even pages at the left.
struct FooterPart {
    enum Side { case odd, even }

    /// The text block of a landscape page, in twips from the paper's top and left edges.
    struct TextBlock: Equatable {
        var left: Int
        var top: Int
        var height: Int
    }

    /// Where the number stands.
    enum Placement: Equatable {
        /// On the footer's own line, under the text block (a portrait page).
        case below
        /// Turned a quarter clockwise in the strip `strip` twips wide outside `textBlock`'s
        /// left edge (a landscape page). The landscape page is printed on the portrait sheet
        /// with its top at the sheet's left; its left edge is then the sheet's bottom and its
        /// bottom the sheet's right, so the number stands where the portrait pages have it.
        ///
        /// The construct is a floating one-cell table anchored to the page whose cell has
        /// `w:textDirection w:val="tbRl"` (ECMA-376 Part 1, 17.4.58 and 17.4.72): plain
        /// WordprocessingML, the way Word and WPS themselves turn text in table cells, and
        /// drawn by LibreOffice 7.4 at the same place on odd and even pages. A DrawingML text
        /// box (`wps:wsp`, a Word 2010 extension outside ECMA-376) came out at the page's
        /// corner in LibreOffice's even footer; a VML text box (`v:textbox`) ignored the
        /// anchoring of its text; a framed paragraph with `w:textDirection` was not turned.
        case leftOf(TextBlock, strip: Int)
        /// No number.
        case none
    }

    var side: Side
    var placement: Placement = .below
    var font: FontSpec
    /// One character of indent, in twips: a character of the number's own size (四号), as
    /// the 版记 counts its indents in its own 四号.
    var indent: Int

    var xml: String {
        var x = XMLBuilder()
        x.element("w:ftr", ["xmlns:w": DocxNamespace.w, "xmlns:r": DocxNamespace.r]) { x in
            switch placement {
            case .below:
                writeNumber(to: &x)
            case .leftOf(let block, let strip):
                writeTurnedNumber(block, strip: strip, to: &x)
                // A footer ends with a paragraph; this one is empty, so nothing stands along
                // the landscape page's bottom.
                writeEmptyParagraph(to: &x)
            case .none:
                writeEmptyParagraph(to: &x)
            }
        }
        return x.xml
    }

    /// — N — in one paragraph of the font's single line height: the line's bottom stands on
    /// the section's footer distance (Word and LibreOffice alike).
    func writeNumber(to x: inout XMLBuilder) {
        var p = DocxParagraph()
        p.alignment = side == .odd ? .right : .left
        if side == .odd { p.right = indent } else { p.left = indent }
        let style = DocxRunStyle(font: font, latin: font.eastAsia)
        p.add("— ", style)
        var field = XMLBuilder(declaration: false)
        Self.pageField(cached: side == .odd ? "1" : "2", style: style, to: &field)
        p.addRaw(field.xml)
        p.add(" —", style)
        p.write(to: &x)
    }

    /// The strip beside the text block as a table cell as long as the text block, its text
    /// turned so that the line's bottom lies on the strip's outer edge: the portrait footer
    /// turned with the page, its paragraph the same.
    func writeTurnedNumber(_ block: TextBlock, strip: Int, to x: inout XMLBuilder) {
        x.element("w:tbl") { x in
            x.element("w:tblPr") { x in
                x.empty("w:tblpPr", [
                    "w:leftFromText": "0", "w:rightFromText": "0", "w:topFromText": "0", "w:bottomFromText": "0",
                    "w:vertAnchor": "page", "w:horzAnchor": "page",
                    "w:tblpX": String(block.left - strip), "w:tblpY": String(block.top),
                ])
                x.empty("w:tblW", ["w:w": String(strip), "w:type": "dxa"])
                x.empty("w:tblLayout", ["w:type": "fixed"])
                x.element("w:tblCellMar") { x in
                    for edge in ["w:top", "w:left", "w:bottom", "w:right"] { x.empty(edge, ["w:w": "0", "w:type": "dxa"]) }
                }
            }
            x.element("w:tblGrid") { $0.empty("w:gridCol", ["w:w": String(strip)]) }
            x.element("w:tr") { x in
                x.element("w:trPr") { $0.empty("w:trHeight", ["w:val": String(block.height), "w:hRule": "exact"]) }
                x.element("w:tc") { x in
                    x.element("w:tcPr") { x in
                        x.empty("w:tcW", ["w:w": String(strip), "w:type": "dxa"])
                        x.empty("w:textDirection", ["w:val": "tbRl"])
                        x.empty("w:vAlign", ["w:val": "bottom"])
                    }
                    writeNumber(to: &x)
                }
            }
        }
    }

    func writeEmptyParagraph(to x: inout XMLBuilder) {
        DocxParagraph().write(to: &x)
    }

    /// A complex PAGE field: begin, instruction, separate, cached result, end.
    static func pageField(cached: String, style: DocxRunStyle, to x: inout XMLBuilder) {
        func run(_ body: (inout XMLBuilder) -> Void) {
            x.element("w:r") { x in
                style.write(to: &x)
                body(&x)
            }
        }
        run { $0.empty("w:fldChar", ["w:fldCharType": "begin"]) }
        run { $0.element("w:instrText", ["xml:space": "preserve"], text: " PAGE ") }
        run { $0.empty("w:fldChar", ["w:fldCharType": "separate"]) }
        run { $0.element("w:t", text: cached) }
        run { $0.empty("w:fldChar", ["w:fldCharType": "end"]) }
    }
}
