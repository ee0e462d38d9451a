/// `word/theme/theme1.xml`: the DrawingML theme a document package is expected to carry
/// (strict validators report a document without one). The least the schema takes: a colour
/// scheme (Office's twelve colours), a font scheme and a format scheme of three plain styles
/// in each list. Nothing refers to it: runs and document defaults name their fonts
/// (`w:ascii`, `w:eastAsia`…) and their colours, so the theme changes nothing a reader shows;
/// its font scheme names the document's own faces all the same, so that a reader falling
/// back to theme fonts shows the same letters.
struct ThemePart {
    /// The face for Latin letters and digits, also named for complex scripts.
    var latin: String
    /// The document's default East-Asian face (仿宋_GB2312).
    var eastAsia: String

    var xml: String {
        var x = XMLBuilder()
        x.element("a:theme", ["xmlns:a": DocxNamespace.a, "name": "Gongwen"]) { x in
            x.element("a:themeElements") { x in
                writeColourScheme(&x)
                writeFontScheme(&x)
                writeFormatScheme(&x)
            }
            x.empty("a:objectDefaults")
            x.empty("a:extraClrSchemeLst")
        }
        return x.xml
    }

    /// The colours after the two system ones, in the schema's order.
    private static let colours: KeyValuePairs<String, String> = [
        "a:dk2": "1F497D", "a:lt2": "EEECE1",
        "a:accent1": "4F81BD", "a:accent2": "C0504D", "a:accent3": "9BBB59",
        "a:accent4": "8064A2", "a:accent5": "4BACC6", "a:accent6": "F79646",
        "a:hlink": "0000FF", "a:folHlink": "800080",
    ]

    /// Dark and light are the system's text and window colours, as in Office's theme.
    private func writeColourScheme(_ x: inout XMLBuilder) {
        x.element("a:clrScheme", ["name": "Office"]) { x in
            x.element("a:dk1") { x in x.empty("a:sysClr", ["val": "windowText", "lastClr": "000000"]) }
            x.element("a:lt1") { x in x.empty("a:sysClr", ["val": "window", "lastClr": "FFFFFF"]) }
            for (name, rgb) in Self.colours {
                x.element(name) { x in x.empty("a:srgbClr", ["val": rgb]) }
            }
        }
    }

    private func writeFontScheme(_ x: inout XMLBuilder) {
        x.element("a:fontScheme", ["name": "Gongwen"]) { x in
            for role in ["a:majorFont", "a:minorFont"] {
                x.element(role) { x in
                    x.empty("a:latin", ["typeface": latin])
                    x.empty("a:ea", ["typeface": eastAsia])
                    x.empty("a:cs", ["typeface": latin])
                }
            }
        }
    }

    /// Three of each, the schema's minimum: fills and backgrounds in the placeholder colour,
    /// thin to thick lines, no effects.
    private func writeFormatScheme(_ x: inout XMLBuilder) {
        func placeholderFill(_ x: inout XMLBuilder) {
            x.element("a:solidFill") { x in x.empty("a:schemeClr", ["val": "phClr"]) }
        }
        x.element("a:fmtScheme", ["name": "Office"]) { x in
            x.element("a:fillStyleLst") { x in for _ in 0..<3 { placeholderFill(&x) } }
            x.element("a:lnStyleLst") { x in
                for width in [9_525, 25_400, 38_100] {
                    x.element("a:ln", ["w": String(width)]) { x in placeholderFill(&x) }
                }
            }
            x.element("a:effectStyleLst") { x in
                for _ in 0..<3 { x.element("a:effectStyle") { x in x.empty("a:effectLst") } }
            }
            x.element("a:bgFillStyleLst") { x in for _ in 0..<3 { placeholderFill(&x) } }
        }
    }
}
