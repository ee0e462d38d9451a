import Foundation

/// An XLSX list: the first worksheet, its first non-empty row the header. Numbers come out as
/// Excel shows them (12.35, not 12.349999999999999); empty rows are skipped; a list with a
/// cell that cannot be read (an error value, a formula without its result) is refused. The sheet is
/// parsed once, when the list is opened, and kept for both passes of a batch.
public enum XlsxList {
    public static func open(_ url: URL) throws -> ListSource {
        let sheet = try XlsxReader(path: url, limits: .list).firstSheet()
        guard sheet.unreadable.isEmpty else {
            throw BatchListError.unreadableCells(file: url.lastPathComponent, cells: sheet.unreadable.prefix(10).map(\.description),
                                                 more: sheet.unreadable.count - min(10, sheet.unreadable.count) + sheet.unlisted)
        }
        guard let headerRow = filledRows(sheet).first else { throw BatchListError.noHeader(file: url.lastPathComponent) }
        let header = cells(sheet, row: headerRow).map { $0 ?? "" }
        return ListSource(file: url.lastPathComponent, reading: "XLSX，工作表：\(sheet.name)", header: header,
                          reader: .sheet(sheet, headerRow: headerRow))
    }

    static func forEachRecord(_ sheet: SheetContent, after headerRow: Int, _ body: (ListRecord) throws -> Void) throws {
        for row in filledRows(sheet) where row > headerRow {
            try body(ListRecord(number: row + 1, content: .cells(cells(sheet, row: row))))
        }
    }

    /// The 0-based rows that have a non-empty cell, in order.
    static func filledRows(_ sheet: SheetContent) -> [Int] {
        sheet.cells.keys.filter { row in sheet.cells[row]?.values.contains { !$0.text.isEmpty } ?? false }.sorted()
    }

    static func cells(_ sheet: SheetContent, row: Int) -> [String?] {
        (0..<sheet.columnCount).map { column in
            guard let cell = sheet[row, column] else { return nil }
            let text = cell.isNumber ? FormReader.number(cell.text) : cell.text
            return text.isEmpty ? nil : text
        }
    }
}
