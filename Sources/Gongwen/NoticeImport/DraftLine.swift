import Foundation

/// One line of a draft as it came (`raw`, whose width tells whether it was hard-wrapped at
/// the page margin) and as the importer reads it (`text`, cleaned by `DraftText.clean`).
struct DraftLine: Sendable, Equatable {
    var raw: String
    var text: String

    init(raw: String) {
        self.raw = raw
        self.text = DraftText.clean(raw)
    }

    /// Width in em as the page set it: Chinese characters one, ASCII a half (the wrap of a
    /// 28-character GB/T 9704 line shows as widths near 28).
    var width: Double { DraftText.width(of: raw.trimmingCharacters(in: DraftText.blank)) }
}

/// The cleaning every line of a draft gets: the artefacts of text taken out of a PDF or a
/// Word file removed, half-width punctuation among Chinese made full-width, and the spaces
/// that extraction puts between Chinese and figures (举办 2020 年) taken out.
enum DraftText {

    static let bookmark = CompiledRegex(/\[bookmark:[^\]]*\]/)
    static let dashedPageNumber = CompiledRegex(/[—–\-－]+\s*[0-9]+\s*[—–\-－]+/)
    static let pageOfPages = CompiledRegex(/第\s*[0-9]+\s*页(\s*共\s*[0-9]+\s*页)?/)
    static let blank = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}\u{00A0}\u{FEFF}"))

    static func width(of text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x1100 ? 0.5 : 1) }
    }

    /// Chinese characters and the full-width punctuation that sits among them.
    static func isCJK(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        if s.properties.isIdeographic { return true }
        return "（），。、；：？！“”‘’《》〔〕【】—…·".contains(c)
    }

    static func isAlnum(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    /// “and” that a converter put for 和 between two Chinese words.
    static let mistranslations: [(String, String)] = [(" and ", "和")]

    static func clean(_ line: String) -> String {
        var s = line.contains("[bookmark:") ? line.replacing(Self.bookmark.regex, with: "") : line
        s = String(s.map { $0 == "\u{3000}" || $0 == "\t" || $0 == "\u{00A0}" ? " " : $0 })
        s = s.trimmingCharacters(in: blank)
        for (wrong, right) in mistranslations { s = restore(s, wrong, right) }
        s = asciiDigits(s)
        s = fullWidthPunctuation(s)
        s = removeSpacesBesidePunctuation(s)
        if s.hasSuffix("."), let before = s.dropLast().last, isCJK(before), !"。！？…".contains(before) {
            // 特此通知. — a half-width full stop ending Chinese text.
            s = String(s.dropLast()) + "。"
        }
        return removeSpacesInWords(s)
    }

    /// Full-width figures (２０２０年７月) as ASCII ones, which the standard prints and every
    /// pattern here reads.
    static func asciiDigits(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { scalar in
            (0xFF10...0xFF19).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value - 0xFF10 + 0x30)) : scalar
        }))
    }

    /// Full-width punctuation sets its own space: a space typed beside ，。、；：？！（）《》“”
    /// (各省辖市科技局， 济源示范区科技局) is none the page should print.
    static let spacedPunctuation: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "（", "）", "《", "》", "“", "”"]

    static func removeSpacesBesidePunctuation(_ s: String) -> String {
        guard s.contains(" ") else { return s }
        let chars = Array(s)
        var out: [Character] = []
        for (i, c) in chars.enumerated() {
            if c == " " {
                var n = i + 1
                while n < chars.count, chars[n] == " " { n += 1 }
                let prev = out.last
                let next = n < chars.count ? chars[n] : nil
                if prev.map(spacedPunctuation.contains) == true || next.map(spacedPunctuation.contains) == true { continue }
            }
            out.append(c)
        }
        return String(out)
    }

    /// `wrong` replaced by `right` where Chinese stands on both sides.
    static func restore(_ s: String, _ wrong: String, _ right: String) -> String {
        var result = s
        while let range = result.range(of: wrong) {
            let before = result[..<range.lowerBound].last
            let after = result[range.upperBound...].first
            guard let before, let after, isCJK(before), isCJK(after) else { break }
            result.replaceSubrange(range, with: right)
        }
        return result
    }

    static func mistranslatedWords(in line: String) -> [(String, String)] {
        guard mistranslations.contains(where: { line.contains($0.0.trimmingCharacters(in: .whitespaces)) }) else { return [] }
        return mistranslations.filter { restore(line.replacingOccurrences(of: "\u{3000}", with: " "), $0.0, $0.1) != line.replacingOccurrences(of: "\u{3000}", with: " ") }
    }

    /// , : ; ? ! ( ) beside Chinese become ，：；？！（）; beside Latin (E-mail:x) they stay.
    static func fullWidthPunctuation(_ s: String) -> String {
        let map: [Character: Character] = [",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"]
        let chars = Array(s)
        var out: [Character] = []
        var openedWide = 0
        for (i, c) in chars.enumerated() {
            guard let wide = map[c] else { out.append(c); continue }
            var p = i - 1
            while p >= 0, chars[p] == " " { p -= 1 }
            var n = i + 1
            while n < chars.count, chars[n] == " " { n += 1 }
            let prev = p >= 0 ? chars[p] : nil
            let next = n < chars.count ? chars[n] : nil
            var beside = [prev, next].contains { $0.map(isCJK) ?? false } || (out.last.map(isCJK) ?? false)
            // A closing parenthesis follows its opening one: (2020) beside Chinese is （2020）.
            if c == ")" && openedWide > 0 { beside = true }
            if c == "(" && beside { openedWide += 1 }
            if c == ")" && beside { openedWide = max(0, openedWide - 1) }
            out.append(beside ? wide : c)
        }
        return String(out)
    }

    /// Spaces between a figure or Latin word and Chinese: always after the figure (2020 年),
    /// before it when the figure runs on into Chinese (举办 2020年); never between two
    /// Chinese words (科技战疫 创新强国) nor before a figure that stands alone (艾延坤 6666209).
    static func removeSpacesInWords(_ s: String) -> String {
        var chars = Array(s)
        var i = 0
        var out: [Character] = []
        // Pass 1: figure/Latin, spaces, Chinese.
        while i < chars.count {
            if chars[i] == " ", let last = out.last, isAlnum(last) {
                var j = i
                while j < chars.count, chars[j] == " " { j += 1 }
                if j < chars.count, isCJK(chars[j]) { i = j; continue }
            }
            out.append(chars[i])
            i += 1
        }
        chars = out
        out = []
        i = 0
        // Pass 2: Chinese, spaces, a figure/Latin run that goes straight on into Chinese.
        while i < chars.count {
            if chars[i] == " ", let last = out.last, isCJK(last) {
                var j = i
                while j < chars.count, chars[j] == " " { j += 1 }
                var k = j
                while k < chars.count, isAlnum(chars[k]) || ".%-".contains(chars[k]) { k += 1 }
                if k > j, k < chars.count, chars[k] != " " { i = j; continue }
            }
            out.append(chars[i])
            i += 1
        }
        return String(out)
    }

    /// — 2 —, - 2 -, 第2页: the page numbers extraction leaves between pages.
    static func isPageNumber(_ text: String) -> Bool {
        text.wholeMatch(of: Self.dashedPageNumber.regex) != nil || text.wholeMatch(of: Self.pageOfPages.regex) != nil
    }
}
