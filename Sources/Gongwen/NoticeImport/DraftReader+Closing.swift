import Foundation

/// What follows the date: 附注, the attachment pages, and the 版记 (抄送, 印发机关 and 印发日期);
/// then the attachments made from the 附件说明's names and those pages.
extension DraftReader {
    typealias AttachmentPage = (number: Int?, lines: [DraftLine])

    static let noteInBrackets = CompiledRegex(/（.*）/)
    static let copyToLine = CompiledRegex(/抄送[：:]\s*(.*)/)
    static let printedLine = CompiledRegex(/(.*?)\s*([0-9]{4}\s*[年.\-]\s*[0-9]{1,2}\s*[月.\-]\s*[0-9]{1,2}\s*日?|[〇○零O一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*印发/)
    static let parenthesised = CompiledRegex(/（[^）]*）/)

    mutating func readClosing(_ lines: ArraySlice<DraftLine>) -> (pages: [AttachmentPage], note: String?, colophon: Colophon?) {
        var pages: [AttachmentPage] = []
        var note: String?
        var copyTo: [String]?
        var printer: String?, printDate: String?
        for line in lines {
            let t = line.text
            if let m = t.wholeMatch(of: Self.attachmentLabel.regex) {
                pages.append((Int(m.1) ?? DraftDate.number(String(m.1)), [])); continue
            }
            if t.hasPrefix("信息公开选项") || (pages.isEmpty && t.wholeMatch(of: Self.noteInBrackets.regex) != nil) {
                note = t.hasPrefix("（") && t.hasSuffix("）") ? String(t.dropFirst().dropLast()) : t
                continue
            }
            if let m = t.wholeMatch(of: Self.copyToLine.regex) {
                copyTo = m.1.split(whereSeparator: { "，、,".contains($0) }).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "。 ")) }
                continue
            }
            if let m = t.wholeMatch(of: Self.printedLine.regex),
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
        let colophon = printer.flatMap { printer in printDate.map { Colophon(copyTo: copyTo, printer: printer, printDate: $0) } }
        return (pages, note, colophon)
    }

    /// Attachments from the 附件说明 names and the pages: each name a form when a template's
    /// title matches, else the page's text. A listed name with no page is sent separately
    /// (另行发送): it stays in 附件说明 with no pages, with a warning — unless it names a
    /// template, whose blank form is attached (also said).
    mutating func attachments(names: [String], pages: [AttachmentPage]) -> [NoticeAttachment] {
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
            // A page that opens with a table has no title line: it is named by its place.
            let titled = DraftTable.index(first.text) == nil
            let name = titled ? first.text : "附件\(page.number ?? result.count + 1)"
            warnings.append(.attachmentNotListed(name))
            result.append(attachment(name: name, content: Array(page.lines.dropFirst(titled ? 1 : 0))))
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
            // What the table holds is kept as it is, even where the form's rules want more (a
            // required field left empty): the person sees each problem now, and again beside
            // its input on the notice page, rather than losing what the draft held.
            if let data, let template, let library {
                do { _ = try library.validator(for: template).validate(data) } catch {
                    warnings.append(.formDataIncomplete(name: name, problems: error.issues.map { "\($0.label.isEmpty ? $0.key : $0.label)：\($0.message)" }))
                }
            }
            return NoticeAttachment(name: name, form: AttachedForm(template: id, data: data, notes: nil), body: nil)
        }
        let body = DraftBody.blocks(content, tables: tables, notes: &headingNotes)
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
        let bare = { (s: String) in plain(s).replacing(Self.parenthesised.regex, with: "") }
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
}
