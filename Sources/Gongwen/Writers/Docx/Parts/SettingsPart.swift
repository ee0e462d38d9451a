/// `word/settings.xml`: compatibility mode, tab stops, and whether odd and even pages have
/// their own footers (page numbers right on odd pages, left on even ones).
struct SettingsPart {
    var evenAndOddHeaders = false

    var xml: String {
        var x = XMLBuilder()
        x.element("w:settings", ["xmlns:w": DocxNamespace.w]) { x in
            x.empty("w:zoom", ["w:percent": "100"])
            // CT_Settings is a sequence: evenAndOddHeaders comes after defaultTabStop, and Word
            // calls a file with them the other way round corrupt.
            x.empty("w:defaultTabStop", ["w:val": "420"])
            if evenAndOddHeaders { x.empty("w:evenAndOddHeaders") }
            x.empty("w:characterSpacingControl", ["w:val": "compressPunctuation"])
            x.element("w:compat") { x in
                x.empty("w:compatSetting", ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"])
            }
        }
        return x.xml
    }
}
