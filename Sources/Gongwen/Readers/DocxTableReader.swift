import Foundation

/// The paragraphs and tables of a DOCX body, as text: enough to read a filled form back from
/// the table cells of its layout. Cells spanned by `w:gridSpan` and `w:vMerge` are placed on
/// the grid the way Word lays them out; the text is what Word shows with every tracked change
/// accepted (see `DocumentHandler`).
public struct DocxContent: Sendable {
    /// Body paragraphs outside tables, in order.
    public var paragraphs: [String]
    /// Each table: grid row → grid column → the text of the cell that starts there.
    public var tables: [[Int: [Int: String]]]
    /// The cells whose text is not what Word shows in them (a nested table, a text box, a
    /// field to be updated, a tracked change to the grid), the first hundred of them; and how
    /// many more there are.
    public var unreadable: [UnreadableCell] = []
    public var unlisted = 0
    /// Each table's columns, rows and cells with their spans, in the order of `tables`.
    public var geometry: [DocxTableGeometry] = []
    /// The page of the body's last section.
    public var page = DocxPageGeometry()
    /// Pictures and drawings in the body.
    public var drawings = 0
    /// Each body paragraph's automatic numbering (`w:numPr`), parallel to `paragraphs`.
    public var numbering: [DocxParagraphNumber?] = []
    /// Each body paragraph's style id (`w:pStyle`), parallel to `paragraphs`.
    public var styles: [String?] = []
}

/// A paragraph's place in a Word list: the `w:num` it uses and its level (`w:ilvl`, from 0).
public struct DocxParagraphNumber: Sendable, Equatable {
    public var numberingID: String
    public var level: Int
}

/// A table as Word lays it out: the widths of its grid, the heights its rows ask for, and
/// each cell at its grid place with the columns (`w:gridSpan`) and rows (`w:vMerge`) it spans.
public struct DocxTableGeometry: Sendable {
    /// `w:gridCol` widths in twips.
    public var gridColumns: [Int] = []
    /// `w:trHeight` in twips, by row.
    public var rowHeights: [Int: Int] = [:]
    public var cells: [DocxCellGeometry] = []
    /// How many body paragraphs come before the table (an index into `DocxContent.paragraphs`).
    public var paragraphsBefore: Int

    init(paragraphsBefore: Int) { self.paragraphsBefore = paragraphsBefore }
}

public struct DocxCellGeometry: Sendable {
    public var row: Int, column: Int, rowSpan: Int, colSpan: Int
    public var look: Look

    /// How the cell looks: where its text sits, and whether it is shaded or its text coloured.
    public struct Look: Sendable {
        /// The first paragraph's `w:jc` (`left`, `center`, `right`, `both`…).
        public var horizontal: String?
        /// `w:vAlign` (`top`, `center`, `bottom`).
        public var vertical: String?
        public var shaded = false
        /// A text colour other than black or automatic (`808080`).
        public var colour: String?
    }
}

/// `w:pgSz` and `w:pgMar` of the last section: twips.
public struct DocxPageGeometry: Sendable {
    public var width: Int?
    public var height: Int?
    public var orientation: String?
    /// top, bottom, left, right.
    public var margins: [Int?] = []
}

public struct DocxTableReader {
    public let archive: OfficeArchive

    /// The part that holds the body.
    static let documentPart = "word/document.xml"

    public init(path: URL, limits: ReadLimits = .form) throws(ReadError) {
        archive = try OfficeArchive(path: path, limits: limits, requiring: Self.documentPart)
    }

    /// The list definitions of `word/numbering.xml` (empty when the file has none).
    public func numberingDefinitions() throws(ReadError) -> DocxNumbering {
        guard let data = try archive.data(DocxNumbering.part) else { return DocxNumbering() }
        let handler = DocxNumbering.Handler()
        try archive.parse(data, part: DocxNumbering.part, handler)
        if let styles = try archive.data(DocxNumbering.stylesPart) {
            try archive.parse(styles, part: DocxNumbering.stylesPart, handler)
        }
        return handler.numbering
    }

    public func content() throws(ReadError) -> DocxContent {
        let handler = DocumentHandler(limits: archive.limits, file: archive.name)
        try archive.parse(archive.required(Self.documentPart), part: Self.documentPart, handler)
        return DocxContent(paragraphs: handler.paragraphs, tables: handler.tables, unreadable: handler.unreadable.cells,
                           unlisted: handler.unreadable.unlisted, geometry: handler.geometry, page: handler.page,
                           drawings: handler.drawings, numbering: handler.numbering, styles: handler.styles)
    }
}
