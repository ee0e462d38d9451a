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
    /// What the headings of the body and the free-text attachments did that the layout changes.
    var headingNotes = DraftBody.HeadingNotes()

    static let titleEnding = CompiledRegex(/.*(通知|报告|意见|决定|通报|批复|请示|函|方案|纪要|公告|通告|办法|规定|决议|命令|议案|公报|规划|计划|细则|要点)/)
    static let documentEnding = CompiledRegex(/.*(表|通知|方案|办法|名单|意见|报告|清单|细则|要点|目录|书|函|规定|指南|材料|计划|汇编|公告|决定)/)
    static let attachmentList = CompiledRegex(/^附件\s*[：:]/)
    static let organEnding: Set<Character> = ["局", "部", "委", "会", "办", "室", "院", "厅", "府", "处", "科", "所", "心", "协", "社", "司", "署", "站", "队", "校", "馆", "庭", "团", "组"]

    init(source: String, templates: [(id: String, title: String)]) {
        self.source = source
        self.templates = templates
    }

    mutating func read(_ text: String, fallbackDate: String?) throws(NoticeImportError) -> NoticeDocument {
        if let fallbackDate, DraftDate(fallbackDate) == nil { throw .badDate(given: fallbackDate) }
        var lines = cleanedLines(text)
        let header = try readHeader(&lines, fallbackDate: fallbackDate)
        var (number, issuer, i) = (header.number, header.issuer, header.end)
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
        let pagesStart = (i..<lines.count).first { lines[$0].text.wholeMatch(of: Self.attachmentLabel.regex) != nil } ?? lines.count
        let dateIndex = (i..<pagesStart).reversed().first { DraftDate(lines[$0].text) != nil }
        let listIndex = (i..<(dateIndex ?? pagesStart)).first { lines[$0].text.firstMatch(of: Self.attachmentList.regex) != nil }
        var bodyEnd = listIndex ?? dateIndex ?? pagesStart
        var names: [String] = []
        var signatureStart = dateIndex ?? pagesStart
        if let listIndex {
            var j = listIndex
            var first = String(lines[j].text.drop { $0 != "：" && $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces)
            if first.isEmpty, j + 1 < signatureStart { j += 1; first = lines[j].text }
            if !Self.itemName(first).isEmpty { names.append(Self.itemName(first)) }
            j += 1
            while j < signatureStart {
                let t = lines[j].text
                if t.prefixMatch(of: Self.itemNumber.regex) != nil {
                    // A number with no name after it (a stray 1.) names nothing.
                    let name = Self.itemName(t)
                    if name.isEmpty { warnings.append(.notPlaced(t)) } else { names.append(name) }
                } else if let last = names.last, last.wholeMatch(of: Self.documentEnding.regex) == nil, !Self.isOrgan(t) {
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
        let body = DraftBody.blocks(Array(lines[i..<bodyEnd]), tables: tables, notes: &headingNotes)

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

        var notice = NoticeDocument(issuer: IssuerMark(organs: issuer ?? [], suffix: header.issuerSuffix), title: header.title,
                                    signature: SignatureBlock(organs: organs, sealed: sealed), date: date)
        notice.copyNumber = header.copyNumber
        notice.secrecy = header.secrecy
        notice.urgency = header.urgency
        notice.documentNumber = number
        notice.signer = header.signer
        notice.recipients = recipients
        notice.body = body

        // After the date: 附注, attachment pages, 版记.
        let closing = readClosing(lines[((dateIndex.map { $0 + 1 }) ?? pagesStart)...])
        notice.note = closing.note
        notice.colophon = closing.colophon
        notice.attachments = attachments(names: names, pages: closing.pages)
        if !headingNotes.nonstandardLabels.isEmpty { warnings.append(.headingNumbersCorrected(headingNotes.nonstandardLabels)) }
        if !headingNotes.skippedLevels.isEmpty { warnings.append(.headingLevelsSkipped(headingNotes.skippedLevels)) }
        return notice
    }
}
