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

    public init(library: TemplateLibrary) {
        templates = library.templates.map { ($0.id, $0.title) }
    }

    /// The notice in `text`. `date`, an ISO or Chinese date, stands in when the draft has no
    /// 成文日期 (with a warning); without it such a draft is an error.
    public func importText(_ text: String, source: String = "draft", date: String? = nil) throws(NoticeImportError) -> NoticeImport {
        var reader = DraftReader(source: source, templates: templates)
        let notice = try reader.read(text, fallbackDate: date)
        return NoticeImport(notice: notice, warnings: reader.warnings)
    }

    /// The notice in the file at `url`: `.txt` (UTF-8).
    public func importFile(at url: URL, date: String? = nil) throws(NoticeImportError) -> NoticeImport {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(source: url.path, detail: "\(error.localizedDescription)") }
        return try importData(data, fileName: url.lastPathComponent, source: url.path, date: date)
    }

    /// The notice in a file's bytes, its kind told by `fileName`'s extension.
    public func importData(_ data: Data, fileName: String, source: String? = nil, date: String? = nil) throws(NoticeImportError) -> NoticeImport {
        let name = source ?? fileName
        let ext = (fileName as NSString).pathExtension.lowercased()
        switch ext {
        case "txt", "text", "":
            guard let text = Self.decodeText(data) else { throw .unreadable(source: name, detail: "not UTF-8 or GB18030 text") }
            return try importText(text, source: name, date: date)
        default:
            throw .unsupportedFile(source: name, fileExtension: ext)
        }
    }

    static func decodeText(_ data: Data) -> String? {
        String(data: data, encoding: .utf8)
    }
}
