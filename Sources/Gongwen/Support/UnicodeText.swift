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

    /// The text without the code points `drop` matches at its end and, when `leading`, at its
    /// start.
    func trimmingScalars(leading: Bool = true, where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        let start = leading ? scalars.firstIndex { !drop($0) } ?? scalars.endIndex : scalars.startIndex
        var end = scalars.endIndex
        while end > start, drop(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }
}
