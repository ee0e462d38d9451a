/// The cells of one returned form as its layout reads them, keeping what the reading finds on
/// the way: cells that cannot be read, named with the field the layout binds there; cells of
/// the wrong kind for their field (a boolean or a date where a number belongs); and cells read
/// as they show rather than as stored (a date in a text field), to tell the coordinator.
final class FormCells {
    let file: String
    let part: String
    private let place: (Int, Int) -> CellPlace
    private let content: (Int, Int) -> CellText?
    private var unreadable: UnreadableList
    /// Position → index in `unreadable`, for binding a cell the reader found to its field.
    private var unreadableAt: [Position: Int] = [:]
    /// Cells already judged for a field: the layout may ask for one cell twice.
    private var judged = Set<Position>()
    private(set) var notes: [CellNote] = []

    private struct Position: Hashable {
        var row: Int
        var column: Int
    }

    init(file: String, part: String, unreadable: [UnreadableCell], unlisted: Int = 0,
         place: @escaping (Int, Int) -> CellPlace, content: @escaping (Int, Int) -> CellText?) {
        self.file = file
        self.part = part
        self.place = place
        self.content = content
        self.unreadable = UnreadableList(cells: unreadable, unlisted: unlisted)
        for (i, cell) in unreadable.enumerated() {
            if let row = cell.place.row, let column = cell.place.column { unreadableAt[Position(row: row, column: column)] = i }
        }
    }

    /// The text of the cell at `row`, `column` as the field bound there (nil for a label)
    /// takes it; nil for an empty cell and for one that cannot be read, which `finish` reports.
    func text(_ row: Int, _ column: Int, for field: FieldDefinition?) -> String? {
        let position = Position(row: row, column: column)
        if let i = unreadableAt[position] {
            if let field, unreadable.cells[i].place.key == nil { unreadable.cells[i].place = unreadable.cells[i].place.bound(to: field) }
            return nil
        }
        guard let cell = content(row, column) else { return nil }
        guard let field, let shown = cell.shown else { return cell.isNumber ? FormReader.number(cell.text) : cell.text }
        let here = place(row, column).bound(to: field)
        let first = judged.insert(position).inserted
        switch shown {
        case .boolean(let value):
            guard field.type.isNumeric else { return cell.text }
            if first { unreadable.append(UnreadableCell(place: here, problem: .booleanInNumberField(value))) }
        case .date(let date):
            if field.type.isNumeric {
                if first { unreadable.append(UnreadableCell(place: here, problem: .dateInNumberField(shown: date ?? cell.text))) }
            } else if let date {
                if first { notes.append(CellNote(place: here, shown: date, stored: cell.text)) }
                return date
            } else if first {
                unreadable.append(UnreadableCell(place: here, problem: .dateOutOfRange(cell.text)))
            }
        }
        return nil
    }

    /// Once the layout has read what it reads: refuses the file when any cell of it could
    /// not be read, listing them in the order of the rows.
    func finish() throws(ReadError) {
        guard !unreadable.cells.isEmpty else { return }
        let ordered = unreadable.cells.enumerated().sorted { a, b in
            let left = (a.element.place.row ?? -1, a.element.place.column ?? -1, a.offset)
            let right = (b.element.place.row ?? -1, b.element.place.column ?? -1, b.offset)
            return left < right
        }.map(\.element)
        throw .unreadableCells(file: file, part: part, cells: ordered, unlisted: unreadable.unlisted)
    }
}
