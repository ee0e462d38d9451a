import Foundation

/// `word/document.xml` read as a person sees it in Word with every tracked change accepted:
///
/// - inserted and moved-in text counts; deleted and moved-away text does not, nor the old
///   properties a change keeps (an old `w:gridSpan` must not move the cells after it);
///   a deleted paragraph mark joins its paragraph to the next;
/// - a content control shows its content, unless it is showing its placeholder prompt;
/// - a field shows its result, never its instruction (nor fields nested in the instruction);
/// - hidden text (`w:vanish`), ruby guides and the fallback of alternate content are not
///   shown; a non-breaking hyphen is a hyphen.
///
/// What cannot be read that way is a problem of its table cell: a nested table or a text box
/// with text in it, a field marked to be updated, a tracked change to the grid itself.
final class DocumentHandler: XMLEventHandler {
    let limits: ReadLimits
    let file: String
    var paragraphs: [String] = []
    /// The Word numbering of each body paragraph (`w:numPr`), in the order of `paragraphs`.
    var numbering: [DocxParagraphNumber?] = []
    private var paragraphNumber: DocxParagraphNumber?
    /// The style of each body paragraph (`w:pStyle`), whose numbering applies when it has none of its own.
    var styles: [String?] = []
    private var paragraphStyle: String?
    var tables: [[Int: [Int: String]]] = []
    private(set) var unreadable = UnreadableList()
    /// Each table's grid, row heights and cells with their spans (see `DocxTableGeometry`).
    var geometry: [DocxTableGeometry] = []
    var page = DocxPageGeometry()
    /// Pictures and drawings in the body (text boxes are drawings too).
    var drawings = 0

    /// The open elements, innermost last, with what each one's start changed.
    private var open: [(name: String, effect: Effect)] = []
    private enum Effect { case none, unseen, placeholder, textBox }

    // The table grid.
    private var tableDepth = 0
    private var grid: [Int: [Int: String]] = [:]
    private var row = -1
    private var column = 0
    private var span = 1
    private var continuesMerge = false
    private var cellParagraphs: [String] = []
    /// The first thing wrong with the cell being read.
    private var cellProblem: CellProblem?
    private var cellLook = DocxCellGeometry.Look()

    // The text.
    private var paragraph = ""
    /// A paragraph whose mark was deleted, waiting to be joined to the next one.
    private var carried: String?
    private var markDeleted = false
    private var inText = false
    /// Elements open whose whole content Word does not show (deleted runs, old properties…).
    private var unseen = 0
    /// Content controls open that show their placeholder: their text is a prompt, not data.
    private var placeholders = 0
    /// Whether the current run is hidden text.
    private var hiddenRun = false
    /// The fields open, innermost last: whether each is past its instruction, and the
    /// instruction, for messages.
    private var fields: [(inResult: Bool, instruction: String, dirty: Bool)] = []
    /// The content controls open, innermost last: whether each shows its placeholder.
    private var contentControls: [Bool] = []
    /// The text of the text boxes open, which is not the text of their paragraph.
    private var textBoxes = 0
    private var boxText = ""

    init(limits: ReadLimits, file: String) {
        self.limits = limits
        self.file = file
    }

    /// Elements whose content is not shown: what tracked changes removed or replaced, the
    /// fallback of alternate content, the phonetic guide of ruby text.
    static let unseenElements: Set<String> = [
        "w:del", "w:moveFrom", "mc:Fallback", "w:rt", "w:rPrChange", "w:pPrChange", "w:tcPrChange", "w:trPrChange",
        "w:tblPrChange", "w:tblPrExChange", "w:sectPrChange", "w:tblGridChange", "w:numberingChange",
    ]

    private var parent: String? { open.last?.name }
    private var grandparent: String? { open.count >= 2 ? open[open.count - 2].name : nil }

