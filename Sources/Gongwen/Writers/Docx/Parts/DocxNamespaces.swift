/// The namespaces and relationship types of an OOXML word-processing package.
enum DocxNamespace {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let docPropsVTypes = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
}

enum DocxRelationshipType {
    private static let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    static let officeDocument = base + "officeDocument"
    static let styles = base + "styles"
    static let settings = base + "settings"
    static let fontTable = base + "fontTable"
    static let theme = base + "theme"
    static let footer = base + "footer"
    static let header = base + "header"
    static let image = base + "image"
    static let extendedProperties = base + "extended-properties"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
}

enum DocxContentType {
    private static let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    static let document = wml + "document.main+xml"
    static let styles = wml + "styles+xml"
    static let settings = wml + "settings+xml"
    static let fontTable = wml + "fontTable+xml"
    static let theme = "application/vnd.openxmlformats-officedocument.theme+xml"
    static let footer = wml + "footer+xml"
    static let header = wml + "header+xml"
    static let core = "application/vnd.openxmlformats-package.core-properties+xml"
    static let app = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
}
