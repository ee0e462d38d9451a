/// Attachment pages: each on a new page (a new section when its form is landscape), 附件 or
/// 附件N in 黑体 on the first line, its title centred on the third line, then the form or text.
/// An attachment sent separately has no pages; the others keep their numbers in 附件说明.
extension NoticeComposer {
    mutating func writeAttachments() {
        let many = notice.attachments.count > 1
        for (i, attachment) in notice.attachments.enumerated() {
            if case .separate = attachment.content { continue }
            var wanted = PageSetup.Orientation.portrait
            if case .form(let sheet) = attachment.content { wanted = sheet.page.orientation }
            let newSection = wanted != orientation
            if newSection { switchSection(to: wanted) }
            var label = gridParagraph()
            label.alignment = .left
            label.pageBreakBefore = !newSection
            label.keepNext = true
            label.add(many ? "附件\(i + 1)" : "附件", bodyStyle(layout.fonts.attachmentLabel))
            label.write(to: &x)
            // The title on the third line, broken to the text block of this page's orientation.
            let titleLines = writeTitleLines([attachment.name], before: 1,
                                             width: DocxUnits.twips(millimetres: layout.page.setup(orientation).textWidth))
            switch attachment.content {
            case .form(let sheet):
                gridParagraph().write(to: &x)
                let page = layout.page.setup(orientation)
                let width = DocxUnits.twips(millimetres: page.textWidth)
                // Room left under the label, the title and the blank lines, and beside the
                // header line and notes, so that a grid form stays on its page.
                let textHeight = (page.paperSize.height - page.margins.top - page.margins.bottom) / 25.4 * 72
                let taken = Double((3 + titleLines + (sheet.headerLine == nil ? 0 : 1) + sheet.notes.count) * line) / 20
                DocxFormTable(sheet: sheet, textWidth: width, maxHeight: textHeight - taken - 12)
                    .write(to: &x, includeTitle: false)
            case .text(let blocks):
                writeBlocks(blocks, level: 1)
                releaseHeldParagraph(keptWithSignature: false)
            case .separate:
                break
            }
        }
    }

    /// Ends the current section (its properties in an empty paragraph) and starts one in
    /// `orientation` on a new page, numbered for it unless `footers` says otherwise
    /// (`.unnumbered` for pages without a number); numbering carries on.
    mutating func switchSection(to orientation: PageSetup.Orientation, footers: DocxSection.Footers? = nil) {
        var end = DocxParagraph()
        end.exactLine = 20
        end.section = endSection()
        end.write(to: &x)
        self.orientation = orientation
        sectionFooters = footers
    }
}
