/// File names made from user data (unit names, project names) that every file system and
/// every office machine accepts: no path separators or characters Windows forbids, no
/// control characters, no leading dot, no reserved device name, and a bounded length.
public enum SafeFileName {
    /// Characters that Windows, macOS or Linux refuse or treat specially in a name.
    static let forbidden: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
    static let reserved: Set<String> = Set(["CON", "PRN", "AUX", "NUL"])
        .union((1...9).map { "COM\($0)" }).union((1...9).map { "LPT\($0)" })

    /// The longest stem, in UTF-8 bytes: most file systems allow 255 bytes for a whole name,
    /// which leaves room for a number and an extension.
    public static let maxStemBytes = 180

    /// A safe stem (the name without extension) made from `text`; `fallback` when nothing is left.
    public static func stem(_ text: String, fallback: String = "form") -> String {
        var out = ""
        var lastWasUnderscore = false
        for ch in text {
            let bad = forbidden.contains(ch) || ch.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            let mapped: Character = bad || ch.isNewline ? "_" : ch
            if mapped == "_" && lastWasUnderscore { continue }
            lastWasUnderscore = mapped == "_"
            out.append(mapped)
        }
        out = String(out.drop { $0 == "." || $0 == " " || $0 == "_" })
        // Bounded first, so that a cut cannot leave the trailing dot or space Windows drops.
        while out.utf8.count > maxStemBytes { out.removeLast() }
        while let last = out.last, last == "." || last == " " { out.removeLast() }
        if out.isEmpty { out = fallback }
        let device = out.split(separator: ".").first.map { String($0).uppercased() } ?? ""
        if reserved.contains(device) { out = "_" + out }
        return out
    }
}
