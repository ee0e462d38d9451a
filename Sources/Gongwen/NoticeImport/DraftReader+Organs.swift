import Foundation

/// Names of organs and of list items, and the title's lines, as drafts write them.
extension DraftReader {
    static let itemNumber = CompiledRegex(/[0-9]{1,2}[.．、]\s*/)
    static let organPunctuation = CompiledRegex(/[，。；：、“”《》]/)

    static func itemName(_ text: String) -> String {
        String(text.trimmingPrefix(Self.itemNumber.regex)).trimmingCharacters(in: .whitespaces)
    }

    static func isOrgan(_ text: String) -> Bool {
        guard let last = text.last, organEnding.contains(last), DraftText.width(of: text) <= 60 else { return false }
        return text.firstMatch(of: Self.organPunctuation.regex) == nil && DraftBody.role(of: text) == .paragraph
    }

    /// Signature organs: split at spaces, a name broken over two lines put together again and
    /// a repeated tail (中共濮阳市委宣传部 / 宣传部) dropped, by the organs of the issuer mark.
    static func organs(_ lines: [String], known: [String]) -> [String] {
        let tokens = lines.flatMap { $0.split(separator: " ").map(String.init) }
        var out: [String] = []
        var i = 0
        while i < tokens.count {
            var t = tokens[i]
            if let last = out.last, last.hasSuffix(t), !known.contains(t) { i += 1; continue }
            while !known.contains(t), i + 1 < tokens.count, known.contains(where: { $0.hasPrefix(t + tokens[i + 1]) }) {
                t += tokens[i + 1]
                i += 1
            }
            out.append(t)
            i += 1
        }
        return out
    }

    /// A title line taken from a PDF holds its lines separated by spaces (… 关于开展…); a
    /// space before 关于 tells, and then every space is a line break.
    static func titleLines(_ lines: [String]) -> [String] {
        lines.flatMap { line -> [String] in
            line.contains(" 关于") ? line.split(separator: " ").map(String.init) : [line]
        }
    }

    static func findDate(_ lines: [DraftLine]) -> Int? { lines.lastIndex { DraftDate($0.text) != nil } }
}
