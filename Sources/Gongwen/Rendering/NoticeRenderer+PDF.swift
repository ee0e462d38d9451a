import Foundation

/// The notice's PDF, with its 版记 on the last side of the sheet.
///
/// GB/T 9704 puts the 版记 on the last page, an even one (the back of the last sheet), with its
/// last line on the bottom of the text block. The DOCX alone cannot say which page that is —
/// only a layout engine knows where the text ends — so the PDF path measures LibreOffice's
/// layout and asks again: the first layout puts the 版记 at the foot of the page the text ends
/// on; when that page is odd, the 版记 gets a page of its own; when that page is odd as well
/// (the text filled an even page), a blank page goes before it, and neither carries a number
/// (7.5). At most three conversions, one when the first lands on an even page.
extension NoticeRenderer {
    /// Writes the DOCX to `docx` and the PDF made from it to `pdf`, both or neither; the DOCX
    /// is the one the PDF was made from. `convert` turns a DOCX into a PDF (LibreOffice).
    public func writeDocxAndPDF(_ notice: ValidatedNotice, docx: URL, pdf: URL,
                                convert: (URL, URL) throws -> Void) throws {
        let work = pdf.deletingLastPathComponent().appendingPathComponent(".gongwen-\(UUID().uuidString)")
        try AtomicFile.ensureFolder(work)
        defer { try? FileManager.default.removeItem(at: work) }
        let draftDocx = work.appendingPathComponent("notice.docx")
        let draftPDF = work.appendingPathComponent("notice.pdf")
        func layout(_ placement: ColophonPlacement) throws -> Int {
            try NoticeDocxWriter().write(notice, to: draftDocx, colophon: placement)
            try? FileManager.default.removeItem(at: draftPDF)
            try convert(draftDocx, draftPDF)
            return try PDFPageCount.count(of: draftPDF)
        }
        if notice.document.colophon != nil {
            let pages = try layout(.followingText)
            if pages % 2 == 1, try layout(.ownPage) == pages {
                _ = try layout(.afterBlankPage)
            }
        } else {
            _ = try layout(.followingText)
        }
        try AtomicFile.write(to: docx) { try FileManager.default.moveItem(at: draftDocx, to: $0) }
        try AtomicFile.write(to: pdf) { try FileManager.default.moveItem(at: draftPDF, to: $0) }
    }
}

/// The number of pages of a PDF that LibreOffice wrote: its page objects, counted. Reading, not
/// drawing: LibreOffice writes each page dictionary (`/Type/Page`) uncompressed.
enum PDFPageCount {
    static func count(of url: URL) throws -> Int {
        let data = try Data(contentsOf: url)
        let marker = Array("/Type/Page".utf8)
        var count = 0
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var i = 0
            let end = bytes.count - marker.count
            while i < end {
                if bytes[i] == marker[0], (0..<marker.count).allSatisfy({ bytes[i + $0] == marker[$0] }) {
                    let next = bytes[i + marker.count]
                    // `/Type/Pages` is the tree, not a page.
                    if next != UInt8(ascii: "s") { count += 1 }
                    i += marker.count
                } else {
                    i += 1
                }
            }
        }
        return count
    }
}
