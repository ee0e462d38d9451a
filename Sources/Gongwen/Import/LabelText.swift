import Foundation

/// The text of a form's cells read the way a person reads a label: spaces and stacked line
/// breaks do not count (地 址 is 地址), a colon ends a label, a limit in brackets is a rule
/// (（500字内）), text wholly in brackets is a hint for the person filling in, and
/// `{{key}}` / `{{key:type}}` is an author's explicit mark.
enum LabelText {
    /// Without white space, full-width spaces included.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// Text stacked one character a line (项\n目\n简\n介), joined; nil when it is not stacked.
    static func unstacked(_ text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count >= 2, lines.allSatisfy({ $0.count == 1 }) else { return nil }
        return lines.joined()
    }

    static let openers: Set<Character> = ["（", "("]
    static let closers: Set<Character> = ["）", ")"]

    /// Whether the whole text is one bracketed remark, （主要活动内容、方式、参加人员、宣传方式）:
    /// what a blank form shows in an input cell to say what goes there.
    static func isHint(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = t.first, let last = t.last, openers.contains(first), closers.contains(last), t.count > 2 else { return false }
        var depth = 0
        for (i, ch) in t.enumerated() {
            if openers.contains(ch) { depth += 1 }
            if closers.contains(ch) { depth -= 1 }
            // The first bracket must close only at the very end: （甲）乙（丙） is no hint.
            if depth == 0 && i < t.count - 1 { return false }
        }
        return depth == 0
    }

    /// An explicit mark `{{key}}` or `{{key:type}}`: the key and the type's name as written.
    static func mark(_ text: String) -> (key: String, type: String?)? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.hasPrefix("{{"), t.hasSuffix("}}"), t.count > 4 else { return nil }
        let inner = t.dropFirst(2).dropLast(2)
        let parts = inner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return (parts[0], parts.count > 1 ? parts[1] : nil)
    }

    /// Whether a marked key can be a field key: ASCII letters, digits, `_` and dots, starting
    /// with a letter, optionally after `rows[].`.
    static func isKey(_ key: String) -> Bool {
        let bare = key.hasPrefix(FieldDefinition.rowPrefix) ? String(key.dropFirst(FieldDefinition.rowPrefix.count)) : key
        guard let first = bare.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              !bare.hasSuffix("."), !bare.contains("..") else { return false }
        return bare.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == ".") }
    }

    /// A character limit the label states — （500字内）, （N字以内）, （限N字）, 不超过N字 —
    /// and the label without it.
    static func limit(in label: String) -> (label: String, maxLength: Int?) {
        let chars = Array(label)
        var i = 0
        while i < chars.count {
            // The digits of a limit, then 字; what stands around them says whether it is one.
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            guard j < chars.count, chars[j] == "字", let n = Int(String(chars[i..<j])), n > 0 else { i = j; continue }
            let before = String(chars[..<i])
            let after = String(chars[(j + 1)...])
            let prefixes = ["不超过", "不多于", "限", "少于", "不超", "控制在"]
            let suffixes = ["以内", "内", "左右", "以下"]
            let prefix = prefixes.first { before.hasSuffix($0) }
            let suffix = suffixes.first { after.hasPrefix($0) }
            guard prefix != nil || suffix != nil else { i = j; continue }
            var start = i - (prefix?.count ?? 0)
            var end = j + 1 + (suffix?.count ?? 0)
            // The brackets round the limit go with it: 项目简介（500字内） is 项目简介.
            if start > 0, openers.contains(chars[start - 1]), end < chars.count, closers.contains(chars[end]) {
                start -= 1
                end += 1
            }
            let rest = String(chars[..<start]) + String(chars[end...])
            return (rest.trimmingCharacters(in: .whitespaces), n)
        }
        return (label, nil)
    }

    /// The field label a label cell gives: without spaces, stacking, a trailing colon, a
    /// leading asterisk (required), or a stated limit.
    static func fieldLabel(_ text: String) -> (label: String, maxLength: Int?, required: Bool) {
        var t = squeezed(unstacked(text) ?? text)
        var required = false
        while let first = t.first, first == "*" || first == "＊" || first == "★" {
            required = true
            t.removeFirst()
        }
        while let last = t.last, last == "：" || last == ":" { t.removeLast() }
        let (label, maxLength) = limit(in: t)
        return (label, maxLength, required)
    }

    /// A header line above the table (填报单位（盖章）：…, 部门/地方（盖章）：): its fixed text up
    /// to the colon and the label of the field that follows; nil when the line is not one.
    static func headerLine(_ line: String) -> (text: String, label: String)? {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard let colon = t.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let fixed = String(t[...colon])
        var label = String(t[..<colon])
        for seal in ["（盖章）", "(盖章)", "（公章）", "(公章)", "（签章）", "(签章)"] {
            label = label.replacingOccurrences(of: seal, with: "")
        }
        let hasSeal = label.count < t[..<colon].count
        label = squeezed(label)
        // A header names who reports: a sealed line, or 填报单位/单位/部门 before the colon.
        let names = ["单位", "部门", "地方", "填报人", "填表人", "机构"]
        guard !label.isEmpty, label.count <= 12, hasSeal || names.contains(where: { label.hasSuffix($0) }) else { return nil }
        return (fixed, label)
    }
}
