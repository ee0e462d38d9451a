import Foundation

extension TemplateInference {
    /// 附件, 附件1, 附件 2： on a line of its own: the notice's mark for its attachment, not
    /// part of the form (a notice prints its own).
    static func isAttachmentMark(_ line: String) -> Bool {
        var t = Substring(LabelText.squeezed(line))
        guard t.hasPrefix("附件") else { return false }
        t = t.dropFirst(2)
        while let last = t.last, last == "：" || last == ":" { t = t.dropLast() }
        return t.allSatisfy { $0.isNumber }
    }

    /// Rows of the table that are lines of the page: a first row that is one cell across the
    /// whole table holding text (a title or header line inside the ruled block, as many
    /// sheets have it), and last rows of that shape that begin with 注.
    func peelLines(_ document: inout SourceDocument) {
        func line(_ row: Int) -> String? {
            let cells = document.table.cells.filter { $0.row == row }
            guard cells.count == 1, let cell = cells.first, cell.rowSpan == 1, cell.colSpan == document.table.columnCount,
                  role(cell) == .label else { return nil }
            return cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func drop(_ row: Int) {
            var t = document.table
            t.cells.removeAll { $0.row == row }
            for i in t.cells.indices where t.cells[i].row > row { t.cells[i].row -= 1 }
            t.rowHeights.remove(at: row)
            document.table = t
        }
        while document.table.rowCount > 2, let text = line(0) {
            document.linesAbove.append(text)
            drop(0)
        }
        var notes: [String] = []
        while document.table.rowCount > 2, let text = line(document.table.rowCount - 1), text.hasPrefix("注") || text.hasPrefix("备注") {
            notes.insert(text, at: 0)
            drop(document.table.rowCount - 1)
        }
        document.linesBelow = notes + document.linesBelow
    }
}
