/// `word/fontTable.xml`: the fonts the document uses, with the GB2312 character set for the
/// Chinese faces and an alternative name Word falls back to when the official face is missing.
struct FontTablePart {
    var fonts: [String]

    /// Faces that Windows carries under a shorter name.
    static let alternatives = ["仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体"]

    var xml: String {
        var x = XMLBuilder()
        x.element("w:fonts", ["xmlns:w": DocxNamespace.w]) { x in
            for name in fonts {
                let chinese = name.unicodeScalars.contains { $0.value >= 0x2E80 }
                x.element("w:font", ["w:name": name]) { x in
                    if let alt = Self.alternatives[name] { x.empty("w:altName", ["w:val": alt]) }
                    x.empty("w:charset", ["w:val": chinese ? "86" : "00"])
                    x.empty("w:family", ["w:val": chinese ? "modern" : "roman"])
                    x.empty("w:pitch", ["w:val": chinese ? "fixed" : "variable"])
                }
            }
        }
        return x.xml
    }
}
