import Foundation

/// Renders a `FormSheet` as an XLSX workbook through libxlsxwriter: the title and header line
/// above the table, real merged ranges, A4 print setup, print titles for list forms, and a
/// protected sheet whose input cells are unlocked and carry Excel data validation.
public struct XlsxWriter: Sendable {
    public init() {}

    /// Writes the workbook to `path`. libxlsxwriter writes only to a path, so callers pass a
    /// temporary path and rename it (see `AtomicFile`).
    public func write(_ sheet: FormSheet, to path: URL) throws(XlsxError) {
        try write([.form(sheet)], title: sheet.title, subject: sheet.templateID, to: path)
    }

    /// Writes a workbook of several sheets, their tabs in the order given, with `title` and
    /// `subject` in its document properties.
    func write(_ sheets: [XlsxSheet], title: String, subject: String, to path: URL) throws(XlsxError) {
        let workbook = try XlsxWorkbook(path: path.path)
        try workbook.setProperties(title: title, subject: subject)
        for sheet in sheets {
            switch sheet {
            case .form(let form):
                var page = XlsxSheetRenderer(sheet: form, worksheet: try workbook.addWorksheet(named: Self.sheetName(for: form.title)))
                try page.render()
            case .summary(let table, let fonts):
                try XlsxSummaryRenderer(table: table, worksheet: workbook.addWorksheet(named: table.sheetName), fonts: fonts).render()
            }
        }
        try workbook.close()
    }

    /// A sheet name Excel accepts: at most 31 characters, none of []:*?/\ and no spaces, taken
    /// from the title so that the tab says which form this is. Both rules are on code points,
    /// as libxlsxwriter checks them: a `[` followed by a combining mark is still a `[`.
    static func sheetName(for title: String) -> String {
        var name = String.UnicodeScalarView()
        name.append(contentsOf: title.unicodeScalars.lazy.filter { !bannedInSheetNames.contains($0) }.prefix(31))
        return name.isEmpty ? "Sheet1" : String(name)
    }

    private static let bannedInSheetNames: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\", "'", " "]
}
