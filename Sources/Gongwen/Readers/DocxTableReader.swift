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
}

public struct DocxTableReader {
    public let archive: OfficeArchive

    /// The part that holds the body.
    static let documentPart = "word/document.xml"

    public init(path: URL, limits: ReadLimits = .form) throws(ReadError) {
        archive = try OfficeArchive(path: path, limits: limits, requiring: Self.documentPart)
    }

    public func content() throws(ReadError) -> DocxContent {
        let handler = DocumentHandler(limits: archive.limits, file: archive.name)
        try archive.parse(archive.required(Self.documentPart), part: Self.documentPart, handler)
        return DocxContent(paragraphs: handler.paragraphs, tables: handler.tables, unreadable: handler.unreadable.cells,
                           unlisted: handler.unreadable.unlisted)
    }
}
