/// 版记 on the last page: 抄送 and 印发机关/印发日期 between lines the width of the text block,
/// the outer ones thick and the inner thin, the last line on the bottom of the text block.
/// A table anchored to the bottom margin puts it there whatever length the page before has.
extension NoticeComposer {
    mutating func writeColophon() {
        guard let colophon = notice.document.colophon else { return }
        if orientation != .portrait { switchSection(to: .portrait) }
        let font = layout.fonts.colophon
        let char = DocxUnits.twips(points: font.size)
        let outer = Self.eighths(layout.colophonLines.outer)
        let inner = Self.eighths(layout.colophonLines.inner)
        var rows: [DocxParagraph] = []
        if let copyTo = colophon.copyTo, !copyTo.isEmpty {
            var p = gridParagraph()
            p.left = char + width(of: "抄送：", size: font.size)
            p.right = char
            p.hanging = width(of: "抄送：", size: font.size)
            p.add("抄送：" + copyTo.joined(separator: "，") + "。", bodyStyle(font))
            rows.append(p)
        }
        var printed = gridParagraph()
        printed.alignment = .left
        printed.left = char
        printed.tabs = [("right", textWidth - char)]
        printed.add(colophon.printer + "\t" + (notice.printDate ?? "") + "印发", bodyStyle(font))
        rows.append(printed)

        let textWidth = self.textWidth
        x.element("w:tbl") { x in
            x.element("w:tblPr") { x in
                x.empty("w:tblpPr", ["w:leftFromText": "0", "w:rightFromText": "0", "w:vertAnchor": "margin",
                                     "w:horzAnchor": "margin", "w:tblpXSpec": "center", "w:tblpYSpec": "bottom"])
                x.empty("w:tblOverlap", ["w:val": "never"])
                x.empty("w:tblW", ["w:w": String(textWidth), "w:type": "dxa"])
                x.element("w:tblBorders") { x in
                    x.empty("w:top", ["w:val": "single", "w:sz": String(outer), "w:space": "0", "w:color": "000000"])
                    x.empty("w:left", ["w:val": "nil"])
                    x.empty("w:bottom", ["w:val": "single", "w:sz": String(outer), "w:space": "0", "w:color": "000000"])
                    x.empty("w:right", ["w:val": "nil"])
                    x.empty("w:insideH", ["w:val": "single", "w:sz": String(inner), "w:space": "0", "w:color": "000000"])
                    x.empty("w:insideV", ["w:val": "nil"])
                }
                x.empty("w:tblLayout", ["w:type": "fixed"])
                x.element("w:tblCellMar") { x in
                    x.empty("w:left", ["w:w": "0", "w:type": "dxa"])
                    x.empty("w:right", ["w:w": "0", "w:type": "dxa"])
                }
            }
            x.element("w:tblGrid") { $0.empty("w:gridCol", ["w:w": String(textWidth)]) }
            for row in rows {
                x.element("w:tr") { x in
                    x.element("w:trPr") { $0.empty("w:cantSplit") }
                    x.element("w:tc") { x in
                        x.element("w:tcPr") { $0.empty("w:tcW", ["w:w": String(textWidth), "w:type": "dxa"]) }
                        row.write(to: &x)
                    }
                }
            }
        }
        // The anchor paragraph of the floating table, as small as a paragraph can be.
        var anchor = DocxParagraph()
        anchor.exactLine = 20
        anchor.write(to: &x)
    }

    /// A line weight in mm as WordprocessingML border size (eighths of a point, 2 to 96).
    static func eighths(_ mm: Double) -> Int {
        max(2, min(96, Int((mm / 25.4 * 72 * 8).rounded())))
    }
}
