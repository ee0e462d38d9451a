import Foundation

/// A Word draft as the lines the importer reads: each body paragraph one line, with the
/// label Word's automatic numbering shows (一、 （一） 1.), the paragraph's own or its
/// heading style's, written in front, so that headings
/// numbered by Word read as those typed by hand. The DOCX reader is the one `collect` uses.
enum DraftDocx {
    /// The draft's lines, and its tables (rows of cell texts), each standing in the lines as
    /// a line of its own (`DraftTable.marker`) where it stood among the paragraphs.
    static func text(at url: URL) throws(ReadError) -> (text: String, tables: [[[String]]]) {
        let reader = try DocxTableReader(path: url, limits: .form)
        let content = try reader.content()
        let definitions = try reader.numberingDefinitions()
        let numbers = content.numbering.enumerated().map { index, own in
            definitions.number(own: own, style: index < content.styles.count ? content.styles[index] : nil)
        }
        let labels = definitions.labels(for: numbers)
        var lines: [String] = []
        var tablesAt: [Int: [Int]] = [:]
        for (index, table) in content.geometry.enumerated() { tablesAt[table.paragraphsBefore, default: []].append(index) }
        for index in 0...content.paragraphs.count {
            for table in tablesAt[index] ?? [] { lines.append(DraftTable.marker(table)) }
            guard index < content.paragraphs.count else { break }
            let label = index < labels.count ? labels[index] ?? "" : ""
            lines.append(label + content.paragraphs[index])
        }
        let tables = content.tables.map { grid in
            grid.keys.sorted().map { row in
                let cells = grid[row] ?? [:]
                return cells.keys.sorted().map { cells[$0] ?? "" }
            }
        }
        return (lines.joined(separator: "\n"), tables)
    }
}

/// A table of a draft among the lines the importer reads: a line of U+FFFF and the table's
/// index. U+FFFF is no character XML can hold, so no Word draft's text has it, and a text
/// draft's are taken out before its tables are found.
enum DraftTable {
    static func marker(_ index: Int) -> String { "\u{FFFF}\(index)" }

    static func index(_ line: String) -> Int? {
        guard line.unicodeScalars.first == "\u{FFFF}" else { return nil }
        return Int(String(line.unicodeScalars.dropFirst()))
    }

    /// The tables of a plain-text draft folded into markers: a table copied out of Word or
    /// WPS as text is a run of lines whose cells are separated by tabs. A run is a table when
    /// at least two of its lines hold two cells of text (one line with a tab is text aligned
    /// by it, such as an 印发 line); columns empty in every row (the leading tab of text taken
    /// from a PDF) are dropped, and short rows padded.
    static func folding(_ raws: [String], into tables: inout [[[String]]]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < raws.count {
            var j = i
            while j < raws.count, raws[j].contains("\t") { j += 1 }
            let rows = raws[i..<j].map { $0.split(separator: "\t", omittingEmptySubsequences: false).map { DraftText.clean(String($0)) } }
            guard rows.filter({ $0.filter { !$0.isEmpty }.count >= 2 }).count >= 2 else {
                out.append(contentsOf: raws[i..<max(j, i + 1)])
                i = max(j, i + 1)
                continue
            }
            let width = rows.map(\.count).max() ?? 0
            let padded = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
            let kept = (0..<width).filter { column in padded.contains { !$0[column].isEmpty } }
            out.append(marker(tables.count))
            tables.append(padded.map { row in kept.map { row[$0] } })
            i = j
        }
        return out
    }
}
