/// Excel's limit on the text of one cell: 32,767 characters, counted in UTF-16 code units,
/// not as a person counts. 500 characters with combining marks or tag characters can be
/// 35,500 code points or 40,500 units: the field's own character limit lets them through,
/// libxlsxwriter refuses the first (a write failure where a field error belongs) and writes
/// the second into a cell Excel cannot hold. Checked on every value of every field, before
/// anything is written and whatever the format, so that one data file fills every variant.
///
/// The count is that of the text as it goes into the file, after `Xstring` escapes a literal
/// `_xHHHH_` (six units more each). By the format Excel counts the decoded text, which is
/// never longer; but libxlsxwriter counts the code points of what it is handed, escape
/// included, against the same limit, and a value must fit both to be written. Only a value
/// within a few units of the limit that also holds such literals can tell the difference.
enum CellLimit {
    static let units = 32_767

    /// The rule `text` breaks as a cell's content, or nil.
    static func check(_ text: String) -> FieldRule? {
        // The escaped text has fewer units than twice the UTF-8 bytes: short text needs no count.
        guard text.utf8.count > units / 2 else { return nil }
        let length = Xstring.escapedLength(of: text)
        return length > units ? .cellLimit(limit: units, actual: length) : nil
    }
}
