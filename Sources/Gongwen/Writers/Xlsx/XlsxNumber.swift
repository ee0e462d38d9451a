import Foundation

/// Numbers as a cell stores them: a binary double, the one nearest the decimal value.
enum XlsxNumber {
    /// The double nearest `value`, parsed from its decimal digits. `NSDecimalNumber.doubleValue`
    /// is off by one unit in the last place for about a third of two-decimal amounts
    /// (0.07 → 0.06999999999999999), which a cell would then store and readers show.
    static func double(_ value: Decimal) -> Double {
        Double(value.description) ?? NSDecimalNumber(decimal: value).doubleValue
    }
}
