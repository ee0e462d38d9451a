/// Renders a `FormSheet` as WordprocessingML body blocks: the title, the header line, a real
/// table (`w:gridSpan` for column spans, `w:vMerge` for row spans, `w:tblHeader` on a list's
/// heading row) and the notes. A notice's attachment pages reuse it for their forms.
struct DocxFormTable {
    let sheet: FormSheet
    /// The width the table fills, in twips: the text width of the page it stands on.
    var textWidth: Int

    /// The most height the table may take, in points; tall text boxes shrink to keep the
    /// form on one page (an attachment page has less room than the form's own page).
    var maxHeight: Double?

    init(sheet: FormSheet, textWidth: Int? = nil, maxHeight: Double? = nil) {
        self.sheet = sheet
        self.textWidth = textWidth ?? DocxUnits.twips(millimetres: sheet.page.textWidth)
        self.maxHeight = maxHeight
    }

    /// Row heights in points, fitted to `maxHeight` when the table would pass it: first the
    /// rows taller than 100 pt shrink together (never below 100 pt), then, if that is not
    /// enough, every row gives up part of the room above what its text needs (a row of 28 pt
    /// whose one line needs 24 gives up to 4), in the same proportion. Rows count with the
    /// height their text needs, since Word and LibreOffice grow them to fit it; what still
    /// does not fit runs on to the next page, its heading rows repeated.
    var rowHeights: [Double] {
        let heights = sheet.rowHeights.map { $0 ?? sheet.fonts.value.size * 2.2 }
        guard let maxHeight else { return heights }
        let widths = gridWidths
        let size = sheet.fonts.value.size
        // The least a row can be: one line of text and the cell's margins.
        let oneLine = size * 1.35 + 8
        var textNeed = Array(repeating: oneLine, count: heights.count)
        for cell in sheet.cells where cell.rowSpan == 1 && heights[cell.row] <= 100 {
            let points = Double(widths[cell.column...cell.lastColumn].reduce(0, +) - 216) / 20
            let text = cell.stacked ? cell.content.text.map(String.init).joined(separator: "\n") : cell.content.text
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
                total + max(1, Int((TextMetrics.points(of: line, size: size) / max(points, 1)).rounded(.up)))
            }
            textNeed[cell.row] = max(textNeed[cell.row], Double(lines) * size * 1.35 + 8)
        }
        var fitted = zip(heights, textNeed).map { $0 > 100 ? $0 : max($0, $1) }
        var excess = fitted.reduce(0, +) - maxHeight
        guard excess > 0 else { return heights }
        let tall = fitted.filter { $0 > 100 }.reduce(0, +)
        if tall > 0 {
            let scale = max(0, (tall - excess) / tall)
            fitted = fitted.map { $0 > 100 ? max(100, ($0 * scale).rounded(.down)) : $0 }
            excess = fitted.reduce(0, +) - maxHeight
        }
        let room = zip(fitted, textNeed).map { $0 <= 100 ? max(0, $0 - $1) : 0 }
        let spare = room.reduce(0, +)
        guard excess > 0, spare > 0 else { return fitted.enumerated().map { $1 > 100 ? $1 : heights[$0] } }
        let share = min(1, excess / spare)
        return fitted.enumerated().map { r, height in
            height > 100 ? height : max(textNeed[r], (height - room[r] * share).rounded(.down))
        }
    }

    /// The title, header line, table and notes.
    func write(to x: inout XMLBuilder, includeTitle: Bool = true) {
        if includeTitle { writeTitle(to: &x) }
        if let header = sheet.headerLine {
            paragraph(header, style: "FormNote", font: sheet.fonts.header, alignment: .left, to: &x)
        }
        writeTable(to: &x)
        for note in sheet.notes {
            paragraph(note, style: "FormNote", font: sheet.fonts.note, alignment: .left, to: &x)
        }
    }

    func writeTitle(to x: inout XMLBuilder) {
        paragraph(sheet.title, style: "FormTitle", font: sheet.fonts.title, alignment: .center, to: &x)
    }

    private func paragraph(_ text: String, style: String, font: FontSpec, alignment: DocxParagraph.Alignment,
                           to x: inout XMLBuilder) {
        var p = DocxParagraph(style: style, alignment: alignment)
        p.add(text, DocxRunStyle(font: font, latin: sheet.fonts.latin))
        p.write(to: &x)
    }

    /// Column widths in twips, scaled so the table fills the text width of the page.
    var gridWidths: [Int] {
        let total = textWidth
        let sum = sheet.columnWidths.reduce(0, +)
        var widths = sheet.columnWidths.map { Int((Double(total) * $0 / sum).rounded(.down)) }
        widths[widths.count - 1] += total - widths.reduce(0, +)
        return widths
    }

    private func writeTable(to x: inout XMLBuilder) {
        let widths = gridWidths
        x.element("w:tbl") { x in
            DocxTableLayout(columnWidths: widths, ruled: true, plainLook: true).write(to: &x)
            let starts = Dictionary(sheet.cells.map { ([$0.row, $0.column], $0) }, uniquingKeysWith: { a, _ in a })
            // For each position covered by a row span from above: the cell that covers it.
            var continuing: [[Int]: SheetCell] = [:]
            for cell in sheet.cells where cell.rowSpan > 1 {
                for r in (cell.row + 1)...cell.lastRow { continuing[[r, cell.column]] = cell }
            }
            let heights = rowHeights
            for r in 0..<sheet.rowCount {
                x.element("w:tr") { x in
                    writeRowProperties(r, height: heights[r], to: &x)
                    var c = 0
                    while c < sheet.columnCount {
                        if let cell = starts[[r, c]] {
                            writeCell(cell, widths: widths, continuation: false, to: &x)
                            c += cell.colSpan
                        } else if let cell = continuing[[r, c]] {
                            writeCell(cell, widths: widths, continuation: true, to: &x)
                            c += cell.colSpan
                        } else {
                            c += 1  // cannot happen for a checked template
                        }
                    }
                }
            }
        }
    }

    private func writeRowProperties(_ r: Int, height: Double, to x: inout XMLBuilder) {
        x.element("w:trPr") { x in
            // Ordinary rows stay whole on a page; a tall text box may break rather than jump
            // to the next page and leave a gap.
            if height <= 100 { x.empty("w:cantSplit") }
            x.empty("w:trHeight", ["w:val": String(DocxUnits.twips(points: height)), "w:hRule": "atLeast"])
            if r < sheet.headingRowCount { x.empty("w:tblHeader") }
            x.empty("w:jc", ["w:val": "center"])
        }
    }

    private func writeCell(_ cell: SheetCell, widths: [Int], continuation: Bool, to x: inout XMLBuilder) {
        x.element("w:tc") { x in
            let rowSpan: DocxCellProperties.RowSpan? = cell.rowSpan > 1 ? (continuation ? .continuation : .start) : nil
            DocxCellProperties(width: widths[cell.column...cell.lastColumn].reduce(0, +), columnSpan: cell.colSpan,
                               rowSpan: rowSpan, vertical: cell.vertical).write(to: &x)
            var p = DocxParagraph(style: "FormCell", alignment: DocxParagraph.Alignment(cell.horizontal))
            if !continuation { addContent(cell, to: &p) }
            p.write(to: &x)
        }
    }

    private func addContent(_ cell: SheetCell, to p: inout DocxParagraph) {
        let fonts = sheet.fonts
        var text = cell.content.text
        guard !text.isEmpty else { return }
        let style: DocxRunStyle
        switch cell.content {
        case .label: style = DocxRunStyle(font: fonts.label, latin: fonts.latin)
        case .heading: style = DocxRunStyle(font: fonts.heading, latin: fonts.latin)
        case .input(let input):
            style = DocxRunStyle(font: fonts.value, latin: fonts.latin, color: input.showsHint ? "808080" : nil)
        }
        // Stacked text: one character a line, which Word, WPS and LibreOffice all show alike.
        if cell.stacked { text = text.map(String.init).joined(separator: "\n") }
        p.add(text, style)
    }
}
