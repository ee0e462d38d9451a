import Foundation

/// Reads returned forms of one template back into validated values, one file at a time and
/// each on its own: a file that is not an office file, a zip bomb, or a form with a wrong
/// value becomes a problem in that file's result and never stops the others.
public struct FormCollector: Sendable {
    public let template: FormTemplate
    private let reader: FormReader
    private let validator: FormValidator

    public init(library: TemplateLibrary, templateID: String) throws(TemplateError) {
        template = try library.template(id: templateID)
        reader = FormReader(template: template)
        validator = library.validator(for: template)
    }

    /// Every file's result, in the order of `files`. Files are read in parallel unless
    /// `parallel` is false (the service, whose pool already runs one job per core): each read
    /// is bounded by `ReadLimits.form`, so memory stays flat however many files come back.
    public func collect(_ files: [ReturnedFile], parallel: Bool = true) -> [CollectedForm] {
        guard parallel else { return Self.markingRepeats(files.map(collect)) }
        let results = ResultSlots<CollectedForm>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            results[i] = collect(files[i])
        }
        return Self.markingRepeats(results.take().compactMap { $0 })
    }

    /// One file: its format told by what the archive holds, refused when that contradicts
    /// its extension (a .docx renamed .xlsx) or when a cell cannot be read, then validated the
    /// way `render` validates input; cells read as they show (a date in a text field) are noted.
    public func collect(_ file: ReturnedFile) -> CollectedForm {
        let format: OutputFormat
        let reading: FormReading
        do throws(ReadError) {
            format = try Self.format(of: file.url)
            let written = file.url.pathExtension.lowercased()
            if let claimed = OutputFormat(rawValue: written), claimed != format {
                throw .wrongFormat(file: file.url.lastPathComponent, extension: written,
                                            content: format.rawValue.uppercased())
            }
            reading = try reader.reading(file.url, as: format)
        } catch {
            return CollectedForm(file: file, format: nil, outcome: .refused(error))
        }
        do {
            let validated = try validator.validate(reading.data)
            return CollectedForm(file: file, format: format, outcome: .collected(validated),
                                 notes: reading.notes.map(CollectNote.cell), subject: template.subjectText(in: validated.values))
        } catch {
            return CollectedForm(file: file, format: format, outcome: .invalid(error))
        }
    }

    /// Notes each collected form whose unit (or project) an earlier file already had: two
    /// files from one unit would count it twice in the totals, which the coordinator should
    /// see before sending them up. Both stay collected; which one counts is a person's call.
    static func markingRepeats(_ forms: [CollectedForm]) -> [CollectedForm] {
        var first: [String: String] = [:]
        return forms.map { form in
            guard let subject = form.subject else { return form }
            var form = form
            if let earlier = first[subject] {
                form.notes.append(.repeats(subject: subject, earlierFile: earlier))
            } else {
                first[subject] = form.file.displayPath
            }
            return form
        }
    }

    /// XLSX or DOCX, by the parts the archive has. A file that is no zip at all gets a reason
    /// a person can act on: empty, or an Office 97–2003 file to save again as .xlsx/.docx.
    static func format(of url: URL) throws(ReadError) -> OutputFormat {
        let archive: OfficeArchive
        do {
            archive = try OfficeArchive(path: url, limits: .form)
        } catch {
            guard case .notAnArchive(let file, _) = error, let reason = LegacyFile.reason(url) else { throw error }
            throw .notAnArchive(file: file, detail: reason)
        }
        if archive.parts.contains("xl/workbook.xml") { return .xlsx }
        if archive.parts.contains("word/document.xml") { return .docx }
        throw .missingPart(file: archive.name, part: "xl/workbook.xml 或 word/document.xml")
    }
}

/// The start of a file that is not a zip, told in words when it is something a unit is
/// likely to have sent instead of the form.
enum LegacyFile {
    /// The OLE2 compound file signature of .xls, .doc, .et and .wps files, and of an .xlsx or
    /// .docx saved with a password to open it.
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The stream an encrypted OOXML file keeps its package in, as a compound file's
    /// directory names it (UTF-16LE).
    static let encryptedPackage = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })

    /// How much of a compound file is searched for that name: an encrypted form is small.
    static let searchedBytes = 4 << 20

    static func reason(_ url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        if head.isEmpty { return "文件是空的（empty file）" }
        guard Array(head) == compoundFileSignature else { return nil }
        // Told apart from a real .xls, which needs saving again, not a password taken off.
        let rest = (try? handle.read(upToCount: searchedBytes)) ?? Data()
        if rest.firstRange(of: encryptedPackage) != nil {
            return "文件设置了打开密码（已加密），请在 Excel、WPS 或 Word 中取消密码后另存为 .xlsx 或 .docx 再交（encrypted file）"
        }
        return "这是旧版 Office 97-2003 文件（.xls/.doc），请用 Excel、WPS 或 Word 另存为 .xlsx 或 .docx 后再交"
    }
}
