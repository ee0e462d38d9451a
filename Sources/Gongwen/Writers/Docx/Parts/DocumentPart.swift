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

/// The page of a section: A4 in the template's orientation, margins, and footer references.
struct DocxSection {
    var page: PageSetup
    var footerDistanceMM: Double = 10
    /// Relationship ids of the footers: `default` (odd pages) and `even`.
    var footers: [(kind: String, id: String)] = []
    /// Exact-line documents (notices) need no grid; forms leave it to the application.
    var linePitch: Int?

    func write(to x: inout XMLBuilder) {
        let size = page.paperSize
        let m = page.margins
        x.element("w:sectPr") { x in
            for f in footers { x.empty("w:footerReference", ["w:type": f.kind, "r:id": f.id]) }
            if page.orientation == .landscape {
                x.empty("w:pgSz", ["w:w": String(DocxUnits.twips(millimetres: size.width)),
                                   "w:h": String(DocxUnits.twips(millimetres: size.height)), "w:orient": "landscape"])
            } else {
                x.empty("w:pgSz", ["w:w": String(DocxUnits.twips(millimetres: size.width)),
                                   "w:h": String(DocxUnits.twips(millimetres: size.height))])
            }
            x.empty("w:pgMar", [
                "w:top": String(DocxUnits.twips(millimetres: m.top)),
                "w:right": String(DocxUnits.twips(millimetres: m.right)),
                "w:bottom": String(DocxUnits.twips(millimetres: m.bottom)),
                "w:left": String(DocxUnits.twips(millimetres: m.left)),
                "w:header": String(DocxUnits.twips(millimetres: 10)),
                "w:footer": String(DocxUnits.twips(millimetres: footerDistanceMM)),
                "w:gutter": "0",
            ])
            x.empty("w:cols", ["w:space": "425"])
            if let linePitch { x.empty("w:docGrid", ["w:linePitch": String(linePitch)]) }
        }
    }
}
