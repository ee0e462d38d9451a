import CICU

/// ICU's boundaries of a text, as offsets in Unicode scalars: its words (UAX #29, with the
/// Chinese dictionary ICU ships, which keeps 关于, 举办 and 年度 whole) and its line-break
/// opportunities (UAX #14, which never breaks inside a number or a Latin word, before
/// closing punctuation such as ）》，。、 or after opening punctuation such as （《〔).
///
/// Foundation does not give these on Linux: `enumerateSubstrings(options: .byWords)` is
/// unavailable in swift-corelibs-foundation, so this asks the ICU library itself.
enum ICUBreaks {
    enum Kind {
        case word, line

        var code: Int32 { self == .word ? Int32(GONGWEN_ICU_WORDS) : Int32(GONGWEN_ICU_LINES) }
    }

    /// The boundaries of `kind` in `text`, the start and the end included; nil if ICU could
    /// not open an iterator (its data missing).
    static func boundaries(_ kind: Kind, in text: String) -> Set<Int>? {
        let units = Array(text.utf16)
        if units.isEmpty { return [0] }
        // The scalar offset of each UTF-16 offset that starts a scalar (and of the end).
        var scalarOffset = [Int](repeating: -1, count: units.count + 1)
        var utf16 = 0
        for (i, scalar) in text.unicodeScalars.enumerated() {
            scalarOffset[utf16] = i
            utf16 += scalar.utf16.count
        }
        scalarOffset[units.count] = text.unicodeScalars.count
        var out = [Int32](repeating: 0, count: units.count + 1)
        let count = Int(gongwen_icu_boundaries(kind.code, units, Int32(units.count), &out))
        guard count >= 0 else { return nil }
        return Set(out.prefix(count).compactMap { offset in
            let o = Int(offset)
            return (0...units.count).contains(o) && scalarOffset[o] >= 0 ? scalarOffset[o] : nil
        })
    }
}
