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
        // The strictest breaks that give a trapezoid or a diamond; keeping brackets whole
        // (the first level) only where it costs no extra line.
        let shaped = levels.map { TitleShape.shaped(ends: $0, capacity: capacity, segments: segments) }
        if let outside = shaped[0], let words = shaped[1], outside.count <= words.count { return lines(outside) }
        if let cuts = shaped.dropFirst().lazy.compactMap({ $0 }).first { return lines(cuts) }
        // No such shape at any level: the fewest lines, as even as can be.
        if let cuts = levels.dropFirst().lazy.compactMap({ TitleShape.even(ends: $0, capacity: capacity, segments: segments) }).first {
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
            let gap = i > 0 && Self.changesScript(scalars[i - 1], s) ? 1 : 0
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
        let gap = a > 0 && Self.changesScript(scalars[a - 1], scalars[a]) ? 1 : 0
        return prefix[b] - prefix[a] - gap
    }

    /// Whether autospacing separates `a` from `b`: one East-Asian, the other a Latin letter or digit.
    static func changesScript(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        func wide(_ s: Unicode.Scalar) -> Bool { s.value >= 0x2E80 }
        func latin(_ s: Unicode.Scalar) -> Bool { s.value < 0x2E80 && (s.properties.isAlphabetic || s.properties.numericType != nil) }
        return (wide(a) && latin(b)) || (latin(a) && wide(b))
    }
}

/// Where a line of a title may break, from the strictest set to the loosest.
enum TitleBreaks {
    /// Offsets in Unicode scalars, 0 and the end included:
    /// 1. between words (below) and outside brackets and quotes (（）《》〔〕“”…, by their
    ///    Unicode category);
    /// 2. between words: places that are both an ICU word boundary and an ICU line-break
    ///    opportunity and lie inside no word of the Chinese dictionary;
    /// 3. every line-break opportunity, for a word wider than the block (a long Latin name);
    /// 4. between any two characters (grapheme clusters: a combining mark stays with its base).
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
        return [outside, between, lines, all].map { $0.union([0, count]) }
    }
}

/// The choice of breaks: the fewest lines that fit, shaped as a trapezoid if the breaks
/// allow one, else as a diamond, else with one line more; and, among the shapes, the most
/// even lines (the smallest sum of squared widths). `even` is the last resort: the fewest
/// lines with the most even widths whatever their shape.
enum TitleShape {
    /// The cut offsets (first 0, last the end) among `ends` of the best trapezoid or diamond
    /// with the fewest lines or one more; nil when there is none, or when some stretch
    /// between neighbouring ends is wider than `capacity`.
    static func shaped(ends: [Int], capacity: Int, segments: TitleSegments) -> [Int]? {
        guard let fewest = fewestLines(ends: ends, capacity: capacity, segments: segments) else { return nil }
        // Titles are short: the exact search is cubic in the break places, so a text with
        // very many of them (no real title) is left to `even`.
        guard ends.count <= 80, fewest <= 8 else { return nil }
        for lines in [fewest, fewest + 1] where lines <= ends.count - 1 {
            let search = ShapeSearch(ends: ends, capacity: capacity, lines: lines, segments: segments)
            if let cuts = search.best(.trapezoid)
                ?? DiamondSearch(ends: ends, capacity: capacity, lines: lines, segments: segments).best() { return cuts }
        }
        return nil
    }

    /// The fewest lines with the most even widths, whatever their shape; nil when some
    /// stretch between neighbouring ends is wider than `capacity`.
    static func even(ends: [Int], capacity: Int, segments: TitleSegments) -> [Int]? {
        guard let fewest = fewestLines(ends: ends, capacity: capacity, segments: segments) else { return nil }
        guard ends.count <= 80, fewest <= 8 else { return greedy(ends: ends, capacity: capacity, segments: segments) }
        return ShapeSearch(ends: ends, capacity: capacity, lines: fewest, segments: segments).best(.any)
            ?? greedy(ends: ends, capacity: capacity, segments: segments)
    }

    static func fewestLines(ends: [Int], capacity: Int, segments: TitleSegments) -> Int? {
        greedy(ends: ends, capacity: capacity, segments: segments).map { $0.count - 1 }
    }

    /// Each line as full as it can be.
    static func greedy(ends: [Int], capacity: Int, segments: TitleSegments) -> [Int]? {
        var cuts = [ends[0]]
        var i = 0
        while i < ends.count - 1 {
            var j = i + 1
            guard segments.width(ends[i], ends[j]) <= capacity else { return nil }
            while j + 1 < ends.count, segments.width(ends[i], ends[j + 1]) <= capacity { j += 1 }
            cuts.append(ends[j])
            i = j
        }
        return cuts
    }
}

/// An exact search over the ways to cut a line into `lines` lines at `ends`, by the shape
/// their widths make from top to bottom: never shrinking (a trapezoid), or any.
struct ShapeSearch {
    enum Shape { case trapezoid, any }

    let ends: [Int]
    let capacity: Int
    let lines: Int
    let segments: TitleSegments

