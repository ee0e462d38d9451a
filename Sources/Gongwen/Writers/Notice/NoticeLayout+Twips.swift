/// The house style's measures in the unit WordprocessingML counts in. Kept with the writer:
/// the layout model says millimetres and points, only the DOCX side needs twips.
extension NoticeLayout {
    /// The width of the text block (版心) in twips.
    var textWidthTwips: Int { DocxUnits.twips(millimetres: page.setup().textWidth) }

    /// The width of one body character in twips: the font size plus the character spacing.
    var characterTwips: Int { DocxUnits.twips(points: fonts.body.size) + grid.characterSpacing }
}
