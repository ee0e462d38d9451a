import Foundation

/// Renders a `FormSheet` as a DOCX document: A4 page from the template, the form's title,
/// header line, table and notes, with East-Asian fonts on every run.
public struct DocxWriter: Sendable {
    public init() {}

    /// Writes the document to `path` (a temporary path that `AtomicFile` renames).
    public func write(_ sheet: FormSheet, to path: URL) throws(ZipError) {
        var x = XMLBuilder(declaration: false)
        DocxFormTable(sheet: sheet).write(to: &x)
        let f = sheet.fonts
        let fonts = Array(Set([f.title, f.header, f.label, f.heading, f.value, f.note].map(\.eastAsia))).sorted() + [f.latin]
        let package = DocxPackage(title: sheet.title, subject: sheet.templateID, body: x.xml,
                                  section: DocxSection(page: sheet.page), fonts: fonts,
                                  defaultFont: f.value, latin: f.latin)
        try package.write(to: path)
    }
}
