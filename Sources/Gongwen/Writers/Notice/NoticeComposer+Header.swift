/// 版头: 份号, 密级, 紧急程度, the red issuer mark, 发文字号 (with 签发人 for upward
/// documents) and the red separator line.
extension NoticeComposer {
    /// How many of the lines above the issuer mark are taken by 份号, 密级, 紧急程度.
    var markLines: Int {
        [notice.document.copyNumber, notice.document.secrecy, notice.document.urgency].compactMap { $0 }.count
    }

    mutating func writeHeaderMarks() {
        let d = notice.document
        if let copy = d.copyNumber {
            var p = gridParagraph()
            p.alignment = .left
            p.add(copy, bodyStyle())
            p.write(to: &x)
        }
        for mark in [d.secrecy, d.urgency].compactMap({ $0 }) {
            var p = gridParagraph()
            p.alignment = .left
            p.add(mark, bodyStyle(layout.fonts.marks))
            p.write(to: &x)
        }
    }

    /// The size of the issuer mark: the preset's, made smaller when the longest line would
    /// not fit the text block (the standard: narrower than 15 mm a character, balanced).
    func issuerSize(_ longest: Int) -> Double {
        let fit = Double(textWidth) / 20 / Double(max(longest, 1))
        return min(layout.fonts.issuer.size, (fit * 0.95).rounded(.down))
    }

    mutating func writeIssuer() {
        let issuer = notice.document.issuer
        let suffix = issuer.suffix ?? ""
        let longest = (issuer.organs.map(\.count).max() ?? 0) + (suffix.isEmpty ? 0 : suffix.count + (issuer.organs.count > 1 ? 1 : 0))
        var font = layout.fonts.issuer
        font.size = issuerSize(longest)
        let lineHeight = DocxUnits.twips(points: font.size * 1.25)
        // A spacer puts the top of the mark 35 mm below the top of the text block.
        let top = DocxUnits.twips(millimetres: layout.issuerTop) - markLines * line - (lineHeight - DocxUnits.twips(points: font.size)) / 2
        var spacer = DocxParagraph()
        spacer.exactLine = max(top, 20)
        spacer.write(to: &x)
        let style = DocxRunStyle(font: font, latin: layout.fonts.latin, color: layout.red)
        if issuer.organs.count == 1 || suffix.isEmpty {
            for organ in issuer.organs {
                var p = DocxParagraph()
                p.alignment = .center
                p.exactLine = lineHeight
                p.add(organ + (issuer.organs.count == 1 ? suffix : ""), style)
                p.write(to: &x)
            }
            return
        }
        writeJointIssuer(font: font, style: style, lineHeight: lineHeight, suffix: suffix)
    }

    /// Joint issuance: the organs' names stacked and spread to one width, 文件 to their right,
    /// centred vertically against them; the whole centred on the text block.
    private mutating func writeJointIssuer(font: FontSpec, style: DocxRunStyle, lineHeight: Int, suffix: String) {
        let organs = notice.document.issuer.organs
        let nameWidth = (organs.map(\.count).max() ?? 1) * DocxUnits.twips(points: font.size)
        let suffixWidth = (suffix.count + 1) * DocxUnits.twips(points: font.size)
        x.element("w:tbl") { x in
            DocxTableLayout(columnWidths: [nameWidth, suffixWidth], ruled: false, cellPadding: 0).write(to: &x)
            for (i, organ) in organs.enumerated() {
                x.element("w:tr") { x in
                    x.element("w:tc") { x in
                        DocxCellProperties(width: nameWidth).write(to: &x)
                        var p = DocxParagraph()
                        p.alignment = .distribute
                        p.exactLine = lineHeight
                        p.add(organ, style)
                        p.write(to: &x)
                    }
                    x.element("w:tc") { x in
                        DocxCellProperties(width: suffixWidth, rowSpan: i == 0 ? .start : .continuation).write(to: &x)
                        var p = DocxParagraph()
                        p.alignment = .right
                        p.exactLine = lineHeight
                        if i == 0 { p.add(suffix, style) }
                        p.write(to: &x)
                    }
                }
            }
        }
    }

    /// 发文字号 two lines below the mark, centred. Upward documents put it left, one character
    /// in, on the line of the last 签发人 names: 签发人：names stand right, one character in,
    /// two names a line, later lines aligned with the first name. Positions are tab stops on
    /// paragraphs without indents, so the red line under the last line — its bottom border —
    /// spans the whole text block.
    mutating func writeDocumentNumber() {
        let d = notice.document
        let number = d.documentNumber ?? ""
        guard let signers = d.signer, !signers.isEmpty else {
            var p = gridParagraph()
            p.spacingBefore = linesBelowIssuer
            p.alignment = .center
            p.bottomBorder = redLine
            p.add(number, bodyStyle())
            p.write(to: &x)
            return
        }
        let label = "签发人："
        let lines = stride(from: 0, to: signers.count, by: 2).map { signers[$0..<min($0 + 2, signers.count)].joined(separator: "　") }
        let labelWidth = width(of: label)
        let blockStart = textWidth - character - labelWidth - (lines.map { width(of: $0) }.max() ?? 0)
        let namesStart = blockStart + labelWidth
        for (i, names) in lines.enumerated() {
            let last = i == lines.count - 1
            var p = gridParagraph()
            if i == 0 { p.spacingBefore = linesBelowIssuer }
            p.tabs = (last ? [("left", character)] : []) + [("left", i == 0 ? blockStart : namesStart)]
            if last {
                p.add("\t" + number, bodyStyle())
                p.bottomBorder = redLine
            } else {
                p.keepNext = true
            }
            p.add(i == 0 ? "\t" + label : "\t", bodyStyle())
            p.add(names, bodyStyle(layout.fonts.signer))
            p.write(to: &x)
        }
    }

    /// Two lines between the issuer mark's glyphs and the 发文字号 line: the mark's own line is
    /// taller than its glyphs (1.25 of the size, the glyphs midway), so the spare part of it
    /// under the glyphs counts towards the two.
    var linesBelowIssuer: Int {
        2 * line - DocxUnits.twips(points: layout.fonts.issuer.size * 0.125)
    }

    /// The red separator line as the bottom border of the 发文字号 line, the layout's gap below
    /// the number's glyphs. LibreOffice draws a bottom border centred `space` below the
    /// paragraph, whose exact line puts the text's em box midway: the gap is half the spare
    /// line height, plus the space, less half the line's thickness.
    var redLine: (color: String, size: Int, space: Int) {
        let spare = (Double(line) / 20 - layout.fonts.body.size) / 2
        let thickness = layout.redLine.thickness / 25.4 * 72
        let space = layout.redLine.gap / 25.4 * 72 - spare + thickness / 2
        return (layout.red, Self.eighths(layout.redLine.thickness), max(0, min(31, Int(space.rounded()))))
    }

    /// 标题 two lines below the red line, centred, each given line on its own.
    mutating func writeTitle() {
        for (i, title) in notice.document.title.enumerated() {
            var p = gridParagraph(before: i == 0 ? 2 : 0)
            p.alignment = .center
            p.keepNext = true
            p.add(title, DocxRunStyle(font: layout.fonts.title, latin: layout.fonts.latin))
            p.write(to: &x)
        }
    }

    /// 主送机关 one line below the title, flush left.
    mutating func writeRecipients() {
        guard let recipients = notice.document.recipients else { return }
        var p = gridParagraph(before: 1)
        p.alignment = .both
        p.add(recipients, bodyStyle())
        p.write(to: &x)
    }
}
