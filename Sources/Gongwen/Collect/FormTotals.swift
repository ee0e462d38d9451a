import Foundation

/// The sums of a template's `totals` over every collected unit, in `Decimal`: funds in 万元
/// with two decimals must add up to the cent (0.1 + 0.2 = 0.3), which binary floats do not.
/// A column of a list form is summed over every row of every unit.
public struct FormTotals: Sendable, Equatable {
    /// Sum by field key, for each summed field that at least one unit filled in.
    public var sums: [String: Decimal]
    /// How many units the sums are over.
    public var unitCount: Int

    public init(template: FormTemplate, units: [FormValues]) {
        unitCount = units.count
        sums = [:]
        for key in template.totals {
            guard let field = template.field(key) else { continue }
            for unit in units {
                if field.isRowField {
                    for row in unit.rows {
                        if case .number(let value)? = row[field.rowKey] { sums[key, default: 0] += value }
                    }
                } else if case .number(let value)? = unit[key] {
                    sums[key, default: 0] += value
                }
            }
        }
    }

    /// The form filled with the totals, ready to send up: every summed field, and the
    /// reporting unit saying what the numbers are, e.g. 合计（20 个单位）.
    public func formValues(of template: FormTemplate, reporter: String? = nil) -> FormValues {
        var values = FormValues(values: sums.filter { !$0.key.hasPrefix(FieldDefinition.rowPrefix) }.mapValues { .number($0) })
        if let key = template.header?.field {
            values.values[key] = .text(reporter ?? "合计（\(unitCount) 个单位）")
        }
        return values
    }
}
