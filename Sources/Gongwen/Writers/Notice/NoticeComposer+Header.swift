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

    /// The size and horizontal scale of the issuer mark. The preset's size is kept (the
    /// standard sizes the mark by its height); a longest line that would not fit the text
    /// block is compressed horizontally to fit, as offices set long organ names. Glyphs are
    /// never compressed below half their width: past that the size comes down as well.
    func issuerFit(longestEms: Double) -> (size: Double, scale: Int?) {
        let available = Double(textWidth) / 20
        let size = layout.fonts.issuer.size
        let natural = longestEms * size
        guard natural > available else { return (size, nil) }
        let scale = Int((available / natural * 100).rounded(.down))
        guard scale < Self.narrowestIssuerScale else { return (size, scale) }
        let smaller = (available / (longestEms * Double(Self.narrowestIssuerScale) / 100)).rounded(.down)
        return (smaller, Self.narrowestIssuerScale)
    }

    static let narrowestIssuerScale = 50

    /// The width of `text` in ems of the mark's font: Chinese a whole em, the rest half.
    static func ems(_ text: String) -> Double {
        let extent = TextMetrics.extent(of: text.unicodeScalars, dashIsFull: true)
        return Double(extent.full) + Double(extent.half) / 2
    }

    mutating func writeIssuer() {
        let issuer = notice.document.issuer
        let suffix = issuer.suffix ?? ""
        let joint = issuer.organs.count > 1 && !suffix.isEmpty
        // One organ: name and 文件 on one line; joint: the longest name, a gap and 文件.
        let lines = issuer.organs.map { Self.ems($0) + (issuer.organs.count == 1 ? Self.ems(suffix) : 0) }
        let longest = (lines.max() ?? 0) + (joint ? Self.ems(suffix) + 1 : 0)
        var font = layout.fonts.issuer
        let fit = issuerFit(longestEms: longest)
        font.size = fit.size
        let lineHeight = DocxUnits.twips(points: font.size * 1.25)
        // A spacer puts the top of the mark 35 mm below the top of the text block.
        let top = DocxUnits.twips(millimetres: layout.issuerTop) - markLines * line - (lineHeight - DocxUnits.twips(points: font.size)) / 2
        var spacer = DocxParagraph()
        spacer.exactLine = max(top, 20)
        spacer.write(to: &x)
        var style = DocxRunStyle(font: font, latin: layout.fonts.latin, color: layout.red)
        style.characterScale = fit.scale
        if !joint {
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
        // The columns as wide as the compressed glyphs.
        let em = Double(DocxUnits.twips(points: font.size)) * Double(style.characterScale ?? 100) / 100
        let nameWidth = Int(((organs.map(Self.ems).max() ?? 1) * em).rounded(.up))
        let suffixWidth = Int(((Self.ems(suffix) + 1) * em).rounded(.up))
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

    /// 标题 two lines below the red line, centred, one paragraph a line: the lines as given,
    /// a line wider than the text block broken between words into a trapezoid or diamond.
    mutating func writeTitle() {
        // Its lines keep together, but the last does not hold 主送机关 back: a long title
        // under a tall joint mark still starts on page 1, under the red line.
        writeTitleLines(notice.document.title, before: 2, width: textWidth, keepingLastWithNext: false)
    }

    /// Title lines in 二号 at their full width (no condensing), the first `before` lines down,
    /// kept with what follows; broken to fit `width` twips. Returns how many lines it took.
    @discardableResult
    mutating func writeTitleLines(_ title: [String], before: Int, width: Int, keepingLastWithNext: Bool = true) -> Int {
        let font = layout.fonts.title
        let lines = TitleLines.lines(of: title, size: font.size, width: Double(width) / 20)
        for (i, line) in lines.enumerated() {
            var p = gridParagraph(before: i == 0 ? before : 0)
            p.alignment = .center
            p.keepNext = keepingLastWithNext || i < lines.count - 1
            p.add(line, DocxRunStyle(font: font, latin: layout.fonts.latin))
            p.write(to: &x)
        }
        return lines.count
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
