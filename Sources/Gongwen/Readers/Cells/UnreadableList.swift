/// The unreadable cells of one part as a report lists them: the first hundred, and how many
/// more. A sheet of a million broken cells is refused with a list a person can read, in
/// bounded memory.
struct UnreadableList {
    static let listed = 100

    var cells: [UnreadableCell] = []
    private(set) var unlisted = 0

    init(cells: [UnreadableCell] = [], unlisted: Int = 0) {
        self.cells = cells
        self.unlisted = unlisted
    }

    mutating func append(_ cell: UnreadableCell) {
        if cells.count < Self.listed { cells.append(cell) } else { unlisted += 1 }
    }
}
