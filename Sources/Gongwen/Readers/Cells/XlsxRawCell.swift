/// One `<c>` of a worksheet as written: its type, style, value, formula and inline string.
struct XlsxRawCell {
    var type = "n"
    var style = 0
    /// The text of `<v>`; nil when the cell has none.
    var value: String?
    /// The text of `<f>`; nil when the cell has no formula.
    var formula: String?
    /// The text of `<is>`; nil when the cell has none.
    var inline: String?
}
