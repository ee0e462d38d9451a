/// One WordprocessingML paragraph, of a notice or a form, written in the order CT_PPr
/// requires (Word refuses a file whose pPr children are out of order).
struct DocxParagraph {
    enum Alignment: String {
        case left, center, right, both, distribute

        init(_ horizontal: HorizontalAlignment) {
            switch horizontal {
            case .left: self = .left
            case .center: self = .center
            case .right: self = .right
            }
        }
    }

    /// The paragraph style that gives the spacing, indents and widow control (a form's
    /// FormTitle, FormCell, FormNote); they are then not written here, so `left`, `right`,
    /// `firstLine`, `hanging`, `spacingBefore` and `exactLine` count only without a style.
    /// Nil writes them directly, as the notice's grid needs.
    var style: String?
    var alignment: Alignment = .both
    var left = 0
    var right = 0
    var firstLine = 0
    var hanging = 0
    var spacingBefore = 0
    /// Exact line height in twips; nil for single spacing.
    var exactLine: Int?
    var pageBreakBefore = false
    var keepNext = false
    /// Widow and orphan control, off on a notice's grid (see `write`) except where lines must
    /// travel together: the last body paragraph carries two lines over with the signature.
    var widowControl = false
    /// Tab stops: `left` or `right`, at a position in twips.
    var tabs: [(kind: String, position: Int)] = []
    /// A border under the paragraph: colour, size in eighths of a point, space in points.
    var bottomBorder: (color: String, size: Int, space: Int)?
    /// A border over the paragraph, likewise.
    var topBorder: (color: String, size: Int, space: Int)?
    /// Places the paragraph in a frame at the bottom of the text block, full width: how the
    /// colophon reaches the foot of the last page. Consecutive framed paragraphs share a frame.
    var framedAtBottom: Int?
    /// Closes a section here (the section's properties go in this paragraph).
    var section: DocxSection?
    /// Runs, already written.
    var runs = XMLBuilder(declaration: false)

    mutating func add(_ text: String, _ style: DocxRunStyle) {
        DocxRun.write(text, style: style, to: &runs)
    }

    mutating func addRaw(_ markup: String) {
        runs.raw(markup)
    }

    func write(to x: inout XMLBuilder) {
        x.element("w:p") { x in
            x.element("w:pPr") { x in
                if let style { x.empty("w:pStyle", ["w:val": style]) }
                if keepNext { x.empty("w:keepNext") }
                if pageBreakBefore { x.empty("w:pageBreakBefore") }
                // No widow and orphan control: it would move single lines and break the
                // 22-lines-a-page grid the standard asks for.
                if let width = framedAtBottom {
                    x.empty("w:framePr", ["w:w": String(width), "w:wrap": "notBeside", "w:vAnchor": "margin",
                                          "w:hAnchor": "margin", "w:xAlign": "center", "w:yAlign": "bottom"])
                }
                if style == nil && !widowControl { x.empty("w:widowControl", ["w:val": "0"]) }
                if style == nil && widowControl { x.empty("w:widowControl") }
                if topBorder != nil || bottomBorder != nil {
                    x.element("w:pBdr") { x in
                        if let b = topBorder {
                            x.empty("w:top", ["w:val": "single", "w:sz": String(b.size), "w:space": String(b.space), "w:color": b.color])
                        }
                        if let b = bottomBorder {
                            x.empty("w:bottom", ["w:val": "single", "w:sz": String(b.size), "w:space": String(b.space), "w:color": b.color])
                        }
                    }
                }
                if !tabs.isEmpty {
                    x.element("w:tabs") { x in
                        for t in tabs { x.empty("w:tab", ["w:val": t.kind, "w:pos": String(t.position)]) }
                    }
                }
                if style == nil { writeGridProperties(to: &x) }
                x.empty("w:jc", ["w:val": alignment.rawValue])
                if let section { section.write(to: &x) }
            }
            x.raw(runs.xml)
        }
    }

    /// Spacing and indents given directly, with East-Asian auto-spacing off: what keeps a
    /// notice's characters on its grid.
    private func writeGridProperties(to x: inout XMLBuilder) {
        x.empty("w:autoSpaceDE", ["w:val": "0"])
        x.empty("w:autoSpaceDN", ["w:val": "0"])
        if let exactLine {
            x.empty("w:spacing", ["w:before": String(spacingBefore), "w:after": "0", "w:line": String(exactLine), "w:lineRule": "exact"])
        } else {
            x.empty("w:spacing", ["w:before": String(spacingBefore), "w:after": "0"])
        }
        if hanging > 0 {
            x.empty("w:ind", ["w:left": String(left), "w:right": String(right), "w:hanging": String(hanging)])
        } else {
            x.empty("w:ind", ["w:left": String(left), "w:right": String(right), "w:firstLine": String(firstLine)])
        }
    }
}
