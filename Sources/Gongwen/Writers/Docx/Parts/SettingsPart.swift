/// `word/settings.xml`: compatibility mode, tab stops, and whether odd and even pages have
/// their own footers (page numbers right on odd pages, left on even ones).
struct SettingsPart {
    var evenAndOddHeaders = false

    var xml: String {
        var x = XMLBuilder()
        x.element("w:settings", ["xmlns:w": DocxNamespace.w]) { x in
            x.empty("w:zoom", ["w:percent": "100"])
            if evenAndOddHeaders { x.empty("w:evenAndOddHeaders") }
            x.empty("w:defaultTabStop", ["w:val": "420"])
            x.empty("w:characterSpacingControl", ["w:val": "compressPunctuation"])
            x.element("w:compat") { x in
                x.empty("w:compatSetting", ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"])
            }
        }
        return x.xml
    }
}
