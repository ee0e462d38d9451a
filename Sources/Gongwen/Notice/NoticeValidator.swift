import Foundation

/// Checks a notice before anything is written, collecting every problem: text XML cannot
/// carry anywhere in it, the 发文字号 and date formats, attachments that name no content or
/// an unknown form, the data of attached forms, and seal images.
public struct NoticeValidator: Sendable {
    public let library: TemplateLibrary
    /// The folder relative paths (seal images) are resolved against.
    public let baseFolder: URL

    public init(library: TemplateLibrary, baseFolder: URL) {
        self.library = library
        self.baseFolder = baseFolder
    }

    public func validate(_ notice: NoticeDocument, layout: NoticeLayout) throws(ValidationFailure) -> ValidatedNotice {
        var issues: [FieldIssue] = []
        func text(_ value: String?, _ key: String, _ label: String, required: Bool = false) {
            guard let value else {
                if required { issues.append(FieldIssue(key: key, label: label, rule: .required)) }
                return
            }
            if let bad = TextRules.firstForbiddenScalar(in: value) {
                issues.append(FieldIssue(key: key, label: label, rule: .forbiddenCharacter(bad.value)))
            } else if required && TextRules.isBlank(value) {
                issues.append(FieldIssue(key: key, label: label, rule: .required))
            }
        }

        text(notice.copyNumber, "copyNumber", "份号")
        if let n = notice.copyNumber, n.wholeMatch(of: /[0-9]{6}/) == nil {
            issues.append(FieldIssue(key: "copyNumber", label: "份号", rule: .copyNumber))
        }
        text(notice.secrecy, "secrecy", "密级和保密期限")
        text(notice.urgency, "urgency", "紧急程度")
        if notice.issuer.organs.isEmpty {
            issues.append(FieldIssue(key: "issuer.organs", label: "发文机关标志", rule: .required))
        }
        for (i, organ) in notice.issuer.organs.enumerated() { text(organ, "issuer.organs[\(i)]", "发文机关标志", required: true) }
        text(notice.issuer.suffix, "issuer.suffix", "发文机关标志")
        text(notice.documentNumber, "documentNumber", "发文字号")
        // One issue for each part that breaks the rule, each saying which.
        for problem in notice.documentNumber.map(DocumentNumberProblem.problems) ?? [] {
            issues.append(FieldIssue(key: "documentNumber", label: "发文字号", rule: .documentNumber(problem)))
        }
        if let signers = notice.signer {
            if signers.isEmpty { issues.append(FieldIssue(key: "signer", label: "签发人", rule: .required)) }
            for (i, name) in signers.enumerated() { text(name, "signer[\(i)]", "签发人", required: true) }
        }
        if notice.title.isEmpty { issues.append(FieldIssue(key: "title", label: "标题", rule: .required)) }
        for (i, line) in notice.title.enumerated() { text(line, "title[\(i)]", "标题", required: true) }
        text(notice.recipients, "recipients", "主送机关")
        checkBlocks(notice.body, path: "body", into: &issues)

        var attachments: [ValidatedAttachment] = []
        for (i, attachment) in notice.attachments.enumerated() {
            let path = "attachments[\(i)]"
            text(attachment.name, path + ".name", "附件名称", required: true)
            switch (attachment.form, attachment.body, attachment.separate ?? false) {
            case (nil, nil, true):
                attachments.append(ValidatedAttachment(name: attachment.name, content: .separate))
            case (let form?, nil, false):
                guard let template = try? library.template(id: form.template) else {
                    issues.append(FieldIssue(key: path + ".form.template", label: "附件表格", rule: .unknownTemplate))
                    continue
                }
                for (j, note) in (form.notes ?? []).enumerated() {
                    text(note, "\(path).form.notes[\(j)]", "填表说明", required: true)
                }
                var values = FormValues.blank
                if let data = form.data {
                    do {
                        values = try library.validator(for: template).validate(data).values
                    } catch {
                        issues += error.issues.map { FieldIssue(key: "\(path).form.data.\($0.key)", label: $0.label, rule: $0.rule) }
                    }
                }
                var sheet = FormSheetBuilder.build(template, values: values)
                if let notes = form.notes { sheet.notes = notes }
                attachments.append(ValidatedAttachment(name: attachment.name, content: .form(sheet)))
            case (nil, let body?, false):
                checkBlocks(body, path: path + ".body", into: &issues)
                attachments.append(ValidatedAttachment(name: attachment.name, content: .text(body)))
            default:
                issues.append(FieldIssue(key: path, label: "附件", rule: .attachmentContent))
            }
        }

        if notice.signature.organs.isEmpty {
            issues.append(FieldIssue(key: "signature.organs", label: "发文机关署名", rule: .required))
        }
        var seals: [Data?] = []
        for (i, organ) in notice.signature.organs.enumerated() {
            text(organ.name, "signature.organs[\(i)].name", "发文机关署名", required: true)
            var seal: Data?
            if let path = organ.seal {
                let url = URL(fileURLWithPath: path, relativeTo: baseFolder)
                do throws(ImageProblem) {
                    seal = try PNGImage.contents(of: url)
                } catch {
                    issues.append(FieldIssue(key: "signature.organs[\(i)].seal", label: "印章", rule: .imageFile(error)))
                }
            }
            seals.append(seal)
        }
        let date = Self.chineseDate(notice.date)
        if date == nil { issues.append(FieldIssue(key: "date", label: "成文日期", rule: .invalidDate)) }
        text(notice.note, "note", "附注")
        var printDate: String?
        if let colophon = notice.colophon {
            for (i, organ) in (colophon.copyTo ?? []).enumerated() { text(organ, "colophon.copyTo[\(i)]", "抄送机关", required: true) }
            text(colophon.printer, "colophon.printer", "印发机关", required: true)
            printDate = Self.chineseDate(colophon.printDate)
            if printDate == nil { issues.append(FieldIssue(key: "colophon.printDate", label: "印发日期", rule: .invalidDate)) }
        }
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        return ValidatedNotice(document: notice, layout: layout, attachments: attachments, seals: seals,
                               date: date ?? "", printDate: printDate)
    }

