/// The body of a draft (or of a free-text attachment) from its lines: hard-wrapped lines
/// joined into paragraphs, headings recognised by their numbers and nested into sections,
/// contact lines gathered into contact blocks.
struct DraftBody {
    // The four levels of GB/T 9704 §7.3.3 (一、 （一） 1. （1）), with the marks drafts put
    // instead (一. 一． （一）、 1、 （1）.), which are laid out as the standard's.
    static let firstLevel = CompiledRegex(/([一二三四五六七八九十]+[、.．])\s*(.*)/)
    static let secondLevel = CompiledRegex(/(（[一二三四五六七八九十]+）[、.．]?)\s*(.*)/)
    // Not 1.5万名… (a decimal fraction opening a paragraph); 2.2022年度… (a year) is a heading.
    static let thirdLevel = CompiledRegex(/([0-9]{1,2}[.．、])(?![0-9]{1,3}(?:[^0-9]|$))\s*(.+)/)
    static let fourthLevel = CompiledRegex(/(（[0-9]+）[、.．]?)\s*(.*)/)
    static let standardLabel = CompiledRegex(/[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]{1,2}[.．]|（[0-9]+）/)
    static let numberAfterFullStop = CompiledRegex(/。[0-9]{1,2}[.．]/)
    static let contactLabel = CompiledRegex(/^(联系人|联系电话|电话|手机|传真|电子信箱|电子邮箱|邮箱|[Ee]-?mail|联系地址|地址|邮编|邮政编码)/)
    static let longNumber = CompiledRegex(/[0-9]{7,}/)
    static let sentencePunctuation = CompiledRegex(/[，。；：]/)

    /// One line's role in the body.
    enum Role: Equatable {
        /// `label` as the draft wrote it (一、 or 一.), `rest` the heading after it.
        case heading(level: Int, label: String, rest: String)
        case contact
        case contactHeader
        case paragraph
    }

    /// A section as it is built: heading and run-on text, the blocks below.
    final class Section {
        let level: Int
        var heading: String?
        var text: String?
        var children: [Section] = []
        var block: BodyBlock?
        init(level: Int, heading: String?, text: String?) {
            self.level = level
            self.heading = heading
            self.text = text
        }
        var hasHeadings: Bool { children.contains { $0.heading != nil } }

        func blocks() -> [BodyBlock] {
            children.map { child in
                if let block = child.block { return block }
                let below = child.blocks()
                return BodyBlock(heading: child.heading, text: child.text, body: below.isEmpty ? nil : below, contact: nil)
            }
        }
    }

    /// Headings by their number: 一、 （一） 1. （1）.
    static func role(of text: String) -> Role {
        if let m = text.wholeMatch(of: Self.firstLevel.regex) { return .heading(level: 1, label: String(m.1), rest: String(m.2)) }
        if let m = text.wholeMatch(of: Self.secondLevel.regex) { return .heading(level: 2, label: String(m.1), rest: String(m.2)) }
        if let m = text.wholeMatch(of: Self.fourthLevel.regex) { return .heading(level: 4, label: String(m.1), rest: String(m.2)) }
        if DraftDate(text) == nil, let m = text.wholeMatch(of: Self.thirdLevel.regex) {
            let rest = String(m.2)
            // 1.科学之夜活动。2.科研机构和大学开放。… is a paragraph listing items, not a heading.
            if rest.firstMatch(of: Self.numberAfterFullStop.regex) == nil { return .heading(level: 3, label: String(m.1), rest: rest) }
        }
        if isContact(text) { return .contact }
        return .paragraph
    }

    static func isContact(_ text: String) -> Bool {
        guard DraftText.width(of: text) <= 45 else { return false }
        if text.firstMatch(of: Self.contactLabel.regex) != nil { return true }
        return text.contains("电话") || text.contains("@") || text.firstMatch(of: Self.longNumber.regex) != nil
    }

    /// Lines a paragraph cannot run on into.
    static func isStructural(_ text: String) -> Bool {
        if DraftTable.index(text) != nil { return true }
        if case .paragraph = role(of: text) { return false }
        return true
    }

    static let terminators: Set<Character> = ["。", "！", "？", "：", "；", "）", "”", "」", "』", "…"]

    static func terminated(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        if last == "）" || last == "”" {
            return text.dropLast().last.map { terminators.contains($0) } ?? false || last == "）"
        }
        return terminators.contains(last)
    }

    /// The width lines were wrapped at, when the draft came from a page (most full lines share
    /// it); nil for a draft whose paragraphs are each one line.
    static func wrapWidth(of lines: [DraftLine]) -> Double? {
        var counts: [Int: Int] = [:]
        for line in lines where line.width >= 20 { counts[Int(line.width.rounded()), default: 0] += 1 }
        guard let (width, count) = counts.max(by: { $0.value < $1.value }), count >= 8 else { return nil }
        return Double(width)
    }

