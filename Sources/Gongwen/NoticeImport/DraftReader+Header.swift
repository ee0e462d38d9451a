import Foundation

/// What stands above the title and the title itself: 份号, 密级, 紧急程度, the 发文机关标志,
/// the 发文字号 and 签发人, and the title's lines; `end` is the line after the title.
struct DraftHeader {
    var copyNumber: String?, secrecy: String?, urgency: String?, number: String?
    var signer: [String]?, issuer: [String]?
    var issuerSuffix: String? = "文件"
    var title: [String] = []
    var end = 0
}

extension DraftReader {
    static let copyNumberLine = CompiledRegex(/[0-9]{6}/)
    static let secrecyLine = CompiledRegex(/(绝密|机密|秘密)(★.*)?/)
    static let urgencyLine = CompiledRegex(/特急|加急|特提|平急/)
    /// 附件, 附件2, 附件二: the line that opens an attachment page.
    static let attachmentLabel = CompiledRegex(/附件\s*([0-9]*|[一二三四五六七八九十]{1,3})/)
    static let signerLabel = CompiledRegex(/签发人[：:]\s*(.+)$/)
    /// 征求意见稿, （送审稿）…: what a draft says of itself above the 版头, no element of the notice.
    static let draftStage = CompiledRegex(/[（(【\[]?(征求意见稿|送审稿|讨论稿|审议稿|修改稿|草稿|初稿)[）)】\]]?/)

    /// Reads the header and title from the top of `lines`; a table there (a Word template's
    /// 版头) is replaced by its cells' lines. No title is an error naming it (and the date,
    /// when the draft has none either).
    mutating func readHeader(_ lines: inout [DraftLine], fallbackDate: String?) throws(NoticeImportError) -> DraftHeader {
        var copyNumber: String?, secrecy: String?, urgency: String?, number: String?
        var signer: [String]?, issuer: [String]?
        var issuerSuffix: String? = "文件"
        var title: [String] = []
        var titleDone = false
        var pending: [String] = []
        var i = 0
        while i < lines.count, !titleDone {
            let t = lines[i].text
            // A Word template often sets the 版头 in a table (organs stacked in one column, 文件
            // beside them, merged down): before the title, a table is read as its cells' lines,
            // 文件 last, once.
            if let index = DraftTable.index(t), index < tables.count {
                var cells: [String] = []
                for cell in tables[index].joined() where !cell.isEmpty && cell != "文件" && !cells.contains(cell) { cells.append(cell) }
                if tables[index].joined().contains("文件") { cells.append("文件") }
                lines.replaceSubrange(i...i, with: cells.map { DraftLine(raw: $0) })
                continue
            }
            i += 1
            if t.wholeMatch(of: Self.copyNumberLine.regex) != nil, title.isEmpty { copyNumber = t; continue }
            if t.wholeMatch(of: Self.secrecyLine.regex) != nil { secrecy = t.filter { $0 != " " }; continue }
            if t.wholeMatch(of: Self.urgencyLine.regex) != nil { urgency = t; continue }
            if title.isEmpty, issuer == nil, number == nil, t.wholeMatch(of: Self.attachmentLabel.regex) != nil {
                warnings.append(.lineDropped(t)); continue
            }
            if title.isEmpty, t.wholeMatch(of: Self.draftStage.regex) != nil { warnings.append(.lineDropped(t)); continue }
            var rest = t
            if let m = t.firstMatch(of: Self.signerLabel.regex) {
                signer = m.1.split(whereSeparator: { $0 == " " || $0 == "、" }).map(String.init)
                rest = String(t[..<m.range.lowerBound]).trimmingCharacters(in: .whitespaces)
                if rest.isEmpty { continue }
            }
            // The 版头 or the 发文字号 under lines taken for the title's first: those lines stood
            // above the 版头 (a note such as 内部资料), so they are no title — but organ lines
            // last among them are the 版头's own (stacked organs, or names over the number).
            let isNumber = DraftNumber.isNumber(rest)
            if !title.isEmpty, issuer == nil, number == nil, isNumber || (rest != "文件" && Self.isIssuerLine(rest)) {
                let organs = Array(title.reversed().prefix { Self.isOrgan($0) && !$0.contains("关于") }.reversed())
                for stray in title.dropLast(organs.count) { warnings.append(.lineDropped(stray)) }
                pending = organs
                title = []
            }
            if isNumber {
                // Organ lines above the number with no 文件: the mark is the names alone.
                if issuer == nil, !pending.isEmpty {
                    issuer = pending
                    issuerSuffix = nil
                    pending = []
                }
                let (fixed, warning) = DraftNumber.corrected(rest)
                number = fixed
                if let warning { warnings.append(warning) }
                continue
            }
            if title.isEmpty, number == nil, issuer == nil {
                let tokens = rest.split(separator: " ").map(String.init)
                if rest == "文件" { issuer = pending; pending = []; continue }
                if Self.isIssuerLine(rest) {
                    issuer = pending + tokens.map { $0.hasSuffix("文件") ? String($0.dropLast(2)) : $0 }.filter { !$0.isEmpty }
                    pending = []
                    continue
                }
                // Organ lines stacked above 文件 (联合行文), or above the 发文字号 of a mark
                // without 文件 — or the first lines of a title that begins with its organ,
                // which the line after them tells.
                if Self.isOrgan(rest), !rest.contains("关于"), rest.wholeMatch(of: Self.titleEnding.regex) == nil {
                    pending.append(rest)
                    continue
                }
            }
            // Organ lines followed by the title's own line were the title's first lines.
            title += pending
            pending = []
            title.append(rest)
            if rest.wholeMatch(of: Self.titleEnding.regex) != nil { titleDone = true }
            if title.count > 5 { break }
        }
        if !titleDone {
            pending.removeAll()
            throw .missing(source: source, parts: [.title] + (Self.findDate(lines) == nil && fallbackDate == nil ? [.date] : []))
        }
        return DraftHeader(copyNumber: copyNumber, secrecy: secrecy, urgency: urgency, number: number, signer: signer,
                           issuer: issuer, issuerSuffix: issuerSuffix, title: Self.titleLines(title), end: i)
    }

    /// A 发文机关标志 line: a word ending in 文件 (河南省科学技术厅文件, or organs then 文件), not a title.
    static func isIssuerLine(_ text: String) -> Bool {
        !text.hasPrefix("关于") && text.split(separator: " ").contains { $0.hasSuffix("文件") }
    }
}
