import Foundation

/// The elements of a notice found in the lines of a draft, in the order GB/T 9704 puts them:
/// the header (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人), the title and 主送机关,
/// the body, 附件说明, signature and date, then the attachment pages, 附注 and 版记.
struct DraftReader {
    let source: String
    let templates: [(id: String, title: String)]
    var warnings: [NoticeImportWarning] = []
    /// The tables of a Word draft, by the index its marker lines carry.
    var tables: [[[String]]] = []
    /// The templates, for filling a form attachment from its table.
    var library: TemplateLibrary?
    /// Whether the draft is plain text, whose tables (copied out of Word or WPS) come as lines
    /// of cells separated by tabs; a Word draft's tables are its own, and its tabs align text.
    var isPlainText = false

    static var titleEnding: Regex<(Substring, Substring)> { /.*(通知|报告|意见|决定|通报|批复|请示|函|方案|纪要|公告|通告|办法|规定|决议|命令|议案|公报|规划|计划|细则|要点)/ }
    static var documentEnding: Regex<(Substring, Substring)> { /.*(表|通知|方案|办法|名单|意见|报告|清单|细则|要点|目录|书|函|规定|指南|材料|计划|汇编|公告|决定)/ }
    static let organEnding: Set<Character> = ["局", "部", "委", "会", "办", "室", "院", "厅", "府", "处", "科", "所", "心", "协", "社", "司", "署", "站", "队", "校", "馆", "庭", "团", "组"]

    init(source: String, templates: [(id: String, title: String)]) {
        self.source = source
        self.templates = templates
    }

    mutating func read(_ text: String, fallbackDate: String?) throws(NoticeImportError) -> NoticeDocument {
        if let fallbackDate, DraftDate(fallbackDate) == nil { throw .badDate(given: fallbackDate) }
        var raws: [String] = []
        var removed: [UInt32] = []
        for piece in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            // Controls that no XML file can hold (a NUL pasted from a terminal, U+FFFE from a
            // broken conversion) are no part of the notice: taken out, and said. A Word
            // draft's table markers are made of one (U+FFFF), so its text cannot forge them.
            var raw = String(piece)
            if !tables.isEmpty, DraftTable.index(raw) != nil {
                raws.append(raw)
                continue
            }
            if TextRules.firstForbiddenScalar(in: raw) != nil {
                var kept = String.UnicodeScalarView()
                for scalar in raw.unicodeScalars {
                    if TextRules.isForbidden(scalar) {
                        if !removed.contains(scalar.value) { removed.append(scalar.value) }
                    } else {
                        kept.append(scalar)
                    }
                }
                raw = String(kept)
            }
            raws.append(raw)
        }
        if isPlainText { raws = DraftTable.folding(raws, into: &tables) }
        var lines: [DraftLine] = []
        for raw in raws {
            let line = DraftLine(raw: raw)
            guard !line.text.isEmpty, !DraftText.isPageNumber(line.text) else { continue }
            for (wrong, right) in DraftText.mistranslatedWords(in: line.raw.trimmingCharacters(in: DraftText.blank)) {
                warnings.append(.wordRestored(from: wrong.trimmingCharacters(in: .whitespaces), to: right))
            }
            lines.append(line)
        }
        if !removed.isEmpty { warnings.append(.controlCharactersRemoved(removed)) }
        lines = Self.droppingRunningLines(lines)

