/// Builds XML text with every text node and attribute value escaped. The writers never
/// concatenate user text into markup by hand; this is the one place escaping happens.
struct XMLBuilder {
    private(set) var xml: String

    init(declaration: Bool = true) {
        xml = declaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" : ""
    }

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        xml += "<" + name
        appendAttributes(attributes)
        xml += ">"
    }

    mutating func close(_ name: String) {
        xml += "</" + name + ">"
    }

    /// An element with no content: `<w:b/>`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        xml += "<" + name
        appendAttributes(attributes)
        xml += "/>"
    }

    /// `<name attrs>text</name>` with the text escaped.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// Wraps whatever `body` writes in `<name>…</name>`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ body: (inout XMLBuilder) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    mutating func text(_ text: String) {
        xml += Self.escape(text, quotes: false)
    }

    /// Markup made by another builder.
    mutating func raw(_ markup: String) {
        xml += markup
    }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<String, String>) {
        for (key, value) in attributes {
            xml += " " + key + "=\"" + Self.escape(value, quotes: true) + "\""
        }
    }

    /// `text` with the markup characters as entities. Works on UTF-8 bytes, never on
    /// Characters: `&` followed by a combining mark is one Character that is not `&`, and
    /// would go through unescaped into a file no reader opens. The markup characters are
    /// ASCII, and in UTF-8 an ASCII byte is never part of another code point, so escaping
    /// byte by byte is escaping code point by code point.
    static func escape(_ s: String, quotes: Bool) -> String {
        // Most text needs no escaping.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            switch byte {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22 where quotes: out += "&quot;".utf8
            case 0x27 where quotes: out += "&apos;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
