/// `word/footerN.xml`: the page number as — N —, with a PAGE field that carries a cached
/// result (a field without one makes Word offer to repair the file). Odd pages put it at the
/// right, one character in; even pages at the left.
struct FooterPart {
    enum Side { case odd, even }

    var side: Side
    var font: FontSpec
    var latin: String
    /// One character of indent, in twips.
    var indent: Int

    var xml: String {
        var x = XMLBuilder()
        x.element("w:ftr", ["xmlns:w": DocxNamespace.w, "xmlns:r": DocxNamespace.r]) { x in
            var p = DocxParagraph()
            p.alignment = side == .odd ? .right : .left
            if side == .odd { p.right = indent } else { p.left = indent }
            let style = DocxRunStyle(font: font, latin: font.eastAsia)
            p.add("— ", style)
            var field = XMLBuilder(declaration: false)
            Self.pageField(cached: side == .odd ? "1" : "2", style: style, to: &field)
            p.addRaw(field.xml)
            p.add(" —", style)
            p.write(to: &x)
        }
        return x.xml
    }

    /// A complex PAGE field: begin, instruction, separate, cached result, end.
    static func pageField(cached: String, style: DocxRunStyle, to x: inout XMLBuilder) {
        func run(_ body: (inout XMLBuilder) -> Void) {
            x.element("w:r") { x in
                style.write(to: &x)
                body(&x)
            }
        }
        run { $0.empty("w:fldChar", ["w:fldCharType": "begin"]) }
        run { $0.element("w:instrText", ["xml:space": "preserve"], text: " PAGE ") }
        run { $0.empty("w:fldChar", ["w:fldCharType": "separate"]) }
        run { $0.element("w:t", text: cached) }
        run { $0.empty("w:fldChar", ["w:fldCharType": "end"]) }
    }
}

extension FooterPart {
    /// A footer with one empty paragraph: what a section whose pages carry no number refers
    /// to (without a reference of its own a section would show the previous section's).
    static var blank: String {
        var x = XMLBuilder()
        x.element("w:ftr", ["xmlns:w": DocxNamespace.w, "xmlns:r": DocxNamespace.r]) { x in
            DocxParagraph().write(to: &x)
        }
        return x.xml
    }
}
