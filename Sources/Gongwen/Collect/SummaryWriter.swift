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

    /// The sheets in the order of their tabs: 汇总, the form filled with the totals, 未收录.
    private func writeWorkbook(_ forms: [CollectedForm], to path: URL) throws(XlsxError) {
        var sheets: [XlsxSheet] = [.summary(SummaryTable.summary(of: template, forms: forms), fonts: template.fonts)]
        if !template.isList, !template.totals.isEmpty {
            let totals = FormTotals(template: template, units: forms.compactMap(\.values))
            sheets.append(.form(FormSheetBuilder.build(template, values: totals.formValues(of: template))))
        }
        if let failures = SummaryTable.failures(forms) {
            sheets.append(.summary(failures, fonts: template.fonts))
        }
        try XlsxWriter().write(sheets, title: "\(template.title)（汇总）", subject: template.id, to: path)
    }
}
