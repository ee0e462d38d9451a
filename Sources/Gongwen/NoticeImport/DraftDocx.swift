import Foundation

/// A Word draft as the lines the importer reads: each body paragraph one line, with the
/// label Word's automatic numbering shows (一、 （一） 1.) written in front, so that headings
/// numbered by Word read as those typed by hand. The DOCX reader is the one `collect` uses.
enum DraftDocx {
    static func text(at url: URL) throws(ReadError) -> String {
        let reader = try DocxTableReader(path: url, limits: .form)
        let content = try reader.content()
        let labels = try reader.numberingDefinitions().labels(for: content.numbering)
        return content.paragraphs.enumerated().map { index, paragraph in
            let label = index < labels.count ? labels[index] ?? "" : ""
            return label + paragraph
        }.joined(separator: "\n")
    }
}
