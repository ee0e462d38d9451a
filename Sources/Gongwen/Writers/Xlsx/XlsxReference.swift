/// A1-style cell references, both ways: written for formulas and messages, read back from the
/// cells and dimension of a worksheet. Rows and columns count from 0.
enum XlsxReference {
    /// Excel's last row and column, 0-based: row 1,048,576 and column XFD.
    static let lastRow = 1_048_575
    static let lastColumn = 16_383

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
    /// not all use capitals); nil when it is not one (C0, 5C, C+5, C5x) or names a row or
    /// column past Excel's last.
    static func position(of reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var digits = Substring()
        for (i, ch) in reference.enumerated() {
            if let a = ch.asciiValue, (65...90).contains(a) || (97...122).contains(a) {
                column = column * 26 + Int((a & 0xDF) - 64)
                if column > lastColumn + 1 { return nil }
            } else {
                digits = reference.dropFirst(i)
                break
            }
        }
        guard column > 0, !digits.isEmpty, digits.count <= 7, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let r = Int(digits), r > 0, r <= lastRow + 1 else { return nil }
        return (r - 1, column - 1)
    }
}
