/// The lines of a title (标题) as GB/T 9704 sets them: a title that does not fit the text
/// block breaks between words, never inside one, into a balanced trapezoid (upper lines no
/// longer than lower ones, as even as the word breaks allow) or, where no trapezoid can be
/// had, a diamond (longest in the middle); no line is wider than the block.
///
/// A title given as several lines keeps them: the writer of the notice chose the breaks.
/// Only a given line wider than the block is itself broken.
public enum TitleLines {
    /// The printed lines of `title` (the lines as given) in a font of `size` points, on a
    /// text block `width` points wide. Titles are set without condensed spacing.
    public static func lines(of title: [String], size: Double, width: Double) -> [String] {
        let capacity = Int((width / size * Double(TitleWidth.unitsPerEm)).rounded(.down))
        return title.flatMap { line in
            let scalars = Array(line.unicodeScalars)
            return TitleSegments(scalars).width(0, scalars.count) <= capacity ? [line] : breakLine(line, capacity: capacity)
        }
    }

    /// One line of text broken to lines of at most `capacity` width units.
    static func breakLine(_ text: String, capacity: Int) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let segments = TitleSegments(scalars)
        let levels = TitleBreaks.candidates(in: text, scalars: scalars).map { $0.sorted() }
        func lines(_ cuts: [Int]) -> [String] {
            zip(cuts, cuts.dropFirst()).map { String(String.UnicodeScalarView(trimmed(scalars[$0..<$1]))) }
        }
        // The strictest breaks between words that give a trapezoid or a diamond in the fewest
        // lines: keeping brackets whole, one-character words with their neighbours and every
        // dictionary word intact only where it costs no extra line.
        let shaped = levels.map { TitleShape.shaped(ends: $0, capacity: capacity, segments: segments) }
        let wordLevels = shaped.prefix(TitleBreaks.wordLevels)
        if let fewest = wordLevels.compactMap({ $0?.count }).min() {
            // Keeping every dictionary word whole (the first two levels) is worth a line more;
            // the other preferences only where they cost none.
            for (level, cuts) in wordLevels.enumerated() {
                if let cuts, cuts.count <= fewest + (level < 2 ? 1 : 0) { return lines(cuts) }
            }
        }
        // A line more before a word is broken: a long title keeps its words and its shape.
        if let cuts = levels.prefix(TitleBreaks.wordLevels).lazy.compactMap({
            TitleShape.shaped(ends: $0, capacity: capacity, segments: segments, extraLines: 2)
        }).first {
            return lines(cuts)
        }
        if let cuts = shaped.dropFirst(TitleBreaks.wordLevels).lazy.compactMap({ $0 }).first { return lines(cuts) }
        // No such shape at any level: the fewest lines, as even as can be.
        if let cuts = levels.dropFirst(TitleBreaks.wordLevels - 1).lazy.compactMap({ TitleShape.even(ends: $0, capacity: capacity, segments: segments) }).first {
            return lines(cuts)
        }
        return [text]
    }

    /// Without white space at either end, by code point.
    static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var s = scalars
        while let first = s.first, first.properties.isWhitespace { s.removeFirst() }
        while let last = s.last, last.properties.isWhitespace { s.removeLast() }
        return s
    }

}

/// How wide a title's characters are, in quarters of an em so that sums stay exact: Chinese
/// characters and full-width forms a whole em, capital Latin letters three quarters (Times
/// New Roman's are 0.6–0.9 em), digits and other Latin half an em, combining marks and
/// format characters nothing.
enum TitleWidth {
    static let unitsPerEm = 4

    static func units(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.value >= 0x2E80 || scalar.value == 0x2014 { return 4 }
        if ("A"..."Z").contains(scalar) { return 3 }
        return 2
    }

}

/// The width of any stretch of a line, white space at its ends left out. Where Chinese meets
/// a Latin letter or digit, LibreOffice puts a fifth of an em between them (autospacing,
/// which it applies even to paragraphs that turn it off): a quarter is counted there.
struct TitleSegments {
    private let scalars: [Unicode.Scalar]
    /// Widths up to each offset, the spaces between scripts included.
    private let prefix: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var sums = [0]
        for (i, s) in scalars.enumerated() {
            let gap = i > 0 && TextMetrics.autospaced(scalars[i - 1], s) ? 1 : 0
            sums.append(sums.last! + gap + TitleWidth.units(of: s))
        }
        prefix = sums
    }

    func width(_ start: Int, _ end: Int) -> Int {
        var a = start, b = end
        while a < b, scalars[a].properties.isWhitespace { a += 1 }
        while b > a, scalars[b - 1].properties.isWhitespace { b -= 1 }
        guard a < b else { return 0 }
        // The space before the first character belongs to the line before.
        let gap = a > 0 && TextMetrics.autospaced(scalars[a - 1], scalars[a]) ? 1 : 0
        return prefix[b] - prefix[a] - gap
    }

}

/// Where a line of a title may break, from the strictest set to the loosest.
enum TitleBreaks {
    /// How many of the levels break between words.
    static let wordLevels = 6

    /// Offsets in Unicode scalars, 0 and the end included:
    /// 1. and 2. as 3. and 4., and inside no dictionary word found anywhere in the line, even
    ///    one the segmentation did not choose (各县区分会场 reads 各县|区分|会场 to it);
    /// 3. and 4. as 5. and 6., with no break next to a word of one Chinese character: such a
    ///    word is most often bound to its neighbour (备案|表, 活动|周, 各|县区 are words apart
    ///    in the dictionaries, one term to a reader);
    /// 5. between words (below) and outside brackets and quotes (（）《》〔〕“”…, by their
    ///    Unicode category);
    /// 6. between words: places that are both an ICU word boundary and an ICU line-break
    ///    opportunity and lie inside no word of the Chinese dictionary's segmentation;
    /// 7. every line-break opportunity, for a word wider than the block (a long Latin name);
    /// 8. between any two characters (grapheme clusters: a combining mark stays with its base).
    static func candidates(in text: String, scalars: [Unicode.Scalar]) -> [Set<Int>] {
        let count = scalars.count
        var all: Set<Int> = [0]
        var offset = 0
        for character in text {
            offset += character.unicodeScalars.count
            all.insert(offset)
        }
        let lines = ICUBreaks.boundaries(.line, in: text) ?? all
        let words = ICUBreaks.boundaries(.word, in: text) ?? all
        var between = lines.intersection(words)
        for word in ChineseWords.shared?.words(in: text) ?? [] {
            between.subtract((word.lowerBound + 1)..<word.upperBound)
        }
        var outside = between
        var depth = 0
        for (i, scalar) in scalars.enumerated() {
            switch scalar.properties.generalCategory {
            case .openPunctuation, .initialPunctuation: depth += 1
            case .closePunctuation, .finalPunctuation: depth = max(0, depth - 1)
            default: break
            }
            if depth > 0 { outside.remove(i + 1) }
        }
        // Boundaries on either side of a one-ideograph word.
        let cuts = between.union([0, count]).sorted()
        var loose: Set<Int> = []
        for (a, b) in zip(cuts, cuts.dropFirst()) where b - a == 1 && scalars[a].properties.isIdeographic {
            loose.formUnion([a, b])
        }
        var covered: Set<Int> = []
        for word in ChineseWords.shared?.coveringWords(in: text) ?? [] {
            covered.formUnion((word.lowerBound + 1)..<word.upperBound)
        }
        let glued = [outside.subtracting(loose), between.subtracting(loose)]
        return (glued.map { $0.subtracting(covered) } + glued + [outside, between, lines, all]).map { $0.union([0, count]) }
    }
}
