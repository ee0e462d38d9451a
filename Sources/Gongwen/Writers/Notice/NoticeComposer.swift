import Foundation

/// Lays a validated notice out as WordprocessingML body blocks, element by element in the
/// order GB/T 9704 puts them: 版头, 主体, attachments, 版记. Every body line has the exact
/// height of the layout's grid and every body run its character spacing, which is what keeps
/// 22 lines of 28 characters in both Word and LibreOffice.
struct NoticeComposer {
    let notice: ValidatedNotice
    var layout: NoticeLayout { notice.layout }
    var x = XMLBuilder(declaration: false)
    /// Images to package: relationship id, part name, bytes.
    var images: [(id: String, name: String, data: Data)] = []
    var nextDrawingID = 1
    /// The last body paragraph, written when the next one comes (see `emit`).
    var heldParagraph: DocxParagraph?
    /// The orientation of the section being written.
    var orientation: PageSetup.Orientation = .portrait
    /// The footers of the section being written; nil numbers its pages as its orientation
    /// asks (`switchSection(to:footers:)` sets it).
    var sectionFooters: DocxSection.Footers?
    /// The footer sets the sections written so far show, for the writer to package.
    private(set) var footerSets: Set<DocxSection.Footers> = []

    /// Where the 版记 goes (the PDF path may ask for another place after measuring a layout).
    let colophonPlacement: ColophonPlacement

    init(notice: ValidatedNotice, colophonPlacement: ColophonPlacement = .followingText) {
        self.notice = notice
        self.colophonPlacement = colophonPlacement
    }

    // MARK: measures

    var line: Int { layout.grid.lineTwips }
    var character: Int { layout.characterTwips }
    var textWidth: Int { layout.textWidthTwips }

    /// The run style of body text: the body font with the grid's character spacing.
    func bodyStyle(_ font: FontSpec? = nil, color: String? = nil) -> DocxRunStyle {
        var style = DocxRunStyle(font: font ?? layout.fonts.body, latin: layout.fonts.latin, color: color)
        style.spacing = layout.grid.characterSpacing
        return style
    }

    /// The width of `text` in twips in a font of `size` points, as LibreOffice sets it: East-Asian
    /// and full-width characters and — take a whole character, others half, each with the
    /// grid's spacing, and where Han text meets digits or Latin letters LibreOffice adds space
    /// (measured in 7.4: 70 twips at 三号, about 0.22 of the size; Word, which honours
    /// `w:autoSpaceDN="0"`, adds none).
    func width(of text: String, size: Double? = nil) -> Int {
        let full = DocxUnits.twips(points: size ?? layout.fonts.body.size)
        let extent = TextMetrics.extent(of: text.unicodeScalars, dashIsFull: true)
        return extent.full * full + extent.half * (full / 2) + (extent.full + extent.half) * layout.grid.characterSpacing
            + extent.scriptChanges * (full * 7 / 32)
    }

    /// A body paragraph on the grid: exact line height, no indent, aligned left. Not
    /// justified: LibreOffice 7.4 does not paint a punctuation mark that hangs at the end of a
    /// full justified line with condensed spacing (、；， vanish from the PDF); left-aligned
    /// lines of 28 characters fill the text block all the same.
    func gridParagraph(before lines: Int = 0) -> DocxParagraph {
        var p = DocxParagraph()
        p.alignment = .left
        p.exactLine = line
        p.spacingBefore = lines * line
        return p
    }

    /// The section properties of a section in `orientation`: numbered for it (— N — under a
    /// portrait text block, turned beside a landscape one) unless `footers` says otherwise.
    func section(_ orientation: PageSetup.Orientation, footers: DocxSection.Footers? = nil) -> DocxSection {
        DocxSection(page: layout.page.setup(orientation), footerDistanceMM: layout.page.footer,
                    footers: footers ?? (orientation == .landscape ? .landscape : .portrait), linePitch: line)
    }

    /// The properties of the section being written, which ends here; its footers are noted
    /// for the package.
    mutating func endSection() -> DocxSection {
        let properties = section(orientation, footers: sectionFooters)
        if let footers = properties.footers { footerSets.insert(footers) }
        return properties
    }

    // MARK: whole document

    mutating func compose() -> (body: String, finalSection: DocxSection) {
        writeHeaderMarks()
        writeIssuer()
        writeDocumentNumber()
        writeTitle()
        writeRecipients()
        writeBlocks(notice.document.body, level: 1)
        writeAttachmentList()
        writeSignature()
        writeNote()
        writeSealRoom()
        writeAttachments()
        writeColophon()
        return (x.xml, endSection())
    }
}
