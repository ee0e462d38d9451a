/// `[Content_Types].xml`: the content type of every part of the package.
struct ContentTypesPart {
    /// Part names (with a leading slash) and their content types.
    var overrides: [(part: String, type: String)]

    var xml: String {
        var x = XMLBuilder()
        x.element("Types", ["xmlns": DocxNamespace.contentTypes]) { x in
            x.empty("Default", ["Extension": "rels", "ContentType": DocxContentType.relationships])
            x.empty("Default", ["Extension": "xml", "ContentType": "application/xml"])
            x.empty("Default", ["Extension": "png", "ContentType": "image/png"])
            for o in overrides {
                x.empty("Override", ["PartName": o.part, "ContentType": o.type])
            }
        }
        return x.xml
    }
}
