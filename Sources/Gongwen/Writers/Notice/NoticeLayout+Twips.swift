/// The house style's measures in the unit WordprocessingML counts in. Kept with the writer:
/// the layout model says millimetres and points, only the DOCX side needs twips.
extension NoticeLayout {
    /// The width of the text block (版心) in twips.
    var textWidthTwips: Int { DocxUnits.twips(millimetres: page.setup().textWidth) }

    /// The width of one body character in twips: the font size plus the character spacing.
    var characterTwips: Int { DocxUnits.twips(points: fonts.body.size) + grid.characterSpacing }

    /// Where a footer set puts the number. A landscape section's strip is as wide as the
    /// portrait footer's room between the text block and the number line's bottom
    /// (`page.bottom - page.footer`), so the turned number stands as far outside its text
    /// block as the portrait one.
    func footerPlacement(_ footers: DocxSection.Footers) -> FooterPart.Placement {
        switch footers {
        case .portrait:
            return .below
        case .landscape:
            let setup = page.setup(.landscape)
            let block = FooterPart.TextBlock(
                left: DocxUnits.twips(millimetres: setup.margins.left),
                top: DocxUnits.twips(millimetres: setup.margins.top),
                height: DocxUnits.twips(millimetres: setup.paperSize.height)
                    - DocxUnits.twips(millimetres: setup.margins.top) - DocxUnits.twips(millimetres: setup.margins.bottom))
            return .leftOf(block, strip: DocxUnits.twips(millimetres: page.bottom) - DocxUnits.twips(millimetres: page.footer))
        case .unnumbered:
            return .none
        }
    }
}
