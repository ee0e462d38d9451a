/// The choice of breaks: the fewest lines that fit, shaped as a trapezoid if the breaks
/// allow one, else as a diamond, else with one line more; and, among the shapes, the most
/// even lines (the smallest sum of squared widths). `even` is the last resort: the fewest
/// lines with the most even widths whatever their shape.
enum TitleShape {
    /// The cut offsets (first 0, last the end) among `ends` of the best trapezoid or diamond
    /// with the fewest lines or one more; nil when there is none, or when some stretch
    /// between neighbouring ends is wider than `capacity`.
    static func shaped(ends: [Int], capacity: Int, segments: TitleSegments, extraLines: Int = 1) -> [Int]? {
        guard let fewest = fewestLines(ends: ends, capacity: capacity, segments: segments) else { return nil }
        // Titles are short: the exact search is cubic in the break places, so a text with
        // very many of them (no real title) is left to `even`.
        guard ends.count <= 80, fewest <= 8 else { return nil }
        for lines in fewest...(fewest + extraLines) where lines <= ends.count - 1 {
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
