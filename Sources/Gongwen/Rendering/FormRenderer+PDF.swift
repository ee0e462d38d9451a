import Foundation

extension FormRenderer {
    /// Writes `values` of `template` as PDF to `destination`, or nothing when any step fails.
    /// The PDF is LibreOffice's print of the form's DOCX, not of its XLSX: Writer sets the
    /// DOCX at the template's own sizes (小四 text, 小二 title) on the A4 page, where Calc
    /// shrinks the XLSX to fit (10 pt text, 9.6 pt on the landscape lists) and adds its own
    /// page footer. The DOCX is written and converted in a private folder beside the
    /// destination, so a failed conversion leaves no DOCX or half a PDF behind.
    public func writePDF(_ template: FormTemplate, values: FormValues, to destination: URL,
                         convert: (URL, URL) throws -> Void) throws {
        let work = destination.deletingLastPathComponent().appendingPathComponent(".gongwen-\(UUID().uuidString)")
        try AtomicFile.ensureFolder(work)
        defer { try? FileManager.default.removeItem(at: work) }
        let docx = work.appendingPathComponent("form.docx")
        let pdf = work.appendingPathComponent("form.pdf")
        try write(template, values: values, format: .docx, to: docx)
        try convert(docx, pdf)
        try AtomicFile.write(to: destination) { try FileManager.default.moveItem(at: pdf, to: $0) }
    }

    /// The PDF's file name: the DOCX's, with `.pdf`.
    public static func pdfFileName(for template: FormTemplate, values: FormValues) -> String {
        (fileName(for: template, values: values, format: .docx) as NSString).deletingPathExtension + ".pdf"
    }
}
