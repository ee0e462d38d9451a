/// 正文: paragraphs indented two characters, headings numbered from their depth in the
/// fonts of their level, contact blocks; and 附件说明 after it.
extension NoticeComposer {
    mutating func writeBlocks(_ blocks: [BodyBlock], level: Int) {
        var headingIndex = 0
        for block in blocks {
            if let heading = block.heading {
                headingIndex += 1
                var p = bodyParagraph()
                p.keepNext = block.text == nil
                let number = HeadingNumber.text(level: level, index: headingIndex)
                p.add(number + heading, bodyStyle(layout.fonts.heading(level)))
                if let text = block.text { p.add(text, bodyStyle()) }
                emit(p)
                writeBlocks(block.body ?? [], level: level + 1)
            } else if let table = block.table {
                writeTable(table)
            } else if let contact = block.contact {
                for line in contact {
                    var p = bodyParagraph()
                    p.add(line, bodyStyle())
                    emit(p)
                }
            } else if let text = block.text {
                for paragraph in text.lines(omittingEmpty: true) {
                    var p = bodyParagraph()
                    p.add(paragraph, bodyStyle())
                    emit(p)
                }
                writeBlocks(block.body ?? [], level: level)
            }
        }
    }

    /// A table block: ruled cells over the text width, columns of equal width, each cell's
    /// text in the body font; the paragraph held back goes first, as a table cannot be held.
    mutating func writeTable(_ rows: [[String]]) {
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return }
        heldParagraph?.write(to: &x)
        heldParagraph = nil
        let width = textWidth / columns
        var table = XMLBuilder(declaration: false)
        table.element("w:tbl") { x in
            x.element("w:tblPr") { x in
                x.empty("w:tblW", ["w:w": String(width * columns), "w:type": "dxa"])
                x.element("w:tblBorders") { x in
                    for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
                        x.empty(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"])
                    }
                }
                x.empty("w:tblLayout", ["w:type": "fixed"])
            }
            x.element("w:tblGrid") { x in
                for _ in 0..<columns { x.empty("w:gridCol", ["w:w": String(width)]) }
            }
            for row in rows {
                x.element("w:tr") { x in
                    x.element("w:trPr") { $0.empty("w:cantSplit") }
                    for column in 0..<columns {
                        x.element("w:tc") { x in
                            DocxCellProperties(width: width).write(to: &x)
                            var p = DocxParagraph()
                            p.alignment = .left
                            p.add(column < row.count ? row[column] : "", bodyStyle())
                            p.write(to: &x)
                        }
                    }
                }
            }
        }
        x.raw(table.xml)
    }

    /// Writes the paragraph held back before `p`, and holds `p`: the last paragraph of the body
    /// is only known when the body ends, and it must be kept with the signature.
    mutating func emit(_ p: DocxParagraph) {
        heldParagraph?.write(to: &x)
        heldParagraph = p
    }

    /// Writes the held paragraph; `keptWithSignature` makes its last lines (two at least, or all
    /// of a shorter one) share the page with what follows. GB/T 9704 7.3.5.5: the signature and
    /// the date never stand alone on a page; carrying lines over keeps the 22-line grid.
    mutating func releaseHeldParagraph(keptWithSignature: Bool) {
        guard var p = heldParagraph else { return }
        if keptWithSignature {
            p.keepNext = true
            p.widowControl = true
        }
        p.write(to: &x)
        heldParagraph = nil
    }

    /// A paragraph of 正文: first line indented two characters, the rest flush left.
    func bodyParagraph() -> DocxParagraph {
        var p = gridParagraph()
        p.firstLine = 2 * character
        return p
    }

    /// 附件说明 one line below the body, two characters in. One attachment: 附件：name. Several:
    /// 附件：1. name, then 2. name under 1.; a wrapped name lines up with its first character.
    mutating func writeAttachmentList() {
        releaseHeldParagraph(keptWithSignature: true)
        let names = notice.attachments.map(\.name)
        guard !names.isEmpty else { return }
        let label = "附件："
        let labelWidth = width(of: label)
        let start = 2 * character
        if names.count == 1 {
            var p = gridParagraph(before: 1)
            p.left = start + labelWidth
            p.hanging = labelWidth
            p.keepNext = true
            p.add(label + names[0], bodyStyle())
            p.write(to: &x)
            return
        }
        let numberWidth = width(of: "\(names.count). ")
        let nameStart = start + labelWidth + numberWidth
        for (i, name) in names.enumerated() {
            var p = gridParagraph(before: i == 0 ? 1 : 0)
            p.left = nameStart
            p.hanging = i == 0 ? labelWidth + numberWidth : numberWidth
            p.tabs = [("left", nameStart)]
            p.keepNext = true
            p.add((i == 0 ? label : "") + "\(i + 1).\t" + name, bodyStyle())
            p.write(to: &x)
        }
    }

    /// 附注 on the line after the date, two characters in, in parentheses.
    mutating func writeNote() {
        guard let note = notice.document.note else { return }
        var p = bodyParagraph()
        p.keepNext = printsSeals   // with the room under the seal
        p.add("（" + note + "）", bodyStyle())
        p.write(to: &x)
    }
}