    /// Whether text at this point is shown.
    private var visible: Bool {
        unseen == 0 && placeholders == 0 && !hiddenRun && fields.allSatisfy(\.inResult)
    }

    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        var effect = Effect.none
        defer { open.append((name, effect)) }
        if unseen > 0 { return nil }
        if name == "w:del" || name == "w:ins" { trackedMark(name) }
        if Self.unseenElements.contains(name) {
            unseen += 1
            effect = .unseen
            return nil
        }
        if textBoxes > 0 {
            if name == "w:txbxContent" { textBoxes += 1; effect = .textBox }
            if name == "w:t" { inText = true }
            return nil
        }
        switch name {
        case "w:tbl":
            flushCarried()
            tableDepth += 1
            if tableDepth == 1 {
                grid = [:]
                row = -1
                geometry.append(DocxTableGeometry(paragraphsBefore: paragraphs.count))
            }
        case "w:gridCol" where tableDepth == 1:
            geometry[geometry.count - 1].gridColumns.append(Int(attributes["w:w"] ?? "") ?? 0)
        case "w:trHeight" where tableDepth == 1 && row >= 0:
            if let height = attributes["w:val"].flatMap({ Int($0) }) { geometry[geometry.count - 1].rowHeights[row] = height }
        case "w:vAlign" where tableDepth == 1 && parent == "w:tcPr":
            cellLook.vertical = attributes["w:val"]
        case "w:jc" where tableDepth == 1 && parent == "w:pPr" && cellParagraphs.isEmpty:
            cellLook.horizontal = attributes["w:val"]
        case "w:shd" where tableDepth == 1 && parent == "w:tcPr":
            let fill = (attributes["w:fill"] ?? "auto").uppercased()
            if fill != "AUTO" && fill != "FFFFFF" { cellLook.shaded = true }
        case "w:color" where parent == "w:rPr":
            let colour = (attributes["w:val"] ?? "auto").uppercased()
            if tableDepth == 1 && colour != "AUTO" && colour != "000000" { cellLook.colour = colour }
        case "w:drawing", "w:pict":
            drawings += 1
        case "w:pgSz":
            page.width = attributes["w:w"].flatMap { Int($0) }
            page.height = attributes["w:h"].flatMap { Int($0) }
            page.orientation = attributes["w:orient"]
        case "w:pgMar":
            page.margins = ["w:top", "w:bottom", "w:left", "w:right"].map { attributes[$0].flatMap { Int($0) } }
        case "w:tr" where tableDepth == 1:
            row += 1
            column = 0
            guard row < limits.rows else { return .sheetTooLarge(file: file, rows: row + 1, columns: column) }
        case "w:gridBefore" where tableDepth == 1:
            column += Int(attributes["w:val"] ?? "0") ?? 0
        case "w:tc" where tableDepth == 1:
            span = 1
            continuesMerge = false
            cellLook = DocxCellGeometry.Look()
            cellParagraphs = []
            cellProblem = nil
        case "w:gridSpan" where tableDepth == 1:
            span = max(1, Int(attributes["w:val"] ?? "1") ?? 1)
        case "w:vMerge" where tableDepth == 1:
            continuesMerge = attributes["w:val"] == nil || attributes["w:val"] == "continue"
        case "w:cellIns" where tableDepth == 1: noteCell(.trackedTableChange("插入的单元格"))
        case "w:cellDel" where tableDepth == 1: noteCell(.trackedTableChange("删除的单元格"))
        case "w:cellMerge" where tableDepth == 1: noteCell(.trackedTableChange("合并的单元格"))
        case "w:p":
            paragraph = carried ?? ""
            carried = nil
            markDeleted = false
            paragraphNumber = nil
            paragraphStyle = nil
        case "w:pStyle" where parent == "w:pPr" && tableDepth == 0:
            paragraphStyle = attributes["w:val"]
        case "w:ilvl" where parent == "w:numPr" && tableDepth == 0:
            let level = Int(attributes["w:val"] ?? "0") ?? 0
            paragraphNumber = DocxParagraphNumber(numberingID: paragraphNumber?.numberingID ?? "", level: level)
        case "w:numId" where parent == "w:numPr" && tableDepth == 0:
            paragraphNumber = DocxParagraphNumber(numberingID: attributes["w:val"] ?? "", level: paragraphNumber?.level ?? 0)
        case "w:r":
            hiddenRun = false
        case "w:vanish" where parent == "w:rPr" && grandparent == "w:r":
            hiddenRun = Self.isOn(attributes["w:val"])
        case "w:t":
            inText = true
        case "w:br", "w:cr": if parent == "w:r" { add("\n") }
        case "w:tab", "w:ptab": if parent == "w:r" { add("\t") }
        case "w:noBreakHyphen": if parent == "w:r" { add("-") }
        case "w:fldChar":
            switch attributes["w:fldCharType"] {
            case "begin": fields.append((false, "", Self.isOn(attributes["w:dirty"], default: false)))
            case "separate": if !fields.isEmpty { fields[fields.count - 1].inResult = true }
            case "end": endField()
            default: break
            }
        case "w:fldSimple":
            fields.append((true, attributes["w:instr"] ?? "", Self.isOn(attributes["w:dirty"], default: false)))
        case "w:instrText":
            inText = true
        case "w:sdt":
            contentControls.append(false)
        case "w:showingPlcHdr" where !contentControls.isEmpty:
            contentControls[contentControls.count - 1] = Self.isOn(attributes["w:val"])
        case "w:sdtContent" where contentControls.last == true:
            placeholders += 1
            effect = .placeholder
        case "w:txbxContent":
            textBoxes += 1
            effect = .textBox
            boxText = ""
        default: break
        }
        return nil
    }

    func end(_ name: String) {
        guard let (_, effect) = open.popLast() else { return }
        switch effect {
        case .unseen:
            unseen -= 1
            return
        case .placeholder:
            placeholders -= 1
        case .textBox:
            textBoxes -= 1
            if textBoxes == 0 { endTextBox() }
            return
        case .none:
            break
        }
        if unseen > 0 { return }
        if textBoxes > 0 {
            if name == "w:t" { inText = false }
            if name == "w:p", !boxText.isEmpty, !boxText.hasSuffix("\n") { boxText += "\n" }
            return
        }
        switch name {
        case "w:tbl":
            if tableDepth == 1 { tables.append(grid) }
            tableDepth -= 1
        case "w:tc" where tableDepth == 1:
            flushCarried()
            if let cellProblem { problem(cellProblem, column: column) }
            if !continuesMerge, column < limits.columns {
                grid[row, default: [:]][column] = cellParagraphs.joined(separator: "\n")
            }
            placeGeometry()
            column += span
        case "w:p":
            if markDeleted {
                carried = paragraph
            } else if tableDepth == 0 {
                paragraphs.append(paragraph)
                numbering.append(paragraphNumber.flatMap { $0.numberingID.isEmpty || $0.numberingID == "0" ? nil : $0 })
                styles.append(paragraphStyle)
            } else if tableDepth == 1 {
                cellParagraphs.append(paragraph)
            } else if !paragraph.isEmpty {
                noteCell(.nestedTable)
            }
        case "w:r": hiddenRun = false
        case "w:t", "w:instrText": inText = false
        case "w:fldSimple": endField()
        case "w:sdt": _ = contentControls.popLast()
        case "w:body": flushCarried()
        default: break
        }
    }

    func characters(_ text: String) {
        guard inText, unseen == 0 else { return }
        if textBoxes > 0 {
            if placeholders == 0, !hiddenRun { boxText += text }
        } else if open.last?.name == "w:instrText" {
            if !fields.isEmpty { fields[fields.count - 1].instruction += text }
        } else if visible {
            paragraph += text
        }
    }

    private func add(_ text: String) { if visible { paragraph += text } }

    /// The cell that ends in the table's geometry: a cell of its own, or one more row of the
    /// cell above it that its `w:vMerge` continues.
    private func placeGeometry() {
        guard !geometry.isEmpty else { return }
        let t = geometry.count - 1
        if continuesMerge,
           let above = geometry[t].cells.lastIndex(where: { $0.column == column && $0.row + $0.rowSpan == row }) {
            geometry[t].cells[above].rowSpan += 1
        } else {
            geometry[t].cells.append(DocxCellGeometry(row: row, column: column, rowSpan: 1, colSpan: span, look: cellLook))
        }
    }

    /// A `w:del` or `w:ins` that marks a paragraph or a row rather than wrapping runs.
    private func trackedMark(_ name: String) {
        if name == "w:del", parent == "w:rPr", grandparent == "w:pPr" { markDeleted = true }
        if name == "w:del", parent == "w:trPr", tableDepth == 1 { problem(.trackedTableChange("删除的行"), column: nil) }
    }

    private func endField() {
        guard let field = fields.popLast() else { return }
        if field.dirty { noteCell(.fieldToUpdate(instruction: field.instruction.trimmingCharacters(in: .whitespaces))) }
    }

    private func endTextBox() {
        let text = boxText.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        if tableDepth == 0 { paragraphs.append(contentsOf: text.components(separatedBy: "\n")) } else { noteCell(.textBox) }
    }

    /// Paragraphs whose mark was deleted join the next one; at the end of their cell or body
    /// there is no next one, and they stand on their own.
    private func flushCarried() {
        guard let text = carried else { return }
        carried = nil
        if tableDepth == 0 { paragraphs.append(text) } else if tableDepth == 1 { cellParagraphs.append(text) }
    }

    /// A problem of the table cell being read (outside tables: of nothing a form reads).
    private func noteCell(_ problem: CellProblem) {
        if tableDepth >= 1, cellProblem == nil { cellProblem = problem }
    }

    private func problem(_ problem: CellProblem, column: Int?) {
        unreadable.append(UnreadableCell(place: .table(tables.count, row: row, column: column), problem: problem))
    }

    /// A WordprocessingML on/off value: absent is on (`<w:vanish/>`), `false`, `0`, `off` are off.
    static func isOn(_ value: String?, default absent: Bool = true) -> Bool {
        guard let value else { return absent }
        return !["false", "0", "off"].contains(value)
    }
}
