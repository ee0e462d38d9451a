/// `word/styles.xml`: document defaults with explicit fonts (no theme fonts, which would
/// turn 黑体 into 等线), and the paragraph and table styles the writers refer to. Indents
/// live on the styles that need them, never in the defaults, so they cannot leak into tables.
struct StylesPart {
    var defaultFont: FontSpec
    var latin: String

    var xml: String {
        var x = XMLBuilder()
        x.element("w:styles", ["xmlns:w": DocxNamespace.w]) { x in
            x.element("w:docDefaults") { x in
                x.element("w:rPrDefault") { x in
                    x.element("w:rPr") { x in
                        x.empty("w:rFonts", ["w:ascii": latin, "w:hAnsi": latin, "w:eastAsia": defaultFont.eastAsia, "w:cs": latin])
                        x.empty("w:sz", ["w:val": String(DocxUnits.halfPoints(defaultFont.size))])
                        x.empty("w:szCs", ["w:val": String(DocxUnits.halfPoints(defaultFont.size))])
                        x.empty("w:lang", ["w:val": "en-US", "w:eastAsia": DocxRunStyle.eastAsianLanguage, "w:bidi": "ar-SA"])
                    }
                }
                x.element("w:pPrDefault") { x in
                    x.element("w:pPr") { x in
                        x.empty("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"])
                    }
                }
            }
            x.element("w:style", ["w:type": "paragraph", "w:default": "1", "w:styleId": "Normal"]) { x in
                x.empty("w:name", ["w:val": "Normal"])
                x.empty("w:qFormat")
                x.element("w:pPr") { x in x.empty("w:jc", ["w:val": "both"]) }
            }
            x.element("w:style", ["w:type": "character", "w:default": "1", "w:styleId": "DefaultParagraphFont"]) { x in
                x.empty("w:name", ["w:val": "Default Paragraph Font"])
                x.empty("w:uiPriority", ["w:val": "1"])
                x.empty("w:semiHidden")
            }
            x.element("w:style", ["w:type": "table", "w:default": "1", "w:styleId": "TableNormal"]) { x in
                x.empty("w:name", ["w:val": "Normal Table"])
                x.empty("w:semiHidden")
                x.element("w:tblPr") { x in
                    x.empty("w:tblInd", ["w:w": "0", "w:type": "dxa"])
                    x.element("w:tblCellMar") { x in
                        x.empty("w:top", ["w:w": "0", "w:type": "dxa"])
                        x.empty("w:left", ["w:w": "108", "w:type": "dxa"])
                        x.empty("w:bottom", ["w:w": "0", "w:type": "dxa"])
                        x.empty("w:right", ["w:w": "108", "w:type": "dxa"])
                    }
                }
            }
            x.element("w:style", ["w:type": "paragraph", "w:customStyle": "1", "w:styleId": "FormTitle"]) { x in
                x.empty("w:name", ["w:val": "Form Title"])
                x.empty("w:basedOn", ["w:val": "Normal"])
                x.element("w:pPr") { x in
                    x.empty("w:keepNext")
                    x.empty("w:spacing", ["w:before": "120", "w:after": "240"])
                    x.empty("w:jc", ["w:val": "center"])
                }
            }
            x.element("w:style", ["w:type": "paragraph", "w:customStyle": "1", "w:styleId": "FormCell"]) { x in
                x.empty("w:name", ["w:val": "Form Cell"])
                x.empty("w:basedOn", ["w:val": "Normal"])
                x.element("w:pPr") { x in
                    x.empty("w:spacing", ["w:before": "0", "w:after": "0", "w:line": "240", "w:lineRule": "auto"])
                    x.empty("w:ind", ["w:left": "0", "w:right": "0", "w:firstLine": "0"])
                }
            }
            x.element("w:style", ["w:type": "paragraph", "w:customStyle": "1", "w:styleId": "FormNote"]) { x in
                x.empty("w:name", ["w:val": "Form Note"])
                x.empty("w:basedOn", ["w:val": "Normal"])
                x.element("w:pPr") { x in
                    x.empty("w:spacing", ["w:before": "60", "w:after": "0"])
                    x.empty("w:jc", ["w:val": "left"])
                }
            }
        }
        return x.xml
    }
}
