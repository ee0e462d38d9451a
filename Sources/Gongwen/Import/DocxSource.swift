import Foundation

/// Reads a DOCX as a `SourceDocument`: its first table on its grid (`w:gridSpan`,
/// `w:vMerge`), the paragraphs before the table (title, header line) and after it (notes),
/// and the page of its last section.
struct DocxSource {
    let reader: DocxTableReader

    func document() throws(ReadError) -> SourceDocument? {
        let content = try reader.content()
        guard let geometry = content.geometry.first, let grid = content.tables.first, !geometry.cells.isEmpty else { return nil }
        var warnings: [ImportWarning] = []
        var cells: [SourceCell] = []
        var coloured: [String] = []
        for g in geometry.cells {
            let place = "表格第 \(g.row + 1) 行第 \(g.column + 1) 列"
            var cell = SourceCell(row: g.row, column: g.column, rowSpan: g.rowSpan, colSpan: g.colSpan,
                                  text: grid[g.row]?[g.column] ?? "", place: place)
            if let stackedText = LabelText.unstacked(cell.text) {
                cell.stacked = true
                cell.text = stackedText
            }
            cell.horizontal = g.look.horizontal.flatMap(Self.horizontal)
            cell.vertical = g.look.vertical.flatMap(XlsxSource.vertical)
            if g.look.shaded || (g.look.colour.map { $0 != "808080" } ?? false) { coloured.append(place) }
            cells.append(cell)
        }
        let columnCount = max(geometry.gridColumns.count, cells.map { $0.column + $0.colSpan }.max() ?? 0)
        let rowCount = (cells.map { $0.row + $0.rowSpan }.max() ?? 0)
        // A twip is a twentieth of a point; a spreadsheet character is about 105 twips wide.
        let widths = (0..<columnCount).map { c in
            c < geometry.gridColumns.count && geometry.gridColumns[c] > 0 ? max(1, (Double(geometry.gridColumns[c]) / 105 * 2).rounded() / 2) : 9
        }
        let heights: [Double?] = (0..<rowCount).map { r in geometry.rowHeights[r].map { (Double($0) / 20 * 10).rounded() / 10 } }

        let end = content.geometry.count > 1 ? content.geometry[1].paragraphsBefore : content.paragraphs.count
        func lines(_ range: Range<Int>) -> [String] {
            content.paragraphs[range].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
        let above = lines(0..<geometry.paragraphsBefore)
        let below = lines(geometry.paragraphsBefore..<end)
        if content.geometry.count > 1 {
            warnings.append(.textDropped(place: "第 2–\(content.geometry.count) 个表格", text: "只导入第一个表格"))
            for line in lines(end..<content.paragraphs.count) { warnings.append(.textDropped(place: "正文", text: line)) }
        }
        if content.drawings > 0 { warnings.append(.picturesDropped(count: content.drawings)) }
        if !coloured.isEmpty { warnings.append(.coloursDropped(places: coloured)) }
        return SourceDocument(linesAbove: above, linesBelow: below,
                              table: SourceTable(columnWidths: widths, rowHeights: heights, cells: cells),
                              page: page(content.page), warnings: warnings)
    }

    static func horizontal(_ value: String) -> HorizontalAlignment? {
        switch value {
        case "left", "start", "both", "distribute": .left
        case "right", "end": .right
        case "center": .center
        default: nil
        }
    }

    private func page(_ page: DocxPageGeometry) -> PageSetup? {
        guard page.width != nil || page.orientation != nil || !page.margins.isEmpty else { return nil }
        let landscape = page.orientation == "landscape" || (page.width ?? 0) > (page.height ?? Int.max)
        var setup = PageSetup(orientation: landscape ? .landscape : .portrait)
        if page.margins.count == 4, let t = page.margins[0], let b = page.margins[1], let l = page.margins[2], let r = page.margins[3] {
            func mm(_ twips: Int) -> Double { (Double(twips) / 1440 * 25.4 * 10).rounded() / 10 }
            setup.margins = Margins(top: mm(t), bottom: mm(b), left: mm(l), right: mm(r))
        }
        return setup
    }
}
