/// Text taken apart code point by code point, as it must be wherever XML, file names or
/// limits are at stake: a Character (grapheme cluster) hides the code points after its first,
/// so `&`, `/` or a line break followed by a combining mark is one Character that is none of
/// them, and a check on Characters lets it through.
extension String {
    /// The lines of the text: CR LF, a lone CR and LF each end one (CR LF is a single
    /// Character, which a split on the Character "\n" does not see).
    func lines(omittingEmpty: Bool = false) -> [String] {
        TextRules.normaliseLineBreaks(self).unicodeScalars
            .split(separator: "\n", omittingEmptySubsequences: omittingEmpty).map { String($0) }
    }

}
