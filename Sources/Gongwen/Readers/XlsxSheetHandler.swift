/// A worksheet's `sheetData`: each cell placed by its reference and decoded by its type.
/// A cell that cannot be read, or cannot be placed (a malformed reference, a cell outside its
/// row, the same cell twice), goes to `unreadable` with the reason; parsing goes on, so that
/// one report lists every such cell of the sheet.
final class SheetHandler: XMLEventHandler {
    let decoder: XlsxCellDecoder
    let limits: ReadLimits
    let file: String
    var cells: [Int: [Int: CellText]] = [:]
    private(set) var unreadable = UnreadableList()
    var maxRow = -1
    var maxColumn = -1
    private var row = 0, column = 0, nextColumn = 0, nextRow = 0
    /// The row element's own number is malformed: its cells cannot be placed.
    private var rowIsUnplaced = false
    /// The columns of the current row element a `<c>` was written at, to find one written
    /// twice; a row written twice is caught when its cells are stored. Per row, so that a
    /// list of a million rows does not keep a second index of its cells.
    private var columnsSeen = Set<Int>()
    private var cell = XlsxRawCell()
    /// Whether the current `<c>` is placed; one that is not is read past.
    private var placed = false
    private var inCell = false, inValue = false, inFormula = false, inInline = false
    private var inline = RichText()

    init(decoder: XlsxCellDecoder, limits: ReadLimits, file: String) {
        self.decoder = decoder
        self.limits = limits
        self.file = file
    }

    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        let name = local(name)
        if inInline {
            inline.start(name)
            return nil
        }
        switch name {
        case "row":
            rowIsUnplaced = false
            if let raw = attributes["r"] {
                if let number = Int(raw), number >= 1, number <= XlsxReference.lastRow + 1 {
                    row = number - 1
                } else {
                    rowIsUnplaced = true
                    unreadable.append(UnreadableCell(place: CellPlace(row: nil, column: nil, reference: "第 \(CellProblem.shortened(raw)) 行"),
                                                     problem: .malformedRowNumber(raw)))
                }
            } else {
                row = nextRow
            }
            nextRow = row + 1
            nextColumn = 0
            columnsSeen.removeAll(keepingCapacity: true)
        case "c":
            inCell = true
            cell = XlsxRawCell(type: attributes["t"] ?? "n", style: attributes["s"].flatMap { Int($0) } ?? 0)
            return place(attributes["r"])
        case "v" where inCell:
            inValue = true
            cell.value = cell.value ?? ""
        case "f" where inCell:
            inFormula = true
            cell.formula = cell.formula ?? ""
        case "is" where inCell:
            inInline = true
            inline = RichText()
        case "dimension":
            if let ref = attributes["ref"], let last = ref.split(separator: ":").last, let end = XlsxReference.position(of: String(last)),
               end.row >= limits.rows || end.column >= limits.columns {
                return .sheetTooLarge(file: file, rows: end.row + 1, columns: end.column + 1)
            }
        default: break
        }
        return nil
    }

    /// Places the cell that starts: at its reference, or after the previous cell of the row.
    private func place(_ reference: String?) -> ReadError? {
        placed = false
        guard !rowIsUnplaced else { return nil }
        if let reference {
            guard let position = XlsxReference.position(of: reference) else {
                unreadable.append(UnreadableCell(place: CellPlace(row: nil, column: nil, reference: CellProblem.shortened(reference)),
                                                 problem: .malformedReference(reference)))
                return nil
            }
            guard position.row == row else {
                unreadable.append(UnreadableCell(place: .sheet(row: position.row, column: position.column), problem: .outsideItsRow(row: row)))
                return nil
            }
            column = position.column
        } else {
            column = nextColumn
        }
        nextColumn = column + 1
        guard row < limits.rows, column < limits.columns else {
            return .sheetTooLarge(file: file, rows: row + 1, columns: column + 1)
        }
        guard columnsSeen.insert(column).inserted else {
            problem(.duplicate)
            return nil
        }
        placed = true
        return nil
    }

    func end(_ name: String) {
        let name = local(name)
        if inInline {
            if name == "is" {
                inInline = false
                cell.inline = (cell.inline ?? "") + inline.text
            } else {
                inline.end(name)
            }
            return
        }
        switch name {
        case "c":
            inCell = false
            guard placed else { return }
            do throws(CellProblem) {
                guard let text = try decoder.decode(cell) else { return }
                guard cells[row]?[column] == nil else { throw CellProblem.duplicate }
                store(text)
            } catch {
                problem(error)
            }
        case "v": inValue = false
        case "f": inFormula = false
        default: break
        }
    }

    private func store(_ text: CellText) {
        cells[row, default: [:]][column] = text
        extend(row, column)
    }

    /// A problem of the cell at the current row and column; the sheet extends to it, so that
    /// a reader going over the sheet's rows reaches it and names its field.
    private func problem(_ problem: CellProblem) {
        unreadable.append(UnreadableCell(place: .sheet(row: row, column: column), problem: problem))
        extend(row, column)
    }

    private func extend(_ row: Int, _ column: Int) {
        maxRow = max(maxRow, row)
        maxColumn = max(maxColumn, column)
    }

    func characters(_ text: String) {
        if inInline {
            inline.characters(text)
        } else if inValue {
            cell.value? += text
        } else if inFormula {
            cell.formula? += text
        }
    }
}
