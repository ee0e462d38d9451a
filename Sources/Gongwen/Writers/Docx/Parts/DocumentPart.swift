/// `word/document.xml`: the body blocks followed by the section properties.
struct DocumentPart {
    var body: String
    var section: DocxSection

    var xml: String {
        var x = XMLBuilder()
        x.element("w:document", [
            "xmlns:w": DocxNamespace.w, "xmlns:r": DocxNamespace.r, "xmlns:wp": DocxNamespace.wp,
            "xmlns:a": DocxNamespace.a, "xmlns:pic": DocxNamespace.pic,
        ]) { x in
            x.element("w:body") { x in
                x.raw(body)
                section.write(to: &x)
            }
        }
        return x.xml
    }
}
