import Foundation

extension TemplateInference {
    struct ListShape {
        var headingRows: Int
        /// The lowest heading over each column.
        var headings: [SourceCell]
        /// The cells of the first empty row, one per column.
        var firstRow: [SourceCell]
        var blankRows: Int
        /// Group headings over several columns, which the list keeps no row for.
        var groups: [String]
        /// What the list does not keep: a 合计 row under it, the numbers of a 序号 column.
        var dropped: [String] = []
    }

    /// The table as a list, when it is one: one or two rows of headings, each column with a
    /// heading of its own, then two or more rows of single empty cells, one per column.
    func listShape(_ table: SourceTable) -> ListShape? {
        let byRow = Dictionary(grouping: table.cells, by: \.row)
        let width = table.columnCount
        guard width >= 1, table.rowCount >= 3 else { return nil }
        for headingRows in 1...2 where table.rowCount - headingRows >= 2 {
            let heading = (0..<headingRows).flatMap { byRow[$0] ?? [] }
            guard heading.allSatisfy({ role($0) == .label && $0.lastRow < headingRows }) else { continue }
            var leaves: [SourceCell] = []
            for c in 0..<width {
                guard let leaf = heading.first(where: { $0.column == c && $0.colSpan == 1 && $0.lastRow == headingRows - 1 }) else { break }
                leaves.append(leaf)
            }
            guard leaves.count == width else { continue }
            // The row numbers a list prints in its 序号 column are not data a unit types.
            let numbered = Set(leaves.filter { Self.numberHeadings.contains(LabelText.squeezed($0.text)) }.map(\.column))
            func isEntry(_ cell: SourceCell) -> Bool {
                cell.colSpan == 1 && cell.rowSpan == 1
                    && (role(cell) == .input || (numbered.contains(cell.column) && cell.text.allSatisfy(\.isNumber)))
            }
            var body = (headingRows..<table.rowCount).map { (byRow[$0] ?? []).sorted { $0.column < $1.column } }
            // A 合计 row under the list: `collect` adds the returned lists up; the template keeps none.
            var dropped: [String] = []
            while let last = body.last, let first = last.first, Self.totalWords.contains(where: { LabelText.squeezed(first.text).hasPrefix($0) }) {
                dropped.insert(LabelText.squeezed(first.text), at: 0)
                body.removeLast()
            }
            guard body.count >= 2, body.allSatisfy({ row in row.count == width && row.allSatisfy(isEntry) }) else { continue }
            let groups = heading.filter { $0.colSpan > 1 }.sorted { $0.column < $1.column }.map { LabelText.squeezed($0.text) }
            if headingRows == 2 && groups.isEmpty { continue }
            if !numbered.isEmpty { dropped.insert("序号列的预填序号", at: 0) }
            var firstRow = body[0]
            for i in firstRow.indices where numbered.contains(firstRow[i].column) { firstRow[i].text = "" }
            return ListShape(headingRows: headingRows, headings: leaves, firstRow: firstRow, blankRows: body.count,
                             groups: groups, dropped: dropped)
        }
        return nil
    }

    static let numberHeadings: Set<String> = ["序号", "编号", "序"]
    static let totalWords = ["合计", "小计", "总计"]
}
