/// The K-th of N parts of a list (`--shard K/N`), so that one batch can run on N machines
/// under whatever scheduler they have, each given only its number.
///
/// A part is a contiguous range of the list's forms, not a hash of each record: in order, the
/// parts' forms are the whole list's forms in order, so their manifests concatenate into the
/// unsharded one and a printed stack comes out in list order; and a list form made of several
/// consecutive records is never split. The bounds are `⌊(K−1)·F/N⌋ ..< ⌊K·F/N⌋` for F forms:
/// consecutive parts meet exactly, so every form is in exactly one part whatever N, and parts
/// differ in size by at most one form (parts are empty when N > F).
///
/// Every part plans the whole list, so file names and manifest rows keep each record's row in
/// the whole list, a name numbered `-2` for an earlier form in another part is numbered alike,
/// and a bad record anywhere stops every part unless `keepGoing`, as it stops the whole batch.
public struct BatchShard: Sendable, Equatable, CustomStringConvertible {
    /// K, from 1.
    public let index: Int
    /// N, at least 1.
    public let count: Int

    public init(_ index: Int, of count: Int) throws(BatchShardError) {
        guard count >= 1, (1...count).contains(index) else {
            throw .outOfRange(text: "\(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// `K/N` in ASCII digits, as the command line takes it.
    public init(parsing text: String) throws(BatchShardError) {
        let parts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        func number(_ part: Substring) -> Int? {
            guard !part.isEmpty, part.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int(part)
        }
        guard parts.count == 2, let index = number(parts[0]), let count = number(parts[1]) else {
            throw .malformed(text: text)
        }
        guard count >= 1, (1...count).contains(index) else { throw .outOfRange(text: text) }
        self.index = index
        self.count = count
    }

    /// `2/3`.
    public var description: String { "\(index)/\(count)" }

    /// The indices of this part's forms among `total` forms. Computed in double width, so no
    /// list and no N overflows it.
    public func forms(among total: Int) -> Range<Int> {
        bound(index - 1, total) ..< bound(index, total)
    }

    private func bound(_ k: Int, _ total: Int) -> Int {
        count.dividingFullWidth(Swift.max(0, total).multipliedFullWidth(by: k)).quotient
    }

    /// `manifest-2-of-3.csv`; K has as many digits as N (`manifest-02-of-12.csv`), so that a
    /// shell's sorted `manifest-*.csv` lists the parts in order and `cat` joins them.
    public var manifestFileName: String { "manifest-\(paddedIndex)-of-\(count).csv" }

    /// `batch-2-of-3.zip`: each part's own archive, which does not clash with another part's
    /// when the parts write into one shared folder.
    public var zipFileName: String { "batch-\(paddedIndex)-of-\(count).zip" }

    /// `print-2-of-3.pdf`: the part's forms in list order; the parts' print files joined in
    /// part order (`pdfunite print-*-of-3.pdf all.pdf`) are the whole list's print file.
    public var printFileName: String { "print-\(paddedIndex)-of-\(count).pdf" }

    /// Only the first part's manifest starts with the byte order mark and the header, so the
    /// concatenation of all of them is byte for byte the manifest of the whole batch.
    public var writesManifestHeader: Bool { index == 1 }

    private var paddedIndex: String {
        let digits = String(index)
        return String(repeating: "0", count: String(count).count - digits.count) + digits
    }
}

/// A `--shard` that names no part: a usage error, reported before the list is read.
public enum BatchShardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not two whole numbers with a slash between them.
    case malformed(text: String)
    /// K is 0 or above N, or N is 0.
    case outOfRange(text: String)

    /// The rule, said the same way for either mistake.
    static let rule = "应为 K/N，K、N 为整数且 1 ≤ K ≤ N（shard K of N parts, 1 ≤ K ≤ N）"

    public var description: String {
        switch self {
        case .malformed(let text):
            "分片 \(text) 格式不对，\(Self.rule)"
        case .outOfRange(let text):
            "分片 \(text) 超出范围，\(Self.rule)"
        }
    }
}

extension BatchShardError: GongwenError {
    public var kind: ErrorKind { .usage }
}

extension BatchPlan {
    /// The indices of the forms `shard` writes; every form for nil.
    public func forms(of shard: BatchShard?) -> Range<Int> {
        shard?.forms(among: formCount) ?? 0..<formCount
    }

    /// The problems of the bad forms of `shard`, in the list's order: what that part leaves
    /// out and marks in its manifest.
    public func issues(of shard: BatchShard?) -> [RecordIssue] {
        let range = forms(of: shard)
        return problems.keys.filter(range.contains).sorted().flatMap { problems[$0]! }
    }

    /// How many forms of `shard` are good, and will be written.
    public func validCount(of shard: BatchShard?) -> Int {
        let range = forms(of: shard)
        return range.count - problems.keys.filter(range.contains).count
    }
}
