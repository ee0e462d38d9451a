import Foundation

/// The parts of one DOCX package, assembled and zipped through libzip in the order Word
/// writes them: content types first, then relationships, the document and its parts.
struct DocxPackage {
    var title: String
    var subject: String
    var body: String
    var section: DocxSection
    var fonts: [String]
    var defaultFont: FontSpec
    var latin: String
    var created = Date()
    /// Extra parts of the document (footers, images): path under `word/`, content type or nil
    /// for a default one, relationship type, and the bytes.
    var extraParts: [(name: String, contentType: String?, relationship: String, data: Data, id: String)] = []
    var evenAndOddHeaders = false

    func write(to path: URL) throws(ZipError) {
        let zip = try ZipArchiveWriter(path: path.path)
        var overrides: [(part: String, type: String)] = [
            ("/word/document.xml", DocxContentType.document),
            ("/word/styles.xml", DocxContentType.styles),
            ("/word/settings.xml", DocxContentType.settings),
            ("/word/fontTable.xml", DocxContentType.fontTable),
            ("/docProps/core.xml", DocxContentType.core),
            ("/docProps/app.xml", DocxContentType.app),
        ]
        for part in extraParts { if let type = part.contentType { overrides.append(("/word/" + part.name, type)) } }
        try zip.add("[Content_Types].xml", Data(ContentTypesPart(overrides: overrides).xml.utf8))
        try zip.add("_rels/.rels", Data(RelationshipsPart(relationships: [
            .init(id: "rId1", type: DocxRelationshipType.officeDocument, target: "word/document.xml"),
            .init(id: "rId2", type: DocxRelationshipType.coreProperties, target: "docProps/core.xml"),
            .init(id: "rId3", type: DocxRelationshipType.extendedProperties, target: "docProps/app.xml"),
        ]).xml.utf8))
        var documentRelationships: [RelationshipsPart.Relationship] = [
            .init(id: "rId1", type: DocxRelationshipType.styles, target: "styles.xml"),
            .init(id: "rId2", type: DocxRelationshipType.settings, target: "settings.xml"),
            .init(id: "rId3", type: DocxRelationshipType.fontTable, target: "fontTable.xml"),
        ]
        for part in extraParts { documentRelationships.append(.init(id: part.id, type: part.relationship, target: part.name)) }
        try zip.add("word/_rels/document.xml.rels", Data(RelationshipsPart(relationships: documentRelationships).xml.utf8))
        try zip.add("word/document.xml", Data(DocumentPart(body: body, section: section).xml.utf8))
        try zip.add("word/styles.xml", Data(StylesPart(defaultFont: defaultFont, latin: latin).xml.utf8))
        try zip.add("word/settings.xml", Data(SettingsPart(evenAndOddHeaders: evenAndOddHeaders).xml.utf8))
        try zip.add("word/fontTable.xml", Data(FontTablePart(fonts: fonts).xml.utf8))
        for part in extraParts { try zip.add("word/" + part.name, part.data) }
        try zip.add("docProps/core.xml", Data(CorePropertiesPart(title: title, subject: subject, created: created).xml.utf8))
        try zip.add("docProps/app.xml", Data(AppPropertiesPart().xml.utf8))
        try zip.close()
    }
}
