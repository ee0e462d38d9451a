/// 版记 on the last page: 抄送 and 印发机关/印发日期 between lines the width of the text block,
/// the outer ones thick and the inner thin, the last line on the bottom of the text block.
///
/// The block is a floating table (ECMA-376 `w:tblpPr`) anchored at the bottom of the text
/// block: Word, WPS and LibreOffice all place it there, whatever length the page before has,
/// and push it to the next page with its anchor when the text leaves no room. Measured in
/// LibreOffice 7.4: framed paragraphs (`w:framePr`) lose their frame as soon as two of them
/// differ in borders, which the thin inner line needs; and a floating table anchored
/// horizontally to the margin is laid out inline when it is as wide as the text block
/// (LibreOffice keeps such tables in the text flow). Anchored to the page at the left
/// margin's offset, the same table floats, full width, with its rules where they belong.
extension NoticeComposer {
    mutating func writeColophon() {
        guard let colophon = notice.document.colophon else { return }
        switch colophonPlacement {
        case .followingText:
            if orientation != .portrait {
                switchSection(to: .portrait)
                writeSectionOpening()
            }
        case .ownPage, .afterBlankPage:
            // GB/T 9704 7.5: a blank page before the 版记 page, and the 版记 page, carry no number.
            // The blank page is a section of its own holding one empty paragraph (LibreOffice
            // drops a page break that opens a section's first page).
            let blankPage = colophonPlacement == .afterBlankPage
            for _ in 0..<(blankPage ? 2 : 1) {
                switchSection(to: .portrait, footers: blankPage ? .unnumbered : nil)
                writeSectionOpening()
            }
        }
        let font = layout.fonts.colophon
        let char = DocxUnits.twips(points: font.size)
        var rows: [DocxParagraph] = []
        if let copyTo = colophon.copyTo, !copyTo.isEmpty {
            var p = gridParagraph()
            let label = width(of: "抄送：", size: font.size)
            p.left = char + label
            p.right = char
            p.hanging = label
            p.add("抄送：" + copyTo.joined(separator: "，") + "。", bodyStyle(font))
            rows.append(p)
        }
        var printed = gridParagraph()
        printed.left = char
        printed.right = char
        printed.tabs = [("right", textWidth - char)]
        printed.add(colophon.printer + "\t" + (notice.printDate ?? "") + "印发", bodyStyle(font))
        rows.append(printed)

        let pageSetup = layout.page.setup(.portrait)
        let textWidth = textWidth
        let outer = Self.eighths(layout.colophonLines.outer)
        let inner = Self.eighths(layout.colophonLines.inner)
        var table = XMLBuilder(declaration: false)
        table.element("w:tbl") { x in
            x.element("w:tblPr") { x in
                x.empty("w:tblpPr", [
                    "w:leftFromText": "0", "w:rightFromText": "0", "w:topFromText": "0", "w:bottomFromText": "0",
                    "w:vertAnchor": "margin", "w:horzAnchor": "page",
                    "w:tblpX": String(DocxUnits.twips(millimetres: pageSetup.margins.left)), "w:tblpYSpec": "bottom",
                ])
                x.empty("w:tblOverlap", ["w:val": "never"])
                x.empty("w:tblW", ["w:w": String(textWidth), "w:type": "dxa"])
                x.element("w:tblBorders") { x in
                    for (side, size) in [("w:top", outer), ("w:left", 0), ("w:bottom", outer), ("w:right", 0), ("w:insideH", inner), ("w:insideV", 0)] {
                        if size == 0 {
                            x.empty(side, ["w:val": "nil"])
                        } else {
                            x.empty(side, ["w:val": "single", "w:sz": String(size), "w:space": "0", "w:color": "000000"])
                        }
                    }
                }
                x.empty("w:tblLayout", ["w:type": "fixed"])
                x.element("w:tblCellMar") { x in
                    for side in ["w:top", "w:left", "w:bottom", "w:right"] { x.empty(side, ["w:w": "0", "w:type": "dxa"]) }
                }
                x.empty("w:tblLook", ["w:val": "0000", "w:firstRow": "0", "w:lastRow": "0", "w:firstColumn": "0",
                                      "w:lastColumn": "0", "w:noHBand": "1", "w:noVBand": "1"])
            }
            x.element("w:tblGrid") { $0.empty("w:gridCol", ["w:w": String(textWidth)]) }
            for row in rows {
                x.element("w:tr") { x in
                    x.element("w:trPr") { $0.empty("w:cantSplit") }
                    x.element("w:tc") { x in
                        DocxCellProperties(width: textWidth).write(to: &x)
                        row.write(to: &x)
                    }
                }
            }
        }
        x.raw(table.xml)
        // The table's anchor: a paragraph must follow a table; a hairline one takes no room.
        var anchor = DocxParagraph()
        anchor.exactLine = 20
        anchor.write(to: &x)
    }

    /// A hairline paragraph to open a section with: a table right after a section break is
    /// anchored by LibreOffice to the section before it, on the page before.
    private mutating func writeSectionOpening() {
        var opening = DocxParagraph()
        opening.exactLine = 20
        opening.write(to: &x)
    }

    /// A line weight in mm as WordprocessingML border size (eighths of a point, 2 to 96).
    static func eighths(_ mm: Double) -> Int {
        max(2, min(96, Int((mm / 25.4 * 72 * 8).rounded())))
    }
}

/// Where the 版记 goes. It belongs on the last side of the sheet (an even page) with its last
/// line on the bottom of the text block; which page that is only the layout engine knows, so
/// the PDF path measures the first layout and asks again (see `NoticeRenderer`).
public enum ColophonPlacement: Sendable, Hashable {
    /// At the foot of the page the text ends on, or of the next when it leaves no room.
    case followingText
    /// At the foot of a page of its own, after the text.
    case ownPage
    /// After a blank page, both without page numbers (GB/T 9704 7.5).
    case afterBlankPage
}
