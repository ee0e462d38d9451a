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

/// A table of a Word draft among the lines the importer reads: a line holding only a private-use
/// character and the table's index, which no draft's text contains.
enum DraftTable {
    static func marker(_ index: Int) -> String { "\u{E000}\(index)" }

    static func index(_ line: String) -> Int? {
        guard line.first == "\u{E000}" else { return nil }
        return Int(line.dropFirst())
    }
}
