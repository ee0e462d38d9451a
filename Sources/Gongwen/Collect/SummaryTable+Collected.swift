import Foundation

/// The summary tables of collected forms.
extension SummaryTable {
    static let indexHeading = "序号"
    static let fileHeading = "来源文件"
    static let totalLabel = "合计"

    /// The 汇总 sheet of `template` over the collected files: one row per form for a grid
    /// form (a unit, a project), one per row for a list form, with the unit that reported it
    /// first; a 合计 row when the template has totals.
    static func summary(of template: FormTemplate, forms: [CollectedForm]) -> SummaryTable {
        let collected = forms.compactMap { form in form.values.map { (form.file, $0) } }
        var fields = SummaryColumn.columns(of: template)
        var columns = [Column(heading: indexHeading, group: nil, isNumeric: true)]
        var rows: [[Cell]] = []
        var unitColumn = false
        switch template.layout {
        case .grid:
            columns += fields.map { Column(heading: $0.field.label, group: $0.group, isNumeric: $0.field.type.isNumeric) }
            for (file, values) in collected {
                rows.append(fields.map { cell(values[$0.field.key]) } + [.text(file.displayPath)])
            }
        case .list:
            let reporter = template.header?.field.flatMap { key in fields.first { $0.field.key == key } }
            fields.removeAll { !$0.field.isRowField }
            unitColumn = reporter != nil
            if unitColumn { columns.append(Column(heading: "填报单位", group: nil, isNumeric: false)) }
            columns += fields.map { Column(heading: $0.field.label, group: nil, isNumeric: $0.field.type.isNumeric) }
            for (file, values) in collected {
                let unit: [Cell] = reporter.map { [cell(values[$0.field.key])] } ?? []
                for row in values.rows where !row.isEmpty {
                    rows.append(unit + fields.map { cell(row[$0.field.rowKey]) } + [.text(file.displayPath)])
                }
            }
        }
        columns.append(Column(heading: fileHeading, group: nil, isNumeric: false))
        for i in rows.indices { rows[i].insert(.number(Decimal(i + 1)), at: 0) }

        var table = SummaryTable(
            sheetName: "汇总", title: "\(template.title)（汇总）",
            subtitle: coverage(forms: forms, rowCount: rows.count, template: template),
            columns: columns, rows: rows, totalRow: nil)
        if !template.totals.isEmpty {
            table.totalRow = totalRow(of: template, fields: fields, unitColumn: unitColumn, units: collected.map(\.1))
        }
        return table
    }

    /// The 合计 row: each summed field's total under its column, 合计 under the reporting
    /// unit (or the index, when the table has no unit column), the number of units last.
    private static func totalRow(of template: FormTemplate, fields: [SummaryColumn], unitColumn: Bool,
                                 units: [FormValues]) -> [Cell] {
        let totals = FormTotals(template: template, units: units)
        var labelled = unitColumn
        let sums = fields.map { column -> Cell in
            if column.field.key == template.header?.field {
                labelled = true
                return .text(totalLabel)
            }
            return totals.sums[column.field.key].map { .number($0) } ?? .empty
        }
        let unit: [Cell] = unitColumn ? [.text(totalLabel)] : []
        return [labelled ? .empty : .text(totalLabel)] + unit + sums + [.text("\(totals.unitCount) 个单位")]
    }

    /// The files that were not collected, one row per problem, so that the coordinator can
    /// send each unit its own list; nil when every file was collected.
    static func failures(_ forms: [CollectedForm]) -> SummaryTable? {
        let failed = forms.filter { !$0.isCollected }
        guard !failed.isEmpty else { return nil }
        var rows: [[Cell]] = []
        for form in failed {
            for problem in form.problems {
                rows.append([.number(Decimal(rows.count + 1)), .text(form.file.displayPath), .text(problem)])
            }
        }
        return SummaryTable(
            sheetName: "未收录", title: "未收录的文件",
            subtitle: "共 \(failed.count) 个文件未收录，请退回填报单位修改后重报。",
            columns: [Column(heading: indexHeading, group: nil, isNumeric: true),
                      Column(heading: "文件", group: nil, isNumeric: false),
                      Column(heading: "问题", group: nil, isNumeric: false)],
            rows: rows, totalRow: nil)
    }

    private static func cell(_ value: FieldValue?) -> Cell {
        switch value {
        case .text(let text)?: .text(text)
        case .number(let number)?: .number(number)
        case nil: .empty
        }
    }

    private static func coverage(forms: [CollectedForm], rowCount: Int, template: FormTemplate) -> String {
        let collected = forms.filter(\.isCollected).count
        let failed = forms.count - collected
        var line = "收录 \(collected) 个文件"
        if template.isList { line += "，共 \(rowCount) 条" }
        if failed > 0 { line += "；另有 \(failed) 个文件未收录，见“未收录”表" }
        return line + "。"
    }
}
