import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element with qualified names (`w:tc`) and attributes (`w:val`), so tests can
/// assert on what a part says without caring how it is serialised.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// Every descendant (and self) with this qualified name, in document order.
    func all(_ name: String) -> [XMLNode] {
        var found: [XMLNode] = []
        func walk(_ node: XMLNode) {
            if node.name == name { found.append(node) }
            node.children.forEach(walk)
        }
        walk(self)
        return found
    }

    func first(_ name: String) -> XMLNode? { all(name).first }

    /// The text of all descendant text nodes, concatenated.
    var allText: String {
        text + children.map(\.allText).joined()
    }

    /// The direct children with this name.
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// A canonical form for comparing two parts as XML: attributes sorted, text trimmed of
    /// nothing (whitespace in text nodes matters in OOXML).
    var canonical: String {
        let attrs = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\($0.value)\"" }.joined()
        return "<\(name)\(attrs)>\(text)" + children.map(\.canonical).joined() + "</\(name)>"
    }

    static func parse(_ data: Data) throws -> XMLNode {
        let delegate = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw ParseError(detail: parser.parserError.map(String.init(describing:)) ?? "no root element")
        }
        return root
    }

    struct ParseError: Error { var detail: String }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLNode?
    var stack: [XMLNode] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let node = XMLNode(name: qName ?? elementName, attributes: attributeDict)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
