import Foundation

/// The parts of one DOCX package, assembled and zipped through libzip in the order Word
/// writes them: content types first, then relationships, the document and its parts (the
/// theme among them, which strict validators expect of every document).
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
        let zip = try ZipArchiveWriter(inMemoryFor: path.lastPathComponent)
        var overrides: [(part: String, type: String)] = [
            ("/word/document.xml", DocxContentType.document),
            ("/word/styles.xml", DocxContentType.styles),
            ("/word/settings.xml", DocxContentType.settings),
            ("/word/fontTable.xml", DocxContentType.fontTable),
            ("/word/theme/theme1.xml", DocxContentType.theme),
            ("/docProps/core.xml", DocxContentType.core),
            ("/docProps/app.xml", DocxContentType.app),
        ]
        for part in extraParts { if let type = part.contentType { overrides.append(("/word/" + part.name, type)) } }
        try zip.add("[Content_Types].xml", text: ContentTypesPart(overrides: overrides).xml)
        try zip.add("_rels/.rels", text: RelationshipsPart(relationships: [
            .init(id: "rId1", type: DocxRelationshipType.officeDocument, target: "word/document.xml"),
            .init(id: "rId2", type: DocxRelationshipType.coreProperties, target: "docProps/core.xml"),
            .init(id: "rId3", type: DocxRelationshipType.extendedProperties, target: "docProps/app.xml"),
        ]).xml)
        var documentRelationships: [RelationshipsPart.Relationship] = [
            .init(id: "rId1", type: DocxRelationshipType.styles, target: "styles.xml"),
            .init(id: "rId2", type: DocxRelationshipType.settings, target: "settings.xml"),
            .init(id: "rId3", type: DocxRelationshipType.fontTable, target: "fontTable.xml"),
            .init(id: "rId4", type: DocxRelationshipType.theme, target: "theme/theme1.xml"),
        ]
        for part in extraParts { documentRelationships.append(.init(id: part.id, type: part.relationship, target: part.name)) }
        try zip.add("word/_rels/document.xml.rels", text: RelationshipsPart(relationships: documentRelationships).xml)
        try zip.add("word/document.xml", text: DocumentPart(body: body, section: section).xml)
        try zip.add("word/styles.xml", text: StylesPart(defaultFont: defaultFont, latin: latin).xml)
        try zip.add("word/settings.xml", text: SettingsPart(evenAndOddHeaders: evenAndOddHeaders).xml)
        try zip.add("word/fontTable.xml", text: FontTablePart(fonts: fonts).xml)
        try zip.add("word/theme/theme1.xml", text: ThemePart(latin: latin, eastAsia: defaultFont.eastAsia).xml)
        for part in extraParts { try zip.add("word/" + part.name, part.data) }
        try zip.add("docProps/core.xml", text: CorePropertiesPart(title: title, subject: subject, created: created).xml)
        try zip.add("docProps/app.xml", text: AppPropertiesPart().xml)
        try zip.closeInMemory(writingTo: path.path)
    }
}