    /// Hard-wrapped lines joined: a line filled to the margin runs on, unless the next is a
    /// heading or a contact line, or the line ended a sentence and the next is a paragraph's
    /// first line (two characters shorter, for its indent). In a draft without a margin, a long
    /// line cut mid-sentence (at a page break) runs on.
    static func paragraphs(_ lines: [DraftLine], wrap: Double?) -> [String] {
        var result: [String] = []
        var current: [DraftLine] = []
        func flush() {
            if !current.isEmpty { result.append(DraftText.clean(current.map(\.raw).map { $0.trimmingCharacters(in: DraftText.blank) }.joined())) }
            current = []
        }
        for line in lines {
            guard let prev = current.last else { current = [line]; continue }
            let isFirst = current.count == 1
            var join = false
            if !isStructural(line.text), !isContactish(prev.text, current: current) {
                if let wrap, prev.width <= wrap + 1.5 {
                    let full = (isFirst ? wrap - 2 : wrap) - 2.5
                    if prev.width >= full {
                        join = !terminated(prev.text) || line.width >= wrap - 1
                    }
                } else {
                    join = !terminated(prev.text) && prev.width >= 30
                }
            }
            if join { current.append(line) } else { flush(); current = [line] }
        }
        flush()
        return result
    }

    private static func isContactish(_ text: String, current: [DraftLine]) -> Bool {
        current.count == 1 && role(of: text) == .contact
    }

    /// What the headings of a draft's bodies did that the layout changes, for the warnings
    /// that say so: labels written otherwise than the standard (一. for 一、), and headings
    /// that skip a level (1. straight under 一、), which the layout numbers by their depth.
    struct HeadingNotes: Equatable {
        var nonstandardLabels: [String] = []
        var skippedLevels: [String] = []
    }

    /// The blocks of `lines`, nested; what their headings did is added to `notes`.
    static func blocks(_ lines: [DraftLine], tables: [[[String]]] = [], notes: inout HeadingNotes) -> [BodyBlock] {
        let texts = paragraphs(lines, wrap: wrapWidth(of: lines))
        let root = Section(level: 0, heading: nil, text: nil)
        var stack = [root]
        var contact: Section?
        func target(for text: String) -> Section {
            if text.hasPrefix("特此") { return root }
            if text.hasPrefix("（注") { return stack.count > 1 ? stack[1] : root }
            for section in stack.dropFirst().reversed() where section.text == nil && !section.hasHeadings {
                return section
            }
            return stack.count > 1 ? stack[1] : root
        }
        for (index, text) in texts.enumerated() {
            if let table = DraftTable.index(text) {
                contact = nil
                guard table < tables.count else { continue }
                let section = Section(level: 99, heading: nil, text: nil)
                section.block = BodyBlock(heading: nil, text: nil, body: nil, contact: nil, table: tables[table])
                target(for: text).children.append(section)
                continue
            }
            var role = role(of: text)
            if role == .paragraph, DraftText.width(of: text) <= 20, text.firstMatch(of: Self.sentencePunctuation.regex) == nil,
               index + 1 < texts.count, Self.role(of: texts[index + 1]) == .contact {
                role = .contactHeader
            }
            switch role {
            case .heading(let level, let label, let rest):
                contact = nil
                if label.wholeMatch(of: Self.standardLabel.regex) == nil, !notes.nonstandardLabels.contains(label) {
                    notes.nonstandardLabels.append(label)
                }
                while let top = stack.last, top.level >= level, top !== root { stack.removeLast() }
                if level > stack.last!.level + 1 { notes.skippedLevels.append(label + rest.prefix(12)) }
                var heading = rest
                var runOn: String?
                if let stop = rest.firstIndex(of: "。"), rest.index(after: stop) < rest.endIndex {
                    heading = String(rest[...stop])
                    runOn = String(rest[rest.index(after: stop)...])
                }
                let section = Section(level: level, heading: heading, text: runOn)
                stack.last!.children.append(section)
                stack.append(section)
            case .contact, .contactHeader:
                if role == .contactHeader || contact == nil {
                    let block = Section(level: 99, heading: nil, text: nil)
                    block.block = BodyBlock(heading: nil, text: nil, body: nil, contact: [])
                    target(for: text).children.append(block)
                    contact = block
                }
                contact!.block!.contact!.append(text)
            case .paragraph:
                contact = nil
                let paragraph = Section(level: 99, heading: nil, text: nil)
                paragraph.block = BodyBlock(heading: nil, text: text, body: nil, contact: nil)
                target(for: text).children.append(paragraph)
            }
        }
        return root.blocks()
    }
}