    /// Where a run of line widths stands: all equal so far, or grown at least once and never
    /// shrunk. Any shape is `level`.
    private enum Phase: Int, CaseIterable { case level, grown }

    /// The cuts of the most even arrangement of `shape`, or nil if there is none.
    func best(_ shape: Shape) -> [Int]? {
        let n = ends.count
        var w = [Int](repeating: Int.max, count: n * n)
        for i in 0..<n { for j in (i + 1)..<n { w[i * n + j] = segments.width(ends[i], ends[j]) } }
        let phases = Phase.allCases.count
        // The least sum of squares of the first `l + 1` lines when the last of them runs
        // from ends[s] to ends[e] in phase p, and the start and phase of the line before it.
        func index(_ l: Int, _ s: Int, _ e: Int, _ p: Phase) -> Int { ((l * n + s) * n + e) * phases + p.rawValue }
        var cost = [Int](repeating: .max, count: lines * n * n * phases)
        var back = [Int](repeating: -1, count: cost.count)
        for e in 1..<n where w[e] <= capacity { cost[index(0, 0, e, .level)] = w[e] * w[e] }
        for l in 0..<(lines - 1) {
            for s in 0..<n {
                for e in (s + 1)..<n {
                    let previous = w[s * n + e]
                    for p in Phase.allCases {
                        let c = cost[index(l, s, e, p)]
                        guard c != .max else { continue }
                        for f in (e + 1)..<n {
                            let current = w[e * n + f]
                            guard current <= capacity, let q = next(p, from: previous, to: current, shape: shape) else { continue }
                            let k = index(l + 1, e, f, q)
                            if c + current * current < cost[k] {
                                cost[k] = c + current * current
                                back[k] = s * phases + p.rawValue
                            }
                        }
                    }
                }
            }
        }
        let wanted: [Phase] = switch shape {
        case .trapezoid: [.level, .grown]
        case .any: [.level]
        }
        // The cheapest final state; on a tie the longer last line, so the heavier line is below.
        var final: (s: Int, p: Phase, cost: Int)?
        for s in 0..<(n - 1) {
            for p in wanted {
                let c = cost[index(lines - 1, s, n - 1, p)]
                guard c != .max else { continue }
                if final == nil || c < final!.cost || (c == final!.cost && w[s * n + n - 1] > w[final!.s * n + n - 1]) {
                    final = (s, p, c)
                }
            }
        }
        guard let final else { return nil }
        // Walk back: each line's predecessor ended where it starts.
        var cuts = [ends[n - 1]]
        var (l, start, end, phase) = (lines - 1, final.s, n - 1, final.p)
        while l > 0 {
            cuts.append(ends[start])
            let before = back[index(l, start, end, phase)]
            (l, end, start, phase) = (l - 1, start, before / phases, Phase(rawValue: before % phases)!)
        }
        cuts.append(ends[0])
        return cuts.reversed()
    }

    /// The phase after a line `current` wide follows one `previous` wide, or nil if a
    /// trapezoid does not allow it (it never shrinks).
    private func next(_ phase: Phase, from previous: Int, to current: Int, shape: Shape) -> Phase? {
        if shape == .any { return .level }
        if current == previous { return phase }
        return current > previous ? .grown : nil
    }
}

/// The most even diamond: lines that grow to one in the middle and then shrink, the first
/// no longer than the last (the trapezoid's rule, upper no heavier than lower, between the
/// outer lines, which a sum of squares alone would not keep). The diamond rule spans the
/// whole title, so this enumerates the cuts depth first, pruned by the capacity of the
/// lines left; a budget of steps bounds the search for texts no title has.
struct DiamondSearch {
    let ends: [Int]
    let capacity: Int
    let lines: Int
    let segments: TitleSegments

    static let budget = 200_000

    func best() -> [Int]? {
        guard lines >= 3 else { return nil }
        let n = ends.count
        var best: (cost: Int, cuts: [Int])?
        var steps = 0
        var cuts = [0]
        var widths: [Int] = []

        func walk(_ from: Int, _ cost: Int, shrinking: Bool) {
            steps += 1
            guard steps < Self.budget else { return }
            if let best, cost >= best.cost { return }
            let left = lines - widths.count
            if left == 0 {
                guard from == n - 1, shrinking, widths[0] <= widths[widths.count - 1] else { return }
                best = (cost, cuts.map { ends[$0] })
                return
            }
            // What is left must fit the lines left.
            guard segments.width(ends[from], ends[n - 1]) <= left * capacity else { return }
            let last = left == 1
            for to in (from + 1)..<n where !last || to == n - 1 {
                let w = segments.width(ends[from], ends[to])
                if w > capacity { break }
                var down = shrinking
                if let previous = widths.last {
                    if shrinking && w > previous { continue }
                    if !shrinking && w < previous {
                        // Shrinking starts only after growing at least once.
                        guard previous > widths[0] else { continue }
                        down = true
                    }
                }
                cuts.append(to)
                widths.append(w)
                walk(to, cost + w * w, shrinking: down)
                cuts.removeLast()
                widths.removeLast()
            }
        }
        walk(0, 0, shrinking: false)
        return best?.cuts
    }
}
