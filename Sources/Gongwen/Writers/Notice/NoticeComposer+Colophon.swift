/// 版记 on the last page: 抄送 and 印发机关/印发日期 between lines the width of the text block,
/// the outer ones thick and the inner thin, the last line on the bottom of the text block.
/// The paragraphs stand in a frame aligned to the bottom of the text block, which puts them
/// there whatever length the page before has (LibreOffice lays a full-width floating table
/// out inline, so a table cannot do this).
extension NoticeComposer {
    mutating func writeColophon() {
        guard let colophon = notice.document.colophon else { return }
        if orientation != .portrait { switchSection(to: .portrait) }
        let font = layout.fonts.colophon
        let char = DocxUnits.twips(points: font.size)
        let outer = ("000000", Self.eighths(layout.colophonLines.outer), 1)
        let inner = ("000000", Self.eighths(layout.colophonLines.inner), 1)
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
        printed.alignment = .left
        printed.left = char
        printed.tabs = [("right", textWidth - char)]
        printed.add(colophon.printer + "\t" + (notice.printDate ?? "") + "印发", bodyStyle(font))
        rows.append(printed)
        for (i, var row) in rows.enumerated() {
            row.framedAtBottom = textWidth
            if i == 0 { row.topBorder = outer }
            row.bottomBorder = i == rows.count - 1 ? outer : inner
            row.write(to: &x)
        }
    }

    /// A line weight in mm as WordprocessingML border size (eighths of a point, 2 to 96).
    static func eighths(_ mm: Double) -> Int {
        max(2, min(96, Int((mm / 25.4 * 72 * 8).rounded())))
    }
}
