import Foundation

/// The draft's text as the lines the reader works on: characters no file can hold taken out,
/// a text draft's tab-separated tables folded into markers, each line cleaned, page numbers
/// and running heads dropped.
extension DraftReader {
    mutating func cleanedLines(_ text: String) -> [DraftLine] {
        var raws: [String] = []
        var removed: [UInt32] = []
        for piece in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            // Controls that no XML file can hold (a NUL pasted from a terminal, U+FFFE from a
            // broken conversion) are no part of the notice: taken out, and said. A Word
            // draft's table markers are made of one (U+FFFF), so its text cannot forge them.
            var raw = String(piece)
            if !tables.isEmpty, DraftTable.index(raw) != nil {
                raws.append(raw)
                continue
            }
            if TextRules.firstForbiddenScalar(in: raw) != nil {
                var kept = String.UnicodeScalarView()
                for scalar in raw.unicodeScalars {
                    if TextRules.isForbidden(scalar) {
                        if !removed.contains(scalar.value) { removed.append(scalar.value) }
                    } else {
                        kept.append(scalar)
                    }
                }
                raw = String(kept)
            }
            raws.append(raw)
        }
        if isPlainText { raws = DraftTable.folding(raws, into: &tables) }
        var lines: [DraftLine] = []
        for raw in raws {
            let line = DraftLine(raw: raw)
            guard !line.text.isEmpty, !DraftText.isPageNumber(line.text) else { continue }
            for (wrong, right) in DraftText.mistranslatedWords(in: line.raw.trimmingCharacters(in: DraftText.blank)) {
                warnings.append(.wordRestored(from: wrong.trimmingCharacters(in: .whitespaces), to: right))
            }
            lines.append(line)
        }
        if !removed.isEmpty { warnings.append(.controlCharactersRemoved(removed)) }
        return Self.droppingRunningLines(lines)

    }

    /// Lines repeated on three or more pages (running heads, footers) are dropped.
    static func droppingRunningLines(_ lines: [DraftLine]) -> [DraftLine] {
        var counts: [String: Int] = [:]
        for line in lines { counts[line.text, default: 0] += 1 }
        return lines.filter { (counts[$0.text] ?? 0) < 3 || DraftText.width(of: $0.text) > 30 }
    }
}

