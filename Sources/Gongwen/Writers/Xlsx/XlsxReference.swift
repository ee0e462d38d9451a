/// A1-style cell references, both ways: written for formulas and messages, read back from the
/// cells and dimension of a worksheet. Rows and columns count from 0.
enum XlsxReference {
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    static func cell(row: Int, column: Int) -> String { "\(self.column(column))\(row + 1)" }

    /// The row and column of an A1 reference, its letters in either case (other writers do
    /// not all use capitals); nil when it is not one or names a column past Excel's last.
    static func position(of reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var digits = Substring()
        for (i, ch) in reference.enumerated() {
            if let a = ch.asciiValue, (65...90).contains(a) || (97...122).contains(a) {
                column = column * 26 + Int((a & 0xDF) - 64)
                if column > 16_384 { return nil }
            } else {
                digits = reference.dropFirst(i)
                break
            }
        }
        guard column > 0, let r = Int(digits), r > 0 else { return nil }
        return (r - 1, column - 1)
    }
}