        // Header and title.
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
            if t.wholeMatch(of: /\d{6}/) != nil, title.isEmpty { copyNumber = t; continue }
            if t.wholeMatch(of: /(绝密|机密|秘密)(★.*)?/) != nil { secrecy = t.filter { $0 != " " }; continue }
            if t.wholeMatch(of: /特急|加急|特提|平急/) != nil { urgency = t; continue }
            if title.isEmpty, issuer == nil, number == nil, t.wholeMatch(of: /附件\s*\d*/) != nil {
                warnings.append(.lineDropped(t)); continue
            }
            var rest = t
            if let m = t.firstMatch(of: /签发人[：:]\s*(.+)$/) {
                signer = m.1.split(whereSeparator: { $0 == " " || $0 == "、" }).map(String.init)
                rest = String(t[..<m.range.lowerBound]).trimmingCharacters(in: .whitespaces)
                if rest.isEmpty { continue }
            }
            if DraftNumber.isNumber(rest) {
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
                if tokens.contains(where: { $0.hasSuffix("文件") }), !rest.hasPrefix("关于") {
                    issuer = pending + tokens.map { $0.hasSuffix("文件") ? String($0.dropLast(2)) : $0 }.filter { !$0.isEmpty }
                    pending = []
                    continue
                }
                // Organ lines stacked above 文件 (联合行文), or above the 发文字号 of a mark
                // without 文件 — or the first lines of a title that begins with its organ,
                // which the line after them tells.
                if Self.isOrgan(rest), !rest.contains("关于"), rest.wholeMatch(of: Self.titleEnding) == nil {
                    pending.append(rest)
                    continue
                }
            }
            // Organ lines followed by the title's own line were the title's first lines.
            title += pending
            pending = []
            title.append(rest)
            if rest.wholeMatch(of: Self.titleEnding) != nil { titleDone = true }
            if title.count > 5 { break }
        }
        if !titleDone {
            pending.removeAll()
            throw .missing(source: source, parts: [.title] + (Self.findDate(lines) == nil && fallbackDate == nil ? [.date] : []))
        }
        title = Self.titleLines(title)
        // 发文字号 may follow the title (a forwarded notice).
        while i < lines.count, DraftNumber.isNumber(lines[i].text) {
            let (fixed, warning) = DraftNumber.corrected(lines[i].text)
            number = fixed
            if let warning { warnings.append(warning) }
            i += 1
        }
        // 主送机关: up to the line ending with a colon, within three lines.
        var recipients: String?
        if let end = (i..<min(i + 3, lines.count)).first(where: { lines[$0].text.hasSuffix("：") }),
           !(i...end).contains(where: { DraftBody.isStructural(lines[$0].text) && DraftBody.role(of: lines[$0].text) != .contact }) {
            recipients = DraftText.clean(lines[i...end].map { $0.raw.trimmingCharacters(in: DraftText.blank) }.joined())
            i = end + 1
        }

        // Where the attachment pages start, the date before them, the signature before it.
        let pagesStart = (i..<lines.count).first { lines[$0].text.wholeMatch(of: /附件\s*\d*/) != nil } ?? lines.count
        let dateIndex = (i..<pagesStart).reversed().first { DraftDate(lines[$0].text) != nil }
        let listIndex = (i..<(dateIndex ?? pagesStart)).first { lines[$0].text.firstMatch(of: /^附件\s*[：:]/) != nil }
        var bodyEnd = listIndex ?? dateIndex ?? pagesStart
        var names: [String] = []
        var signatureStart = dateIndex ?? pagesStart
        if let listIndex {
            var j = listIndex
            var first = String(lines[j].text.drop { $0 != "：" && $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces)
            if first.isEmpty, j + 1 < signatureStart { j += 1; first = lines[j].text }
            names.append(Self.itemName(first))
            j += 1
            while j < signatureStart {
                let t = lines[j].text
                if t.firstMatch(of: /^\d{1,2}[.．、]/) != nil {
                    names.append(Self.itemName(t))
                } else if let last = names.last, last.wholeMatch(of: Self.documentEnding) == nil, !Self.isOrgan(t) {
                    names[names.count - 1] = last + t
                } else {
                    break
                }
                j += 1
            }
            signatureStart = j
        } else {
            var j = signatureStart
            while j > i, Self.isOrgan(lines[j - 1].text) { j -= 1 }
            signatureStart = j
            bodyEnd = j
        }
        let signatureLines = lines[signatureStart..<(dateIndex ?? pagesStart)].map(\.text)
        let body = DraftBody.blocks(Array(lines[i..<bodyEnd]), tables: tables)

        // The date.
        var date: String
        if let dateIndex, let parsed = DraftDate(lines[dateIndex].text) {
            date = parsed.iso
            let written = lines[dateIndex].text.filter { $0 != " " }
            if written != parsed.standard { warnings.append(.dateRewritten(from: written, to: parsed.standard)) }
        } else if let fallbackDate, let parsed = DraftDate(fallbackDate) {
            date = parsed.iso
            warnings.append(.dateSupplied(parsed.iso))
        } else {
            throw .missing(source: source, parts: [.date])
        }

        // Signature and issuer, each standing in for the other when missing.
        var organs = Self.organs(signatureLines, known: issuer ?? [])
        if issuer == nil, !organs.isEmpty {
            issuer = organs
            warnings.append(.issuerFromSignature(organs))
        }
        if organs.isEmpty, let issuer {
            organs = issuer
            warnings.append(.signatureFromIssuer(issuer))
        }
        if organs.isEmpty { throw .missing(source: source, parts: [.issuer]) }
        let sealed = organs.count > 1
        warnings.append(.sealAssumed(sealed: sealed))

        var notice = NoticeDocument(issuer: IssuerMark(organs: issuer ?? [], suffix: issuerSuffix), title: title,
                                    signature: SignatureBlock(organs: organs, sealed: sealed), date: date)
        notice.copyNumber = copyNumber
        notice.secrecy = secrecy
        notice.urgency = urgency
        notice.documentNumber = number
        notice.signer = signer
        notice.recipients = recipients
        notice.body = body

        // After the date: 附注, attachment pages, 版记.
        var pages: [(number: Int?, lines: [DraftLine])] = []
        var note: String?
        var copyTo: [String]?
        var printer: String?, printDate: String?
        for line in lines[((dateIndex.map { $0 + 1 }) ?? pagesStart)...] {
            let t = line.text
            if let m = t.wholeMatch(of: /附件\s*(\d*)/) {
                pages.append((Int(m.1), [])); continue
            }
            if t.hasPrefix("信息公开选项") || (pages.isEmpty && t.wholeMatch(of: /（.*）/) != nil) {
                note = t.hasPrefix("（") && t.hasSuffix("）") ? String(t.dropFirst().dropLast()) : t
                continue
            }
            if let m = t.wholeMatch(of: /抄送[：:]\s*(.*)/) {
                copyTo = m.1.split(whereSeparator: { "，、,".contains($0) }).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "。 ")) }
                continue
            }
            if let m = t.wholeMatch(of: /(.*?)\s*(\d{4}\s*[年.\-]\s*\d{1,2}\s*[月.\-]\s*\d{1,2}\s*日?|[〇○零O一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*印发/),
               let d = DraftDate(String(m.2)) {
                printDate = d.iso
                let before = String(m.1).trimmingCharacters(in: .whitespaces)
                if !before.isEmpty {
                    printer = before
                } else if let last = pages.indices.last, let popped = pages[last].lines.popLast() {
                    printer = popped.text
                }
                continue
            }
            if pages.isEmpty { warnings.append(.notPlaced(t)); continue }
            pages[pages.count - 1].lines.append(line)
        }
        notice.note = note
        if let printer, let printDate { notice.colophon = Colophon(copyTo: copyTo, printer: printer, printDate: printDate) }
        notice.attachments = attachments(names: names, pages: pages)
        return notice
    }

    /// Attachments from the 附件说明 names and the pages: each name a form when a template's
    /// title matches, else the page's text. A listed name with no page is sent separately
    /// (另行发送): it stays in 附件说明 with no pages, with a warning — unless it names a
    /// template, whose blank form is attached (also said).
    mutating func attachments(names: [String], pages: [(number: Int?, lines: [DraftLine])]) -> [NoticeAttachment] {
        var result: [NoticeAttachment] = []
        var used = Set<Int>()
        for (index, name) in names.enumerated() {
            let pageIndex = pages.firstIndex { ($0.number ?? 1) == index + 1 }
            if let pageIndex { used.insert(pageIndex) }
            guard let pageIndex else {
                if let id = templateID(for: name) {
                    warnings.append(.attachmentFormBlank(number: index + 1, name: name))
                    result.append(NoticeAttachment(name: name, form: AttachedForm(template: id, data: nil, notes: nil)))
                } else {
                    warnings.append(.attachmentMissing(number: index + 1, name: name))
                    result.append(NoticeAttachment(name: name, separate: true))
                }
                continue
            }
            result.append(attachment(name: name, content: Self.pageContent(pages[pageIndex].lines, name: name)))
        }
        for (index, page) in pages.enumerated() where !used.contains(index) {
            guard let first = page.lines.first else { continue }
            warnings.append(.attachmentNotListed(first.text))
            result.append(attachment(name: first.text, content: Array(page.lines.dropFirst())))
        }
        return result
    }

    mutating func attachment(name: String, content: [DraftLine]) -> NoticeAttachment {
        if let id = templateID(for: name) {
            let grid = content.lazy.compactMap { DraftTable.index($0.text) }.first.flatMap { $0 < tables.count ? tables[$0] : nil }
            let template = try? library?.template(id: id)
            // Lines above the table (单位（盖章）：…), not the notes under it (联系人：…).
            let linesAbove = content.prefix { DraftTable.index($0.text) == nil }.map(\.text)
            let data = grid.flatMap { grid in template.flatMap { DraftFormFill.data(for: $0, from: grid, lines: linesAbove) } }
            return NoticeAttachment(name: name, form: AttachedForm(template: id, data: data, notes: nil), body: nil)
        }
        let body = DraftBody.blocks(content, tables: tables)
        guard !body.isEmpty else {
            warnings.append(.attachmentEmpty(name))
            return NoticeAttachment(name: name, separate: true)
        }
        return NoticeAttachment(name: name, body: body)
    }

    /// The template whose title is the attachment's name, spaces ignored; failing that, with
    /// parenthesised words such as （活动） ignored on both sides.
    func templateID(for name: String) -> String? {
        let plain = { (s: String) in s.filter { $0 != " " } }
        let bare = { (s: String) in plain(s).replacing(/（[^）]*）/, with: "") }
        return templates.first { plain($0.title) == plain(name) }?.id
            ?? templates.first { bare($0.title) == bare(name) }?.id
    }

    /// A page's lines after its title (which may be wrapped over several lines).
    static func pageContent(_ lines: [DraftLine], name: String) -> [DraftLine] {
        var title = ""
        var k = 0
        let target = name.filter { $0 != " " }
        while k < lines.count {
            let candidate = title + lines[k].text.filter { $0 != " " }
            guard target.hasPrefix(candidate) else { break }
            title = candidate
            k += 1
            if title == target { break }
        }
        return Array(lines[k...])
    }

    static func itemName(_ text: String) -> String {
        String(text.trimmingPrefix(/\d{1,2}[.．、]\s*/)).trimmingCharacters(in: .whitespaces)
    }

    static func isOrgan(_ text: String) -> Bool {
        guard let last = text.last, organEnding.contains(last), DraftText.width(of: text) <= 60 else { return false }
        return text.firstMatch(of: /[，。；：、“”《》]/) == nil && DraftBody.role(of: text) == .paragraph
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

    /// Lines repeated on three or more pages (running heads, footers) are dropped.
    static func droppingRunningLines(_ lines: [DraftLine]) -> [DraftLine] {
        var counts: [String: Int] = [:]
        for line in lines { counts[line.text, default: 0] += 1 }
        return lines.filter { (counts[$0.text] ?? 0) < 3 || DraftText.width(of: $0.text) > 30 }
    }
}
