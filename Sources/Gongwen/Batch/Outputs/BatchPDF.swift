import Foundation

/// What a batch makes of PDF: each form's PDF beside its other files (`--format pdf` or
/// `all`), the print file of them all (`--print`), or both. The conversion is handed in (the
/// library's `PDFConverter`, or whatever engine stands behind it), so the batch neither knows
/// nor cares how LibreOffice is run, and tests can put in a converter of their own.
public struct BatchPDF: Sendable {
    /// Keep each form's PDF in the batch folder, with its line in the manifest. Without it
    /// the PDFs are made only for the print file and removed afterwards.
    public var keepForms: Bool
    /// Join every form's PDF, in the list's order, into `print.pdf`.
    public var printFile: Bool
    /// The most conversions at once (default: the number of cores).
    public var conversions: Int
    /// Converts the DOCX at the first URL into the PDF at the second, atomically.
    public var convert: @Sendable (URL, URL) throws -> Void

    public init(keepForms: Bool, printFile: Bool, conversions: Int = ProcessInfo.processInfo.activeProcessorCount,
                convert: @escaping @Sendable (URL, URL) throws -> Void) {
        self.keepForms = keepForms
        self.printFile = printFile
        self.conversions = max(1, conversions)
        self.convert = convert
    }

    /// How many written DOCX may wait for a conversion: two for each converter, so none
    /// idles while a writer works on the next form, and the staging folder stays small.
    var queueCapacity: Int { conversions * 2 }
}
