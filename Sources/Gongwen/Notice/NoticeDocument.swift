/// An official notice (通知) as data: every element GB/T 9704-2012 and the seeds use, each
/// optional where the standard allows. `templates/schema/notice.schema.json` documents the
/// same shape for people writing the files.
public struct NoticeDocument: Codable, Sendable {
    /// The house-style preset under `templates/layouts/` (default `gbt9704`).
    public var layout: String?
    /// 份号: six digits, top left of the first page.
    public var copyNumber: String?
    /// 密级和保密期限, e.g. 秘密★1年.
    public var secrecy: String?
    /// 紧急程度, e.g. 特急.
    public var urgency: String?
    /// 发文机关标志.
    public var issuer: IssuerMark
    /// 发文字号, e.g. 郑科普联办〔2020〕2号.
    public var documentNumber: String?
    /// 签发人, for upward documents (上行文): one name or several (a joint report is signed by
    /// the head of each organ, in the organs' order); puts the number left and the names right.
    public var signer: [String]?
    /// 标题, one line or several (the lines as given).
    public var title: [String]
    /// 主送机关, ending with a full-width colon.
    public var recipients: String?
    /// 正文: paragraphs, headings (numbered from their nesting), contact blocks.
    public var body: [BodyBlock]
    /// 附件: each becomes a line of 附件说明 and pages of its own.
    public var attachments: [NoticeAttachment]
    /// 发文机关署名 (and seals).
    public var signature: SignatureBlock
    /// 成文日期 as an ISO date (2020-07-22), printed 2020年7月22日.
    public var date: String
    /// 附注, printed in parentheses, e.g. 信息公开选项：主动公开.
    public var note: String?
    /// 版记.
    public var colophon: Colophon?

    enum CodingKeys: String, CodingKey {
        case layout, copyNumber, secrecy, urgency, issuer, documentNumber, signer, title, recipients,
             body, attachments, signature, date, note, colophon
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        layout = try c.decodeIfPresent(String.self, forKey: .layout)
        copyNumber = try c.decodeIfPresent(String.self, forKey: .copyNumber)
        secrecy = try c.decodeIfPresent(String.self, forKey: .secrecy)
        urgency = try c.decodeIfPresent(String.self, forKey: .urgency)
        issuer = try c.decode(IssuerMark.self, forKey: .issuer)
        documentNumber = try c.decodeIfPresent(String.self, forKey: .documentNumber)
        if let single = try? c.decode(String.self, forKey: .signer) {
            signer = [single]
        } else {
            signer = try c.decodeIfPresent([String].self, forKey: .signer)
        }
        if let single = try? c.decode(String.self, forKey: .title) {
            title = [single]
        } else {
            title = try c.decode([String].self, forKey: .title)
        }
        recipients = try c.decodeIfPresent(String.self, forKey: .recipients)
        body = try c.decodeIfPresent([BodyBlock].self, forKey: .body) ?? []
        attachments = try c.decodeIfPresent([NoticeAttachment].self, forKey: .attachments) ?? []
        signature = try c.decode(SignatureBlock.self, forKey: .signature)
        date = try c.decode(String.self, forKey: .date)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        colophon = try c.decodeIfPresent(Colophon.self, forKey: .colophon)
    }
}

/// 发文机关标志: one organ's name, or several stacked for joint issuance (联合行文), followed
/// by 文件 to the right; `suffix: null` prints the name alone.
public struct IssuerMark: Codable, Sendable {
    public var organs: [String]
    public var suffix: String?

    enum CodingKeys: String, CodingKey { case organs, suffix }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        organs = try c.decode([String].self, forKey: .organs)
        // Absent means the usual 文件; an explicit null means the name alone.
        if c.contains(.suffix) {
            suffix = try c.decodeIfPresent(String.self, forKey: .suffix)
        } else {
            suffix = "文件"
        }
    }

    /// The suffix always written, `null` for the name alone: left out, it would read back as 文件.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(organs, forKey: .organs)
        try c.encode(suffix, forKey: .suffix)
    }
}

/// One block of the body. A block with `heading` is a numbered section: its number comes
/// from its depth (一、（一）1.（1）), its `text` runs on after the heading in the same
/// paragraph, and its `body` holds the blocks below it. A block with only `text` is a
/// paragraph; one with `contact` is a contact block (联系人、电话 lines); one with `table` is a
/// table, rows of cells, as a free-text attachment (a forwarded list, a schedule) holds it.
public struct BodyBlock: Codable, Sendable {
    public var heading: String?
    public var text: String?
    public var body: [BodyBlock]?
    public var contact: [String]?
    public var table: [[String]]? = nil
}

/// An attachment: its name (the line of 附件说明 and the title of its pages), and one of a
/// form from the forms engine (blank without data), free text such as a forwarded notice, or
/// `separate` for an attachment sent on its own (另行发送: a drawing, a bound volume, a file
/// too large to print with the notice), which 附件说明 lists but which has no pages here.
public struct NoticeAttachment: Codable, Sendable {
    public var name: String
    public var form: AttachedForm?
    public var body: [BodyBlock]?
    public var separate: Bool?

    public init(name: String, form: AttachedForm? = nil, body: [BodyBlock]? = nil, separate: Bool? = nil) {
        self.name = name
        self.form = form
        self.body = body
        self.separate = separate
    }
}

public struct AttachedForm: Codable, Sendable {
    /// A form template id, e.g. key-project-2020.
    public var template: String
    /// The form's data; absent for the blank form.
    public var data: JSONValue?
    /// The lines under the form (填表说明: deadline, contact), which a template carries for
    /// the notice it came from: absent keeps the template's, a list replaces them, `[]`
    /// prints none.
    public var notes: [String]?
}

/// 发文机关署名: one organ or several, with seals or without.
public struct SignatureBlock: Codable, Sendable {
    public var organs: [SignatoryOrgan]
    /// Whether the document is sealed (加盖印章): decides the placement rules. Defaults to
    /// true when any organ has a seal image.
    public var sealed: Bool?

    public var isSealed: Bool { sealed ?? organs.contains { $0.seal != nil } }
}

public struct SignatoryOrgan: Codable, Sendable {
    public var name: String
    /// A PNG of the seal, relative to the notice file.
    public var seal: String?
}

/// 版记: 抄送 and 印发机关/印发日期.
public struct Colophon: Codable, Sendable {
    /// 抄送 organs, joined with ， and ended with 。.
    public var copyTo: [String]?
    /// 印发机关, e.g. 濮阳市科学技术局办公室.
    public var printer: String
    /// 印发日期 as an ISO date.
    public var printDate: String
}
