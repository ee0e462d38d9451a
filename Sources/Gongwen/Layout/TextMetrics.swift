/// Rough text measures: enough to size rows so that wrapped text is not cut off in Excel (which
/// does not grow a row with an explicit height), to keep a form on its DOCX page, and to place
/// a notice's lines on the character grid. All of them start from one count, how many
/// characters of a text are full width and how many half; each caller turns it into its unit.
enum TextMetrics {
    /// The characters of a text by width.
    struct Extent {
        /// East-Asian characters and full-width forms: a whole character of the font size.
        var full = 0
        /// Latin letters, digits, spaces and the like: half a character.
        var half = 0
        /// Places where a full-width character meets a Latin letter or digit: LibreOffice
        /// puts extra space there ("spacing between Asian and non-Asian text"), which the
        /// DOCX cannot turn off for it (it ignores `w:autoSpaceDE`/`w:autoSpaceDN`).
        var scriptChanges = 0

        /// The width in half characters, which is Excel's character unit at 11 points.
        var units: Int { 2 * full + half }
    }

    /// Counts the full-width and half-width characters of `scalars`: full width from U+2E80
    /// on (CJK radicals and everything after, the full-width forms U+FF00–FFEF among them).
    /// `dashIsFull` counts — (U+2014) as full width too, as a Chinese font draws it; the
    /// spreadsheet measures, which size rows with room to spare, count it as half.
    static func extent(of scalars: some Sequence<Unicode.Scalar>, dashIsFull: Bool = false) -> Extent {
        var extent = Extent()
        var previous: Unicode.Scalar?
        for scalar in scalars {
            if scalar.value >= 0x2E80 || (dashIsFull && scalar.value == 0x2014) {
                extent.full += 1
            } else {
                extent.half += 1
            }
            if let previous, autospaced(previous, scalar) { extent.scriptChanges += 1 }
            previous = scalar
        }
        return extent
    }

    /// Whether LibreOffice puts space between `a` and `b`: one East-Asian, the other a Latin
    /// letter or digit.
    static func autospaced(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        func wide(_ s: Unicode.Scalar) -> Bool { s.value >= 0x2E80 }
        func latin(_ s: Unicode.Scalar) -> Bool { s.value < 0x2E80 && (s.properties.isAlphabetic || s.properties.numericType != nil) }
        return (wide(a) && latin(b)) || (latin(a) && wide(b))
    }

    /// Width of `text` in character units (the width of "0" in an 11 pt font) at `size`
    /// points: East-Asian characters are two units wide, others one.
    static func width(of text: some StringProtocol, size: Double) -> Double {
        width(units: extent(of: text.unicodeScalars).units, size: size)
    }

    /// Width of the widest line of `text` in character units at `size` points.
    static func widestLine(of text: String, size: Double) -> Double {
        text.split(separator: "\n").map { width(of: $0, size: size) }.max() ?? 0
    }

    /// Width of `text` in points at `size` points: half a character's size for each unit.
    static func points(of text: some StringProtocol, size: Double) -> Double {
        width(of: text, size: size) * 11 / 2
    }

    /// How many lines `text` takes in a column `columnWidth` units wide.
    /// The lines are split on Unicode scalars, not on the String's characters: walking its
    /// grapheme clusters was most of the XLSX writer's own time (every cell is measured to
    /// size its row).
    static func lineCount(_ text: String, columnWidth: Double, size: Double) -> Int {
        let usable = max(1, columnWidth - 1)
        var lines = 0
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += max(1, Int((width(units: extent(of: line).units, size: size) / usable).rounded(.up)))
        }
        return lines
    }

    /// The row height in points that shows every line of `text`.
    static func height(of text: String, columnWidth: Double, size: Double, stacked: Bool) -> Double {
        let lines = stacked ? text.count : lineCount(text, columnWidth: columnWidth, size: size)
        return Double(lines) * size * 1.3 + 8
    }

    private static func width(units: Int, size: Double) -> Double {
        Double(units) * size / 11
    }
}
