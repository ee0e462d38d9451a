/// `word/document.xml`: the paragraphs and the table grid, with the text of each cell.
final class DocumentHandler: XMLEventHandler {
    let limits: ReadLimits
    let file: String
    var paragraphs: [String] = []
    var tables: [[Int: [Int: String]]] = []
    /// Nothing yet: every cell's text is read as it is.
    private(set) var unreadable = UnreadableList()
    private var tableDepth = 0
    private var grid: [Int: [Int: String]] = [:]
    private var row = -1
    private var column = 0
    private var span = 1
    private var continuesMerge = false
    private var cellParagraphs: [String] = []
    private var paragraph = ""
    private var inText = false
    private var inParagraph = false

    init(limits: ReadLimits, file: String) {
        self.limits = limits
        self.file = file
    }

    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        switch name {
        case "w:tbl":
            tableDepth += 1
            if tableDepth == 1 { grid = [:]; row = -1 }
        case "w:tr" where tableDepth == 1:
            row += 1
            column = 0
            guard row < limits.rows else { return .sheetTooLarge(file: file, rows: row + 1, columns: column) }
        case "w:gridBefore" where tableDepth == 1:
            column += Int(attributes["w:val"] ?? "0") ?? 0
        case "w:tc" where tableDepth == 1:
            span = 1
            continuesMerge = false
            cellParagraphs = []
        case "w:gridSpan" where tableDepth == 1:
            span = max(1, Int(attributes["w:val"] ?? "1") ?? 1)
        case "w:vMerge" where tableDepth == 1:
            continuesMerge = attributes["w:val"] == nil || attributes["w:val"] == "continue"
        case "w:p":
            inParagraph = true
            paragraph = ""
        case "w:t": inText = true
        case "w:br", "w:cr": if inParagraph { paragraph += "\n" }
        case "w:tab": if inParagraph && !inTabStops { paragraph += "\t" }
        case "w:tabs": inTabStops = true
        default: break
        }
        return nil
    }

    private var inTabStops = false

    func end(_ name: String) {
        switch name {
        case "w:tbl":
            if tableDepth == 1 { tables.append(grid) }
            tableDepth -= 1
        case "w:tc" where tableDepth == 1:
            if !continuesMerge, column < limits.columns {
                grid[row, default: [:]][column] = cellParagraphs.joined(separator: "\n")
            }
            column += span
        case "w:p":
            inParagraph = false
            if tableDepth == 0 { paragraphs.append(paragraph) } else if tableDepth == 1 { cellParagraphs.append(paragraph) }
        case "w:t": inText = false
        case "w:tabs": inTabStops = false
        default: break
        }
    }

    func characters(_ text: String) { if inText { paragraph += text } }
}
