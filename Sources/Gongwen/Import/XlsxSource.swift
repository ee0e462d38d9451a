import Foundation

/// Reads the first worksheet of an XLSX as a `SourceDocument`: the table is the block of
/// ruled rows (or, in a sheet without borders, the rows between the lines that stand alone),
/// merged ranges are its spans, and the lines above and below it are the title, header and
/// notes.
struct XlsxSource {
    let reader: XlsxReader

    func document() throws(ReadError) -> SourceDocument {
        let content = try reader.firstSheet()
        let layout = try reader.firstSheetLayout()
        var warnings: [ImportWarning] = []
        let sheets = (try? reader.sheetTargets().count) ?? 1
        if sheets > 1 { warnings.append(.otherSheetsIgnored(count: sheets - 1)) }

        // Every merged range by its top-left place, and the places it covers.
        var merges: [[Int]: XlsxRange] = [:]
        var covered = Set<[Int]>()
        for m in layout.merges {
            merges[[m.firstRow, m.firstColumn]] = m
            for r in m.firstRow...m.lastRow {
                for c in m.firstColumn...m.lastColumn where !(r == m.firstRow && c == m.firstColumn) { covered.insert([r, c]) }
            }
        }
        func text(_ r: Int, _ c: Int) -> String { content[r, c]?.text ?? "" }
        func bordered(_ r: Int, _ c: Int) -> Bool { layout.style(r, c)?.bordered ?? false }

        let lastRow = max(content.rowCount - 1, (layout.styles.keys.max() ?? -1), layout.merges.map(\.lastRow).max() ?? -1)
        let lastColumn = max(content.columnCount - 1, layout.styles.values.flatMap(\.keys).max() ?? -1,
                             layout.merges.map(\.lastColumn).max() ?? -1)
        guard lastRow >= 0, lastColumn >= 0 else { return empty(warnings) }

        // The table: the first run of rows with ruled cells; without any, the rows that hold
        // more than one cell of text (a title or a note is one merged or lone cell).
        let ruledRows = (0...lastRow).filter { r in (0...lastColumn).contains { bordered(r, $0) } }
        var top: Int, bottom: Int, left: Int, right: Int
        if let first = ruledRows.first {
            top = first
            bottom = first
            while ruledRows.contains(bottom + 1) { bottom += 1 }
            let columns = (top...bottom).flatMap { r in (0...lastColumn).filter { bordered(r, $0) } }
            left = columns.min() ?? 0
            right = columns.max() ?? lastColumn
        } else {
            func isLine(_ r: Int) -> Bool {
                let filled = (0...lastColumn).filter { !text(r, $0).isEmpty && !covered.contains([r, $0]) }
                return filled.count <= 1
            }
            let tableRows = (0...lastRow).filter { !isLine($0) }
            guard let first = tableRows.first, let last = tableRows.last else { return empty(warnings) }
            top = first
            bottom = last
            left = 0
            right = lastColumn
        }
        // A merge that starts inside the table and runs past its edge belongs to it.
        for (place, m) in merges where (top...bottom).contains(place[0]) && (left...right).contains(place[1]) {
            bottom = max(bottom, m.lastRow)
            right = max(right, m.lastColumn)
        }

        var cells: [SourceCell] = []
        for r in top...bottom {
            for c in left...right where !covered.contains([r, c]) {
                let m = merges[[r, c]]
                let style = layout.style(r, c)
                var cell = SourceCell(row: r - top, column: c - left,
                                      rowSpan: m.map { min($0.lastRow, bottom) - r + 1 } ?? 1,
                                      colSpan: m.map { min($0.lastColumn, right) - c + 1 } ?? 1,
                                      text: text(r, c), place: XlsxReference.cell(row: r, column: c))
                cell.stacked = style?.stacked ?? false
                if let stackedText = LabelText.unstacked(cell.text) {
                    cell.stacked = true
                    cell.text = stackedText
                }
                cell.horizontal = style?.horizontal.flatMap(Self.horizontal)
                cell.vertical = style?.vertical.flatMap(Self.vertical)
                cell.validation = layout.validation(r, c)
                cells.append(cell)
            }
        }

        var above: [String] = [], below: [String] = []
        for r in 0...lastRow where !(top...bottom).contains(r) {
            let line = (0...lastColumn).map { text(r, $0) }.filter { !$0.isEmpty }.joined(separator: " ")
            guard !line.isEmpty else { continue }
            if r < top { above.append(line) } else { below.append(line) }
        }
        for r in top...bottom {
            for c in 0...lastColumn where !(left...right).contains(c) && !text(r, c).isEmpty {
                warnings.append(.textDropped(place: XlsxReference.cell(row: r, column: c), text: text(r, c)))
            }
        }

        let widths = (left...right).map { c in Self.characters(layout.columnWidths[c] ?? layout.defaultColumnWidth ?? 9.14) }
        let heights = (top...bottom).map { layout.rowHeights[$0] }

        if layout.hasDrawing { warnings.append(.picturesDropped(count: 1)) }
        if layout.hasComments { warnings.append(.commentsDropped) }
        if !layout.formulas.isEmpty { warnings.append(.formulasDropped(places: layout.formulas)) }
        let coloured = layout.styles.sorted { $0.key < $1.key }.flatMap { r, row in
            row.sorted { $0.key < $1.key }.filter { Self.isColoured($0.value) }.map { XlsxReference.cell(row: r, column: $0.key) }
        }
        if !coloured.isEmpty { warnings.append(.coloursDropped(places: coloured)) }

        return SourceDocument(linesAbove: above, linesBelow: below,
                              table: SourceTable(columnWidths: widths, rowHeights: heights, cells: cells),
                              page: page(layout), warnings: warnings)
    }

    private func empty(_ warnings: [ImportWarning]) -> SourceDocument {
        SourceDocument(linesAbove: [], linesBelow: [], table: SourceTable(columnWidths: [], rowHeights: [], cells: []),
                       page: nil, warnings: warnings)
    }

    /// Excel's written width (the character count and five pixels of padding, at seven
    /// pixels a character) back to characters, to the half.
    static func characters(_ written: Double) -> Double {
        let characters = (written * 7 - 5) / 7
        return max(1, (characters * 2).rounded() / 2)
    }

    static func horizontal(_ value: String) -> HorizontalAlignment? {
        switch value {
        case "left": .left
        case "right": .right
        case "center", "centerContinuous", "distributed", "justify": .center
        default: nil
        }
    }

    static func vertical(_ value: String) -> VerticalAlignment? {
        switch value {
        case "top": .top
        case "center", "justify", "distributed": .center
        case "bottom": .bottom
        default: nil
        }
    }

    /// A fill, or a text colour other than black, automatic or the grey of a hint.
    static func isColoured(_ style: XlsxCellFormat) -> Bool {
        if style.filled { return true }
        guard let colour = style.fontColour?.uppercased() else { return false }
        return !["FF000000", "000000", "FF808080", "808080", "THEME1", "INDEXED8", "INDEXED64"].contains(colour)
    }

    private func page(_ layout: XlsxSheetLayout) -> PageSetup? {
        guard layout.orientation != nil || layout.margins != nil else { return nil }
        var page = PageSetup(orientation: layout.orientation == "landscape" ? .landscape : .portrait)
        if let m = layout.margins {
            func mm(_ inches: Double) -> Double { (inches * 25.4 * 10).rounded() / 10 }
            page.margins = Margins(top: mm(m.top), bottom: mm(m.bottom), left: mm(m.left), right: mm(m.right))
        }
        return page
    }
}
