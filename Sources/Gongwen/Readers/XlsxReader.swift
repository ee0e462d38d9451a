import Foundation

/// The cells of one worksheet as a reader sees them: text as Excel reads it, numbers as the
/// digits Excel wrote, so that 12.35 stays 12.35.
public struct SheetContent: Sendable {
    public var name: String
    /// The sheet's part, for messages: xl/worksheets/sheet1.xml.
    public var part: String = ""
    /// Row → column → value, both 0-based.
    public var cells: [Int: [Int: CellText]]
    public var rowCount: Int
    public var columnCount: Int
    /// The cells that hold something that cannot be read, in the order of the sheet (the
    /// first hundred), kept apart from `cells` so that no reader takes them for blank ones;
    /// and how many more there are.
    public var unreadable: [UnreadableCell] = []
    public var unlisted = 0

    public subscript(row: Int, column: Int) -> CellText? { cells[row]?[column] }
}

/// A cell's content: `text` is what the cell shows, `isNumber` whether Excel stored a number.
public struct CellText: Sendable, Equatable {
    public var text: String
    public var isNumber: Bool
    /// How Excel shows the cell when that is not `text` as a plain string or number; a
    /// reader of a form decides by the field whether that is readable.
    public var shown: Shown? = nil

    public enum Shown: Sendable, Equatable {
        /// A boolean, shown TRUE or FALSE.
        case boolean(Bool)
        /// A number (or a date cell) shown as a date: the date read, nil when Excel can show
        /// no date for it.
        case date(String?)
    }
}

/// Reads XLSX workbooks written by us, by Excel, WPS or LibreOffice: shared strings, inline
/// strings, numbers, booleans, dates and cached formula results; renamed sheets, shared
/// strings and styles are found through the workbook's relationships, not by name. A cell
/// that cannot be read (an error value, a formula without its result, a shared string that
/// is not there) is listed in `SheetContent.unreadable`, never taken for blank.
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
        let (workbook, rels) = try workbookParts()
        return workbook.sheets.map { sheet in
            (sheet.name, Self.part(rels.targets[sheet.relationship] ?? "worksheets/sheet1.xml"))
        }
    }

    func sheet(at path: String, name: String) throws(ReadError) -> SheetContent {
        let (workbook, rels) = try workbookParts()
        var shared: [String]?
        let sharedPart = Self.part(rels.target(ofType: "sharedStrings") ?? "sharedStrings.xml")
        if let data = try archive.data(sharedPart) {
            let handler = SharedStringsHandler()
            try archive.parse(data, part: sharedPart, handler)
            shared = handler.strings
        }
        var formats = XlsxNumberFormats.general
        let stylesPart = Self.part(rels.target(ofType: "styles") ?? "styles.xml")
        if let data = try archive.data(stylesPart) {
            let handler = StylesHandler()
            try archive.parse(data, part: stylesPart, handler)
            formats = handler.numberFormats
        }
        let decoder = XlsxCellDecoder(shared: shared, formats: formats, date1904: workbook.date1904)
        let handler = SheetHandler(decoder: decoder, limits: archive.limits, file: archive.name)
        try archive.parse(archive.required(path), part: path, handler)
        return SheetContent(name: name, part: path, cells: handler.cells, rowCount: handler.maxRow + 1,
                            columnCount: handler.maxColumn + 1, unreadable: handler.unreadable.cells, unlisted: handler.unreadable.unlisted)
    }

    private func workbookParts() throws(ReadError) -> (SheetListHandler, RelationshipHandler) {
        let workbook = SheetListHandler()
        try archive.parse(archive.required("xl/workbook.xml"), part: "xl/workbook.xml", workbook)
        let rels = RelationshipHandler()
        if let data = try archive.data("xl/_rels/workbook.xml.rels") {
            try archive.parse(data, part: "xl/_rels/workbook.xml.rels", rels)
        }
        return (workbook, rels)
    }

    /// The styles part the workbook's relationships name.
    func stylesPart() throws(ReadError) -> String {
        Self.part(try workbookParts().1.target(ofType: "styles") ?? "styles.xml")
    }

    /// The part a workbook relationship's target names: relative to `xl/`, or absolute, with
    /// `.` and `..` resolved as a package resolves them. A target that climbs out of the
    /// package is kept as written: no part has that name, and the message shows it.
    static func part(_ target: String) -> String {
        var segments: [Substring] = target.hasPrefix("/") ? [] : ["xl"]
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return target.hasPrefix("/") ? target : "xl/" + target }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}

/// `xl/workbook.xml`: the sheets and their relationship ids, and the date system.
private final class SheetListHandler: XMLEventHandler {
    var sheets: [(name: String, relationship: String)] = []
    /// Whether day numbers count from 1904-01-01 (old Excel for the Mac) instead of 1900.
    var date1904 = false
    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        if local(name) == "workbookPr", let value = attributes["date1904"] { date1904 = value == "1" || value == "true" }
        if name.hasSuffix("sheet"), name == "sheet" || name.hasSuffix(":sheet"),
           let rid = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value {
            sheets.append((Xstring.decoded(attributes["name"] ?? ""), rid))
        }
        return nil
    }
    func end(_ name: String) {}
    func characters(_ text: String) {}
}

/// A `.rels` part: relationship id → target, and each target's type.
final class RelationshipHandler: XMLEventHandler {
    var targets: [String: String] = [:]
    private var typed: [(type: String, target: String)] = []
    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        if name == "Relationship" || name.hasSuffix(":Relationship"), let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
            typed.append((attributes["Type"] ?? "", target))
        }
        return nil
    }

    /// The target of the first relationship whose type ends in `/kind` (`sharedStrings`).
    func target(ofType kind: String) -> String? {
        typed.first { $0.type.hasSuffix("/" + kind) }?.target
    }
    func end(_ name: String) {}
    func characters(_ text: String) {}
}

/// `xl/sharedStrings.xml`: each `si` as Excel shows it.
private final class SharedStringsHandler: XMLEventHandler {
    var strings: [String] = []
    private var current = RichText()

    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        let name = local(name)
        if name == "si" { current = RichText() } else { current.start(name) }
        return nil
    }

    func end(_ name: String) {
        let name = local(name)
        if name == "si" { strings.append(Xstring.decoded(current.text)) } else { current.end(name) }
    }

    func characters(_ text: String) { current.characters(text) }
}

/// The local part of a qualified name (`x:c` → `c`).
func local(_ name: String) -> Substring {
    guard let colon = name.firstIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
}
