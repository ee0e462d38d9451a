import Foundation

/// 发文机关署名 and 成文日期, with seals or without, placed by the standard's rules.
extension NoticeComposer {
    mutating func writeSignature() {
        if notice.document.signature.isSealed {
            writeSealedSignature()
        } else {
            writeUnsealedSignature()
        }
    }

    /// Without a seal: the name one line below the body, two characters from the right; the
    /// date on the next line starting two characters right of the name's first character. A
    /// longer date keeps two characters from the right and pushes the name left. Joint
    /// documents stack the organs, the lead one first.
    private mutating func writeUnsealedSignature() {
        let names = notice.document.signature.organs.map(\.name)
        let nameWidth = names.map { width(of: $0) }.max() ?? 0
        let dateWidth = width(of: notice.date)
        var nameStart = textWidth - 2 * character - nameWidth
        var dateStart = nameStart + 2 * character
        let dateIsLonger = dateStart + dateWidth > textWidth - 2 * character
        if dateIsLonger {
            dateStart = textWidth - 2 * character - dateWidth
            nameStart = dateStart - 2 * character
        }
        for (i, name) in names.enumerated() {
            var p = gridParagraph(before: i == 0 ? 1 : 0)
            p.alignment = .left
            p.left = max(0, nameStart)
            p.keepNext = true
            p.add(name, bodyStyle())
            p.write(to: &x)
        }
        var date = gridParagraph()
        if dateIsLonger {
            // Its end is what the rule fixes: right-aligned, it ends there whatever the
            // engine's spacing of digits.
            date.alignment = .right
            date.right = 2 * character
        } else {
            date.alignment = .left
            date.left = max(0, dateStart)
        }
        date.keepNext = notice.document.note != nil
        date.add(notice.date, bodyStyle())
        date.write(to: &x)
    }

    /// With seals: the date right-aligned four characters from the right, each organ's name
    /// centred under its seal, the last seal over the last name and the date. Seals sit in
    /// rows no wider than the text block and never touch: a row holds as many as fit.
    private mutating func writeSealedSignature() {
        let organs = notice.document.signature.organs
        let diameter = DocxUnits.twips(millimetres: layout.sealDiameter)
        // Seals 4 mm apart, and names at least two characters apart.
        let longest = organs.map { width(of: $0.name) }.max() ?? 0
        let pitch = max(diameter + DocxUnits.twips(millimetres: 4), longest + 2 * character)
        let dateWidth = width(of: notice.date)
        let dateCenter = textWidth - 4 * character - dateWidth / 2
        let perRow = max(1, min(organs.count, (dateCenter + diameter / 2) / pitch))
        // Rows fill from the end, so the last row is full and its last seal covers the date.
        var rows: [[Int]] = []
        var remaining = Array(organs.indices)
        while !remaining.isEmpty {
            let take = remaining.count % perRow == 0 ? perRow : remaining.count % perRow
            rows.append(Array(remaining.prefix(rows.isEmpty ? take : perRow)))
            remaining.removeFirst(rows.last!.count)
        }
        for (r, row) in rows.enumerated() {
            // Space above the row in a paragraph of its own, so the seals' offsets count from
            // the name line itself (Word and LibreOffice differ on whether a paragraph's top
            // includes its spacing). The first row's seals then start within one line below
            // the body; later rows clear the seals above them.
            var spacer = DocxParagraph()
            // The first row's seals reach to within one line of the body (GB/T 9704 7.3.5.1):
            // the name line is two lines down, less the 1.5 mm by which a 42 mm seal centred
            // between name and date would otherwise miss.
            spacer.exactLine = r == 0 ? 2 * line - DocxUnits.twips(millimetres: 1.5) : max(20, pitch - line)
            spacer.keepNext = true
            spacer.write(to: &x)
            var p = gridParagraph()
            p.alignment = .left
            p.keepNext = true
            let centers = row.indices.map { dateCenter - (row.count - 1 - $0) * pitch }
            p.tabs = centers.map { ("center", $0) }
            for (k, organ) in row.enumerated() {
                p.add("\t" + organs[organ].name, bodyStyle())
                if let png = notice.seals[organ] { addSeal(png, centerX: centers[k], diameter: diameter, to: &p) }
            }
            p.write(to: &x)
        }
        var date = gridParagraph()
        date.alignment = .right
        date.right = 4 * character
        date.keepNext = true   // with 附注, or the room under the seal
        date.add(notice.date, bodyStyle())
        date.write(to: &x)
    }

    /// Anchors a seal image centred on `centerX` and on the line between name and date.
    private mutating func addSeal(_ png: Data, centerX: Int, diameter: Int, to p: inout DocxParagraph) {
        let image = try? PNGImage(png)
        let height = diameter * (image?.height ?? 1) / max(image?.width ?? 1, 1)
        let id = "rIdSeal\(nextDrawingID)"
        images.append((id, "media/seal\(nextDrawingID).png", png))
        var run = XMLBuilder(declaration: false)
        DocxDrawing(relationshipID: id, id: nextDrawingID, name: "印章 \(nextDrawingID)", width: diameter, height: height,
                    x: centerX - diameter / 2, y: line - height / 2).write(to: &run)
        p.addRaw(run.xml)
        nextDrawingID += 1
    }
}

extension NoticeComposer {
    /// Whether seal images stand over the signature (a sealed notice may have none: its
    /// space is kept, and nothing hangs below the date).
    var printsSeals: Bool {
        notice.document.signature.isSealed && notice.seals.contains { $0 != nil }
    }

    /// Room under a sealed date for the seal's lower part: a seal centred between name and
    /// date reaches about a line below the date, and would hang below the text block when the
    /// date ends a page. An empty line kept with the date (and 附注) gives it that room on the
    /// page, and the next text starts after it.
    mutating func writeSealRoom() {
        guard printsSeals else { return }
        let radius = DocxUnits.twips(millimetres: layout.sealDiameter) / 2
        // Below the date line: the seal's centre is on the top of the date line.
        let below = radius - line - (notice.document.note == nil ? 0 : line)
        guard below > 0 else { return }
        var room = DocxParagraph()
        room.exactLine = below + DocxUnits.twips(millimetres: 1)
        room.write(to: &x)
    }
}
