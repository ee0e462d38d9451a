import Foundation

/// `docProps/core.xml`: title, author and dates of the document.
struct CorePropertiesPart {
    var title: String
    var subject: String
    var created: Date

    var xml: String {
        let stamp = created.formatted(.iso8601.year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
        var x = XMLBuilder()
        x.element("cp:coreProperties", [
            "xmlns:cp": DocxNamespace.coreProperties,
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:dcterms": "http://purl.org/dc/terms/",
            "xmlns:dcmitype": "http://purl.org/dc/dcmitype/",
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        ]) { x in
            x.element("dc:title", text: title)
            x.element("dc:subject", text: subject)
            x.element("dc:creator", text: "Gongwen")
            x.element("cp:lastModifiedBy", text: "Gongwen")
            x.element("dcterms:created", ["xsi:type": "dcterms:W3CDTF"], text: stamp)
            x.element("dcterms:modified", ["xsi:type": "dcterms:W3CDTF"], text: stamp)
        }
        return x.xml
    }
}
