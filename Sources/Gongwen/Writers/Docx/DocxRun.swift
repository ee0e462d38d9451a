/// The character formatting of a run, written with explicit `w:ascii`, `w:hAnsi`,
/// `w:eastAsia` and `w:cs` fonts and never theme attributes, which would override them.
struct DocxRunStyle: Equatable {
    /// The language of East Asian text in every run and in the document defaults. Word, WPS and
    /// LibreOffice choose a face's Chinese or Japanese forms (直骨角写画) by it: LibreOffice printed
    /// the Japanese forms from Noto Serif CJK SC for a run in ja-JP. On each run, not only in the
    /// defaults, so that text pasted into another document stays Chinese.
    static let eastAsianLanguage = "zh-CN"

    var eastAsia: String
    var latin: String
    var size: Double
    var bold = false
    /// RRGGBB, nil for automatic.
    var color: String?
    /// Character spacing in twentieths of a point (negative condenses).
    var spacing: Int?
    /// Horizontal scale of the glyphs in percent (`w:w`; LibreOffice's CharScaleWidth), for
    /// text compressed to a width without a smaller size; nil for 100.
    var characterScale: Int?

    init(font: FontSpec, latin: String, color: String? = nil) {
        eastAsia = font.eastAsia
        self.latin = latin
        size = font.size
        bold = font.bold ?? false
        self.color = color
    }

    func write(to x: inout XMLBuilder) {
        x.element("w:rPr") { x in
            x.empty("w:rFonts", ["w:ascii": latin, "w:hAnsi": latin, "w:eastAsia": eastAsia, "w:cs": latin])
            if bold {
                x.empty("w:b")
                x.empty("w:bCs")
            }
            if let color { x.empty("w:color", ["w:val": color]) }
            if let spacing { x.empty("w:spacing", ["w:val": String(spacing)]) }
            if let characterScale { x.empty("w:w", ["w:val": String(characterScale)]) }
            x.empty("w:sz", ["w:val": String(DocxUnits.halfPoints(size))])
            x.empty("w:szCs", ["w:val": String(DocxUnits.halfPoints(size))])
            x.empty("w:lang", ["w:eastAsia": Self.eastAsianLanguage])
        }
    }
}

enum DocxRun {
    /// One run of `text`: line breaks (LF, CR LF or CR) become `w:br`, tabs `w:tab`, and every
    /// text node keeps its spaces (`xml:space="preserve"`). Split by code point: a break inside
    /// a text node would be read back as a space.
    static func write(_ text: String, style: DocxRunStyle, to x: inout XMLBuilder) {
        x.element("w:r") { x in
            style.write(to: &x)
            // The usual run has no line break or tab: one text node, no splitting.
            if !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
                if !text.isEmpty { x.element("w:t", ["xml:space": "preserve"], text: text) }
                return
            }
            var first = true
            for line in text.lines() {
                if !first { x.empty("w:br") }
                first = false
                var firstPiece = true
                for piece in line.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false) {
                    if !firstPiece { x.empty("w:tab") }
                    firstPiece = false
                    if !piece.isEmpty { x.element("w:t", ["xml:space": "preserve"], text: String(piece)) }
                }
            }
        }
    }
}
