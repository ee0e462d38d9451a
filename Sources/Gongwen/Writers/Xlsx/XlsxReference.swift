/// A1-style cell references, for formulas and messages.
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
}
