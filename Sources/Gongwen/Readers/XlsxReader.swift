import Foundation

/// The cells of one worksheet as a reader sees them: text as Excel reads it, numbers as the
/// digits Excel wrote, so that 12.35 stays 12.35.
public struct SheetContent: Sendable {
    public var name: String
    /// Row → column → value, both 0-based.
    public var cells: [Int: [Int: CellText]]
    public var rowCount: Int
    public var columnCount: Int

    public subscript(row: Int, column: Int) -> CellText? { cells[row]?[column] }
}

/// A cell's content: `text` is what the cell shows, `isNumber` whether Excel stored a number.
public struct CellText: Sendable, Equatable {
    public var text: String
    public var isNumber: Bool
}

/// Reads XLSX workbooks written by us, by Excel, WPS or LibreOffice: shared strings, inline
/// strings, numbers, booleans and cached formula results, text decoded as `Xstring` the way
/// Excel reads it; renamed sheets are found through the workbook's relationships, not by name.
public struct XlsxReader {
    public let archive: OfficeArchive

    public init(path: URL, limits: ReadLimits = .form) throws(ReadError) {
        archive = try OfficeArchive(path: path, limits: limits, requiring: "xl/workbook.xml")
    }

    /// The first worksheet in the workbook's order.
    public func firstSheet() throws(ReadError) -> SheetContent {
        let sheets = try sheetTargets()
        guard let first = sheets.first else { throw .missingPart(file: archive.name, part: "xl/worksheets/sheet1.xml") }
        return try sheet(at: first.path, name: first.name)
    }

    /// Sheet names and part paths, in workbook order.
    func sheetTargets() throws(ReadError) -> [(name: String, path: String)] {
        let workbook = SheetListHandler()
        try archive.parse(archive.required("xl/workbook.xml"), part: "xl/workbook.xml", workbook)
        let rels = RelationshipHandler()
        if let data = try archive.data("xl/_rels/workbook.xml.rels") {
            try archive.parse(data, part: "xl/_rels/workbook.xml.rels", rels)
        }
        return workbook.sheets.map { sheet in
            var target = rels.targets[sheet.relationship] ?? "worksheets/sheet1.xml"
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            return (sheet.name, target)
        }
    }

    func sheet(at path: String, name: String) throws(ReadError) -> SheetContent {
        var shared: [String] = []
        if let data = try archive.data("xl/sharedStrings.xml") {
            let handler = SharedStringsHandler()
            try archive.parse(data, part: "xl/sharedStrings.xml", handler)
            shared = handler.strings
        }
        let handler = SheetHandler(shared: shared, limits: archive.limits, file: archive.name)
        try archive.parse(archive.required(path), part: path, handler)
        return SheetContent(name: name, cells: handler.cells, rowCount: handler.maxRow + 1, columnCount: handler.maxColumn + 1)
    }
}

/// `xl/workbook.xml`: the sheets and their relationship ids.
private final class SheetListHandler: XMLEventHandler {
    var sheets: [(name: String, relationship: String)] = []
    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        if name.hasSuffix("sheet"), name == "sheet" || name.hasSuffix(":sheet"),
           let rid = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value {
            sheets.append((Xstring.decoded(attributes["name"] ?? ""), rid))
        }
        return nil
    }
    func end(_ name: String) {}
    func characters(_ text: String) {}
}

/// A `.rels` part: relationship id → target.
final class RelationshipHandler: XMLEventHandler {
    var targets: [String: String] = [:]
    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        if name == "Relationship" || name.hasSuffix(":Relationship"), let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
        return nil
    }
    func end(_ name: String) {}
    func characters(_ text: String) {}
}

/// `xl/sharedStrings.xml`: each `si` is the text of its `t` elements, phonetic runs left out.
private final class SharedStringsHandler: XMLEventHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        switch local(name) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
        return nil
    }

    func end(_ name: String) {
        switch local(name) {
        case "si": strings.append(Xstring.decoded(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func characters(_ text: String) { if inText { current += text } }
}

/// A worksheet's `sheetData`: cells by reference, values resolved.
private final class SheetHandler: XMLEventHandler {
    let shared: [String]
    let limits: ReadLimits
    let file: String
    var cells: [Int: [Int: CellText]] = [:]
    var maxRow = -1
    var maxColumn = -1
    private var row = 0, column = 0, nextColumn = 0, nextRow = 0
    private var type = "n"
    private var value = ""
    private var inValue = false
    private var inInline = false
    private var inCell = false

    init(shared: [String], limits: ReadLimits, file: String) {
        self.shared = shared
        self.limits = limits
        self.file = file
    }

    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        switch local(name) {
        case "row":
            row = attributes["r"].flatMap { Int($0) }.map { $0 - 1 } ?? nextRow
            nextRow = row + 1
            nextColumn = 0
        case "c":
            if let ref = attributes["r"], let parsed = XlsxReference.position(of: ref) {
                row = parsed.row
                column = parsed.column
            } else {
                column = nextColumn
            }
            nextColumn = column + 1
            guard row < limits.rows, column < limits.columns else {
                return .sheetTooLarge(file: file, rows: row + 1, columns: column + 1)
            }
            type = attributes["t"] ?? "n"
            value = ""
            inCell = true
        case "v": inValue = inCell
        case "is": inInline = true
        case "t": inValue = inInline
        case "dimension":
            if let ref = attributes["ref"], let last = ref.split(separator: ":").last, let end = XlsxReference.position(of: String(last)),
               end.row >= limits.rows || end.column >= limits.columns {
                return .sheetTooLarge(file: file, rows: end.row + 1, columns: end.column + 1)
            }
        default: break
        }
        return nil
    }

    func end(_ name: String) {
        switch local(name) {
        case "c":
            inCell = false
            let cell: CellText?
            switch type {
            case "s": cell = Int(value).flatMap { $0 < shared.count ? CellText(text: shared[$0], isNumber: false) : nil }
            case "inlineStr", "str": cell = CellText(text: Xstring.decoded(value), isNumber: false)
            case "b": cell = CellText(text: value == "1" ? "TRUE" : "FALSE", isNumber: false)
            case "e": cell = nil
            default: cell = value.isEmpty ? nil : CellText(text: value, isNumber: true)
            }
            if let cell {
                cells[row, default: [:]][column] = cell
                maxRow = max(maxRow, row)
                maxColumn = max(maxColumn, column)
            }
        case "v", "t": inValue = false
        case "is": inInline = false
        default: break
        }
    }

    func characters(_ text: String) { if inValue { value += text } }
}

/// The local part of a qualified name (`x:c` → `c`).
func local(_ name: String) -> Substring {
    guard let colon = name.firstIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
}
