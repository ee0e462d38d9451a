import Foundation

/// File names made from user data (unit names, project names) that every file system and
/// every office machine accepts: no path separators or characters Windows forbids, no
/// control characters, no invisible ones that would disguise the name, no leading dot, no
/// trailing dot or space, no reserved device name, and a bounded length.
///
/// Every rule holds code point by code point, on the text composed to NFC: a Character
/// (grapheme cluster) such as `/` followed by a combining mark is not `/`, and a check on
/// Characters would let it into a path. A removed character takes the marks after it along,
/// so none is left dangling at the start of the name.
public enum SafeFileName {
    /// Code points that Windows, macOS or Linux refuse or treat specially in a name.
    static let forbidden: Set<Unicode.Scalar> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
    static let reserved: Set<String> = Set(["CON", "PRN", "AUX", "NUL"])
        .union((1...9).map { "COM\($0)" }).union((1...9).map { "LPT\($0)" })
        // Windows reads the Latin-1 superscript digits as digits in these names too.
        .union(["¹", "²", "³"].flatMap { ["COM\($0)", "LPT\($0)"] })

    /// The longest stem, in UTF-8 bytes: most file systems allow 255 bytes for a whole name,
    /// which leaves room for a number and an extension.
    public static let maxStemBytes = 180

    /// A safe stem (the name without extension) made from `text`; `fallback` when nothing is left.
    public static func stem(_ text: String, fallback: String = "form") -> String {
        var out = String.UnicodeScalarView()
        var lastWasUnderscore = false
        // Marks attach to the code point before them: at the start there is none, and after
        // a removed or replaced one they would attach to what it left.
        var dropsMarks = true
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if isAttached(scalar) {
                if !dropsMarks {
                    out.append(scalar)
                    lastWasUnderscore = false
                }
                continue
            }
            if isInvisible(scalar) {
                dropsMarks = true
                continue
            }
            let replaced = forbidden.contains(scalar) || isBreakOrControl(scalar)
            let mapped: Unicode.Scalar = replaced ? "_" : scalar
            let leading = out.isEmpty && (mapped == "." || mapped == " " || mapped == "_")
            if leading || mapped == "_" && lastWasUnderscore {
                dropsMarks = true
                continue
            }
            out.append(mapped)
            lastWasUnderscore = mapped == "_"
            dropsMarks = replaced
        }
        // Bounded first, so that a cut cannot leave the trailing dot or space Windows drops.
        var name = bounded(String(out)).trimmingScalars(leading: false) { $0 == "." || $0 == " " }
        if name.isEmpty { name = fallback }
        if isDevice(name) { name = "_" + name }
        return name
    }

    /// The longest start of `name` within `maxStemBytes` UTF-8 bytes, never part of a code
    /// point: whole grapheme clusters, so that no emoji loses half of itself, unless the
    /// first cluster alone is too long (a letter under hundreds of marks), which is then
    /// cut between its code points.
    static func bounded(_ name: String) -> String {
        guard name.utf8.count > maxStemBytes else { return name }
        var clusters = ""
        var bytes = 0
        for character in name {
            bytes += character.utf8.count
            guard bytes <= maxStemBytes else { break }
            clusters.append(character)
        }
        if !clusters.isEmpty { return clusters }
        var scalars = String.UnicodeScalarView()
        bytes = 0
        for scalar in name.unicodeScalars {
            bytes += UTF8.width(scalar)
            guard bytes <= maxStemBytes else { break }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// A name Windows takes for a device: `CON`, `con.txt`, `NUL .tar.gz`.
    static func isDevice(_ name: String) -> Bool {
        let first = name.unicodeScalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first
        return first.map { reserved.contains(String($0).trimmingScalars(leading: false) { $0 == " " }.uppercased()) } ?? false
    }

    /// Combining marks and the joiners: they belong to the code point before them.
    static func isAttached(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: scalar == "\u{200C}" || scalar == "\u{200D}"
        }
    }

    /// Control characters and line or paragraph separators: each becomes `_`.
    static func isBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// What Unicode says a renderer shows nothing for (bidi controls, zero-width spaces, the
    /// byte order mark, soft hyphens, tags…): removed, for an invisible character can turn
    /// `…\u{202E}exe.xlsx` into what reads as `…xslx.exe`, or make two names look the same.
    /// Marks and joiners are attached instead, kept with a kept character.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isDefaultIgnorableCodePoint && !isAttached(scalar)
    }
}
