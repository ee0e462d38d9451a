import Foundation

/// Makes a form template from an office's own form file: an `.xlsx` or `.docx` (and `.xls`,
/// `.doc`, `.et`, `.wps` after one LibreOffice conversion). What it finds in the file's own
/// structure — the table, its spans, the labels, the empty cells beside or under them, the
/// lines above and below — becomes an ordinary `FormTemplate`, checked as a template file is;
/// what it inferred and what it could not keep come back as warnings.
public struct TemplateImporter: Sendable {
    public let library: TemplateLibrary
    /// LibreOffice's fontconfig file, for the conversion of legacy formats.
    public let fontConfig: URL?

    public init(library: TemplateLibrary, fontConfig: URL? = nil) {
        self.library = library
        self.fontConfig = fontConfig
    }

    /// The template made, and what the importer has to say about it.
    public struct Result: Sendable {
        public var template: FormTemplate
        public var warnings: [ImportWarning]
    }

    /// The formats a form file comes in, by extension, and what LibreOffice turns the legacy
    /// ones into.
    static let converted: [String: String] = ["xls": "xlsx", "et": "xlsx", "doc": "docx", "wps": "docx"]

    /// Imports the file at `url`; `id` names the template (default: from the file's name,
    /// else from its title). Throws `ImportError`, `ReadError` or `OfficeConversion.Failure`.
    public func importFile(at url: URL, id: String? = nil) throws -> Result {
        let name = url.lastPathComponent
        let ext = url.pathExtension.lowercased()
        if let id { guard FormKind.isKebabCase(id) else { throw ImportError.badID(id) } }
        guard ["xlsx", "docx"].contains(ext) || Self.converted[ext] != nil else {
            throw ImportError.unsupportedFormat(file: name, extension: ext)
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ReadError.notAnArchive(file: name, detail: "无法打开文件（cannot open）")
        }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        try? handle.close()
        let isCompoundFile = head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        // A legacy binary file, or one named .xlsx/.docx that is really one (an encrypted
        // OOXML package is a compound file too, and says so; that one cannot be read).
        if let target = Self.converted[ext] ?? (isCompoundFile ? ext : nil) {
            if Self.isEncrypted(url) { throw ImportError.passwordProtected(file: name) }
            let work = try Self.workFolder()
            defer { try? FileManager.default.removeItem(at: work) }
            let out = work.appendingPathComponent("form." + target)
            try PDFConverter(fontConfig: fontConfig).convertLegacy(url, format: target) { made in
                try FileManager.default.moveItem(at: made, to: out)
            }
            var result = try importOOXML(at: out, name: name, id: id)
            result.warnings.insert(.converted(from: ext, to: target), at: 0)
            return result
        }
        return try importOOXML(at: url, name: name, id: id)
    }

    /// Imports a file's bytes, as an upload gives them, by the file's name.
    public func importData(_ data: Data, fileName: String, id: String? = nil) throws -> Result {
        let work = try Self.workFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let safe = URL(fileURLWithPath: fileName).lastPathComponent
        let url = work.appendingPathComponent(safe.isEmpty || safe == ".." ? "form" : safe)
        do {
            try data.write(to: url)
        } catch {
            throw OutputError(path: url.path, detail: error.localizedDescription)
        }
        return try importFile(at: url, id: id)
    }

    /// A private folder of the temporary directory, for an upload or a conversion.
    static func workFolder() throws(OutputError) -> URL {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-import-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: work.path, detail: error.localizedDescription)
        }
        return work
    }

    /// Whether a compound file says it is encrypted: an `EncryptionInfo` stream (OOXML with
    /// a password) — its name is in the directory in UTF-16.
    static func isEncrypted(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return false }
        let marker = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return data.firstRange(of: marker) != nil
    }

    private func importOOXML(at url: URL, name: String, id: String?) throws -> Result {
        let archive = try OfficeArchive(path: url, limits: .form)
        let document: SourceDocument?
        if archive.parts.contains("xl/workbook.xml") {
            document = try XlsxSource(reader: XlsxReader(path: url, limits: .form)).document()
        } else if archive.parts.contains(DocxTableReader.documentPart) {
            document = try DocxSource(reader: DocxTableReader(path: url, limits: .form)).document()
        } else {
            throw ReadError.missingPart(file: name, part: "xl/workbook.xml")
        }
        guard let document, !document.table.cells.isEmpty else { throw ImportError.noTable(file: name) }
        return try TemplateInference(known: KnownFields(library: library), library: library, file: name)
            .template(from: document, id: id)
    }
}

extension TemplateImporter {
    /// A template as a template file: the project's one JSON encoding (pretty, keys sorted
    /// so the same file imports to the same bytes), a line break at the end.
    public static func encoded(_ template: FormTemplate) throws -> Data {
        try JSONOutput.encode(template) + Data("\n".utf8)
    }
}
