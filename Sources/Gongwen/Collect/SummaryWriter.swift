import Foundation

/// Writes summary.xlsx (汇总表) for the collected forms of one template:
/// - sheet 汇总: one row per unit or project (grid forms) or per row with its reporting unit
///   first (list forms), each row ending with the file it came from, and a 合计 row summed in
///   `Decimal` when the template has totals;
/// - for a grid form with totals (the statistics table), the form itself filled with them,
///   ready to send up;
/// - sheet 未收录, when files were refused or invalid: one row per problem.
public struct SummaryWriter: Sendable {
    public let template: FormTemplate

    public init(template: FormTemplate) {
        self.template = template
    }

    /// Writes the workbook atomically: `destination` gains the whole file or is left as it was.
    public func write(_ forms: [CollectedForm], to destination: URL) throws {
        try AtomicFile.write(to: destination) { temporary in
            try writeWorkbook(forms, to: temporary)
        }
    }

    private func writeWorkbook(_ forms: [CollectedForm], to path: URL) throws(XlsxError) {
        let workbook = try XlsxWorkbook(path: path.path)
        try workbook.setProperties(title: "\(template.title)（汇总）", subject: template.id)
        try add(SummaryTable.summary(of: template, forms: forms), to: workbook)
        if !template.isList, !template.totals.isEmpty {
            let units = forms.compactMap(\.values)
            let totals = FormTotals(template: template, units: units)
            let sheet = FormSheetBuilder.build(template, values: totals.formValues(of: template))
            let worksheet = try workbook.addWorksheet(named: XlsxWriter.sheetName(for: template.title))
            var page = XlsxSheetRenderer(sheet: sheet, worksheet: worksheet)
            try page.render()
        }
        if let failures = SummaryTable.failures(forms) {
            try add(failures, to: workbook)
        }
        try workbook.close()
    }

    private func add(_ table: SummaryTable, to workbook: XlsxWorkbook) throws(XlsxError) {
        let worksheet = try workbook.addWorksheet(named: table.sheetName)
        try SummaryTableRenderer(table: table, workbook: workbook, worksheet: worksheet.handle, fonts: template.fonts).render()
    }
}
