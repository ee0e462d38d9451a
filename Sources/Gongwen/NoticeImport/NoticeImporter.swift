import Foundation

/// A notice read from a draft: the notice as `examples/notices/*.json` hold them, and what the
/// importer corrected, assumed or could not place.
public struct NoticeImport: Sendable {
    public var notice: NoticeDocument
    public var warnings: [NoticeImportWarning]
}

/// Reads an office's draft of a notice — plain text (as extracted from a PDF or typed) or a
/// Word file — into a `NoticeDocument`, recognising each element GB/T 9704 defines wherever
/// the draft's formatting puts it. The form templates are consulted so that an attachment
/// whose title is a template's becomes that form.
public struct NoticeImporter: Sendable {
    let templates: [(id: String, title: String)]
    let library: TemplateLibrary
    /// The fonts LibreOffice is given when a .doc or .wps draft is converted first.
    let fontConfig: URL?

    /// The most text a draft may hold, in code points: some 500 pages of 28 × 22 characters,
    /// more than any notice with its attachments, and few enough seconds of reading that an
    /// upload cannot hold the service's workers with a text of no notice.
    public static let maxCharacters = 300_000

    public init(library: TemplateLibrary, fontConfig: URL? = nil) {
        templates = library.templates.map { ($0.id, $0.title) }
        self.library = library
        self.fontConfig = fontConfig
    }

    /// The notice in `text`. `date`, an ISO or Chinese date, stands in when the draft has no
    /// 成文日期 (with a warning); without it such a draft is an error.
    public func importText(_ text: String, source: String = "draft", date: String? = nil) throws(NoticeImportError) -> NoticeImport {
        try importText(text, tables: nil, source: source, date: date)
    }

    /// `tables` are a Word draft's (nil for plain text, whose tables are found in its lines).
    func importText(_ text: String, tables: [[[String]]]?, source: String, date: String?) throws(NoticeImportError) -> NoticeImport {
        let count = text.unicodeScalars.count
        guard count <= Self.maxCharacters else { throw .tooLong(source: source, count: count, limit: Self.maxCharacters) }
        var reader = DraftReader(source: source, templates: templates)
        reader.library = library
        reader.tables = tables ?? []
        reader.isPlainText = tables == nil
        let notice = try reader.read(text, fallbackDate: date)
        return NoticeImport(notice: notice, warnings: reader.warnings)
    }

    /// The notice in the file at `url`: `.txt` (UTF-8), `.docx`, or `.doc`/`.wps` converted to
    /// DOCX by LibreOffice first. Throws `NoticeImportError`, `ReadError` (a broken DOCX) or
    /// `OfficeConversion.Failure`.
    public func importFile(at url: URL, date: String? = nil) throws -> NoticeImport {
        try importFile(at: url, source: url.path, date: date)
    }

    func importFile(at url: URL, source: String, date: String?) throws -> NoticeImport {
        let ext = url.pathExtension.lowercased()
        switch ext {
        case "docx":
            let draft = try DraftDocx.text(at: url)
            return try importText(draft.text, tables: draft.tables, source: source, date: date)
        case "doc", "wps":
            let draft = try PDFConverter(fontConfig: fontConfig).convertLegacy(url, format: "docx") { made in try DraftDocx.text(at: made) }
            return try importText(draft.text, tables: draft.tables, source: source, date: date)
        default:
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw NoticeImportError.unreadable(source: url.path, detail: "\(error.localizedDescription)") }
            return try importData(data, fileName: url.lastPathComponent, source: source, date: date)
        }
    }

    /// The notice in a file's bytes (an upload), its kind told by `fileName`'s extension.
    public func importData(_ data: Data, fileName: String, source: String? = nil, date: String? = nil) throws -> NoticeImport {
        let name = source ?? fileName
        let ext = (fileName as NSString).pathExtension.lowercased()
        switch ext {
        case "txt", "text", "":
            guard let text = CSVEncoding.text(of: data) else {
                throw NoticeImportError.unreadable(source: name, detail: "不是 UTF-8、UTF-16 或 GB18030 文本（not text）")
            }
            return try importText(text, source: name, date: date)
        case "docx", "doc", "wps":
            let work = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-draft-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: work) }
            let file = work.appendingPathComponent("draft.\(ext)")
            try data.write(to: file)
            return try importFile(at: file, source: name, date: date)
        default:
            throw NoticeImportError.unsupportedFile(source: name, fileExtension: ext)
        }
    }
}
