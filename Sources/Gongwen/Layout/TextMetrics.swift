/// Rough text measures in spreadsheet character units (the width of "0" in an 11 pt font),
/// enough to size rows so that wrapped text is not cut off in Excel, which does not grow a
/// row with an explicit height.
enum TextMetrics {
    /// Width of `text` in character units at `size` points: East-Asian characters are two
    /// units wide, others one.
    static func width(of text: Substring, size: Double) -> Double {
        var units = 0.0
        for scalar in text.unicodeScalars {
            units += scalar.value >= 0x2E80 ? 2 : 1
        }
        return units * size / 11
    }

    /// How many lines `text` takes in a column `columnWidth` units wide.
    /// One pass over the scalars, with the same arithmetic as `width(of:size:)`: splitting the
    /// String into lines walked its grapheme clusters and was most of the XLSX writer's own
    /// time (every cell is measured to size its row).
    static func lineCount(_ text: String, columnWidth: Double, size: Double) -> Int {
        let usable = max(1, columnWidth - 1)
        var lines = 0
        var units = 0.0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines += max(1, Int((units * size / 11 / usable).rounded(.up)))
                units = 0
            } else {
                units += scalar.value >= 0x2E80 ? 2 : 1
            }
        }
        return lines + max(1, Int((units * size / 11 / usable).rounded(.up)))
    }

    /// The row height in points that shows every line of `text`.
    static func height(of text: String, columnWidth: Double, size: Double, stacked: Bool) -> Double {
        let lines = stacked ? text.count : lineCount(text, columnWidth: columnWidth, size: size)
        return Double(lines) * size * 1.3 + 8
    }
}
