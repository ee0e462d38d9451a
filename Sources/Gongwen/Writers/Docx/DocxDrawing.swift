/// A floating picture (DrawingML anchor) that does not move the text: how a seal sits over
/// the organ's name and the date.
struct DocxDrawing {
    /// Relationship id of the image part.
    var relationshipID: String
    /// Unique id of the drawing in the document.
    var id: Int
    var name: String
    /// Size and offsets in twips; offsets from the column's left edge and the paragraph's top.
    var width: Int
    var height: Int
    var x: Int
    var y: Int

    static func emu(_ twips: Int) -> String { String(twips * 635) }

    func write(to xml: inout XMLBuilder) {
        xml.element("w:r") { xml in
            xml.element("w:drawing") { xml in
                xml.element("wp:anchor", [
                    "distT": "0", "distB": "0", "distL": "0", "distR": "0", "simplePos": "0",
                    "relativeHeight": String(251_659_264 + id), "behindDoc": "0", "locked": "0",
                    "layoutInCell": "1", "allowOverlap": "1",
                ]) { xml in
                    xml.empty("wp:simplePos", ["x": "0", "y": "0"])
                    xml.element("wp:positionH", ["relativeFrom": "column"]) { $0.element("wp:posOffset", text: Self.emu(x)) }
                    xml.element("wp:positionV", ["relativeFrom": "paragraph"]) { $0.element("wp:posOffset", text: Self.emu(y)) }
                    xml.empty("wp:extent", ["cx": Self.emu(width), "cy": Self.emu(height)])
                    xml.empty("wp:effectExtent", ["l": "0", "t": "0", "r": "0", "b": "0"])
                    xml.empty("wp:wrapNone")
                    xml.empty("wp:docPr", ["id": String(id), "name": name])
                    xml.empty("wp:cNvGraphicFramePr")
                    xml.element("a:graphic") { xml in
                        xml.element("a:graphicData", ["uri": DocxNamespace.pic]) { xml in
                            xml.element("pic:pic") { xml in
                                xml.element("pic:nvPicPr") { xml in
                                    xml.empty("pic:cNvPr", ["id": String(id), "name": name])
                                    xml.empty("pic:cNvPicPr")
                                }
                                xml.element("pic:blipFill") { xml in
                                    xml.empty("a:blip", ["r:embed": relationshipID])
                                    xml.element("a:stretch") { $0.empty("a:fillRect") }
                                }
                                xml.element("pic:spPr") { xml in
                                    xml.element("a:xfrm") { xml in
                                        xml.empty("a:off", ["x": "0", "y": "0"])
                                        xml.empty("a:ext", ["cx": Self.emu(width), "cy": Self.emu(height)])
                                    }
                                    xml.element("a:prstGeom", ["prst": "rect"]) { $0.empty("a:avLst") }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