    private func checkBlocks(_ blocks: [BodyBlock], path: String, into issues: inout [FieldIssue]) {
        for (i, block) in blocks.enumerated() {
            let here = "\(path)[\(i)]"
            let texts = [("heading", "标题层次", block.heading), ("text", "正文", block.text)]
                + (block.contact ?? []).enumerated().map { ("contact[\($0.offset)]", "联系方式", Optional($0.element)) }
                + (block.table ?? []).enumerated().flatMap { row in
                    row.element.enumerated().map { ("table[\(row.offset)][\($0.offset)]", "表格", Optional($0.element)) }
                }
            for (key, label, value) in texts {
                if let value, let bad = TextRules.firstForbiddenScalar(in: value) {
                    issues.append(FieldIssue(key: "\(here).\(key)", label: label, rule: .forbiddenCharacter(bad.value)))
                }
            }
            if let body = block.body { checkBlocks(body, path: here + ".body", into: &issues) }
        }
    }

    /// 2020-07-22 → 2020年7月22日, or nil when it is not a real date.
    public static func chineseDate(_ iso: String) -> String? {
        guard let m = iso.wholeMatch(of: /([0-9]{4})-([0-9]{2})-([0-9]{2})/),
              let y = Int(m.1), let mo = Int(m.2), let d = Int(m.3), (1...12).contains(mo), d >= 1 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: y, month: mo, day: 1)),
              let days = calendar.range(of: .day, in: .month, for: date), days.contains(d) else { return nil }
        return "\(y)年\(mo)月\(d)日"
    }
}

/// A notice that passed validation, with what the writer needs resolved: attached forms as
/// layout models, seal images loaded, dates written the Chinese way.
public struct ValidatedNotice: Sendable {
    public var document: NoticeDocument
    public var layout: NoticeLayout
    public var attachments: [ValidatedAttachment]
    /// One entry per signatory organ: its seal PNG, if any.
    public var seals: [Data?]
    /// 成文日期, e.g. 2020年7月22日.
    public var date: String
    public var printDate: String?
}

public struct ValidatedAttachment: Sendable {
    public enum Content: Sendable {
        case form(FormSheet)
        case text([BodyBlock])
        /// Sent on its own (另行发送): listed in 附件说明, no pages.
        case separate
    }

    public var name: String
    public var content: Content
}
