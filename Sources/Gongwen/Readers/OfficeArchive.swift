import CZip
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A returned OOXML file opened through libzip, its parts read with bounds and their XML
/// checked for declarations before any parser sees it.
public struct OfficeArchive {
    public let name: String
    private let zip: ZipArchiveReader
    public let limits: ReadLimits
    public let parts: Set<String>

    public init(path: URL, limits: ReadLimits) throws(ReadError) {
        name = path.lastPathComponent
        self.limits = limits
        do {
            zip = try ZipArchiveReader(path: path.path)
        } catch {
            throw .notAnArchive(file: name, detail: Self.reason(opening: error))
        }
        parts = Set(zip.names)
    }

    /// Why libzip would not open the file, in words for the person who sent it where the
    /// code says more than libzip's message: two members of one name (which of the two would
    /// Excel read?), a directory that contradicts the members.
    static func reason(opening error: ZipError) -> String {
        switch error.code {
        case ZIP_ER_EXISTS: "压缩包中有同名的成员，无法确定该读哪一个（duplicate member names）"
        case ZIP_ER_INCONS: "压缩包的目录与其中的内容不一致，文件已损坏（inconsistent archive）"
        default: error.message
        }
    }

    /// Opens the archive and checks that it has `part`, the one that says what kind of
    /// package it is (`xl/workbook.xml`, `word/document.xml`).
    public init(path: URL, limits: ReadLimits, requiring part: String) throws(ReadError) {
        try self.init(path: path, limits: limits)
        guard parts.contains(part) else { throw .missingPart(file: name, part: part) }
    }

    /// The bytes of `part`, nil when the archive does not have it.
    public func data(_ part: String) throws(ReadError) -> Data? {
        guard parts.contains(part) else { return nil }
        do {
            return try zip.read(part, limit: limits.partBytes)
        } catch {
            switch error.code {
            case 0: throw .tooLarge(file: name, part: part, limit: limits.partBytes)
            case ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD, ZIP_ER_ENCRNOTSUPP: throw .encrypted(file: name, part: part)
            default: throw .damagedPart(file: name, part: part, detail: error.message)
            }
        }
    }

    /// The bytes of a part the format needs.
    public func required(_ part: String) throws(ReadError) -> Data {
        guard let data = try data(part) else { throw .missingPart(file: name, part: part) }
        return data
    }

    /// Parses `data` of `part` with `handler`, refusing a DOCTYPE (OOXML parts never have
    /// one; it is how entity bombs and external entities get in).
    public func parse(_ data: Data, part: String, _ handler: XMLEventHandler) throws(ReadError) {
        if Self.declaresDocumentType(data) { throw .entityDeclaration(file: name, part: part) }
        // A stream, not `XMLParser(data:)`: libxml2 refuses a document over 10 MB handed to it
        // in one piece, and a list of ten thousand units is larger than that.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        let delegate = XMLEventDelegate(handler)
        parser.delegate = delegate
        let parsed = parser.parse()
        // A reader that stopped the parser knows why; the parser only knows it was aborted.
        if let error = delegate.stop { throw error }
        if !parsed {
            throw .malformedXML(file: name, part: part, detail: parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown")
        }
        // The stream parser reports success for a document that stops short (a part cut off,
        // an empty one): the elements must all have closed, or half a sheet reads as a sheet.
        if !delegate.sawRoot { throw .malformedXML(file: name, part: part, detail: "没有任何元素（empty part）") }
        if delegate.depth != 0 {
            throw .malformedXML(file: name, part: part, detail: "在 \(delegate.depth) 层元素未结束处中断，内容不完整（truncated XML）")
        }
    }

    /// Whether the part has `<!DOCTYPE` or `<!ENTITY` anywhere. Outside markup `<` is always
    /// escaped, so these bytes only ever start a declaration (or sit in a comment, which no
    /// OOXML writer puts there either).
    static func declaresDocumentType(_ data: Data) -> Bool {
        data.firstRange(of: Data("<!DOCTYPE".utf8)) != nil || data.firstRange(of: Data("<!ENTITY".utf8)) != nil
    }
}

/// What a reader does with the events of one part. Returning a `ReadError` stops parsing.
public protocol XMLEventHandler: AnyObject {
    func start(_ name: String, _ attributes: [String: String]) -> ReadError?
    func end(_ name: String)
    func characters(_ text: String)
}

final class XMLEventDelegate: NSObject, XMLParserDelegate {
    let handler: XMLEventHandler
    var stop: ReadError?
    /// Elements open, and whether there was one at all: what tells a whole part from one cut off.
    private(set) var depth = 0
    private(set) var sawRoot = false

    init(_ handler: XMLEventHandler) { self.handler = handler }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        depth += 1
        sawRoot = true
        if let error = handler.start(qName ?? elementName, attributeDict) {
            stop = error
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        handler.end(qName ?? elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        handler.characters(string)
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        handler.characters(whitespaceString)
    }
}
