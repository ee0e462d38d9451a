/// The names already given in one run, so that two forms never share a file: the second
/// `郑州大学` becomes `郑州大学-2`. Compared without case, as Windows and macOS compare names.
///
/// It keeps a 128-bit digest of each name rather than the name: 16 bytes a form however long
/// the names, so that a batch of 100,000 forms does not hold 100,000 names. The batch works
/// out each name again when it writes the form, from the values it reads again anyway, and
/// only keeps the number a duplicate got.
struct NameRegistry {
    private var taken: Set<NameDigest> = []

    /// Takes `stem` for the next form or, when an earlier form took it (in any case), the
    /// first free `stem-2`, `stem-3`…. Returns the number added; nil when `stem` was free.
    mutating func claim(_ stem: String) -> Int? {
        if taken.insert(NameDigest(stem)).inserted { return nil }
        var number = 2
        while !taken.insert(NameDigest(Self.name(stem, number: number))).inserted { number += 1 }
        return number
    }

    /// The name `claim` gave: `stem`, or `stem-2` for the number 2.
    static func name(_ stem: String, number: Int?) -> String {
        number.map { "\(stem)-\($0)" } ?? stem
    }
}

/// A file name, lowercased, as 128 bits: two 64-bit hashes of it with different prefixes.
/// `Hasher` is SipHash keyed with a seed chosen afresh for each process, so no list can be
/// made to collide on purpose, and two different names meet by chance with odds of about one
/// in 2^128 per pair. The digests live only as long as one run, which is all the seed allows.
struct NameDigest: Hashable {
    private let high: UInt64
    private let low: UInt64

    init(_ name: String) {
        let folded = name.lowercased()
        func hash(_ prefix: UInt8) -> UInt64 {
            var hasher = Hasher()
            hasher.combine(prefix)
            // Strings hash by their canonical form, so names that compare equal digest alike.
            hasher.combine(folded)
            return UInt64(bitPattern: Int64(hasher.finalize()))
        }
        high = hash(0)
        low = hash(1)
    }
}
