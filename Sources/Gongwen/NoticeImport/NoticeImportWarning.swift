/// What the importer corrected in a draft, assumed, or could not place: each said to the
/// person, who checks the notice before it goes out. Never a reason to refuse the draft.
public enum NoticeImportWarning: Sendable, Equatable, CustomStringConvertible {
    /// A 发文字号 rewritten to the standard's form; the problems name what was wrong.
    case documentNumberCorrected(from: String, to: String, problems: [String])
    /// A 发文字号 with a problem the importer cannot mend (kept as written).
    case documentNumberDoubtful(String, problems: [String])
    /// The date written another way than 2020年7月22日.
    case dateRewritten(from: String, to: String)
    /// No 发文机关标志 line: the organs of the signature stand in.
    case issuerFromSignature([String])
    /// No signature lines: the organs of the 发文机关标志 stand in.
    case signatureFromIssuer([String])
    /// Seals cannot be seen in text: a joint notice is taken as sealed, a single organ's not.
    case sealAssumed(sealed: Bool)
    /// An attachment listed in 附件说明 with no pages in the draft (sent separately).
    case attachmentMissing(number: Int, name: String)
    /// An attachment listed with no pages whose name is a template's: its blank form attached.
    case attachmentFormBlank(number: Int, name: String)
    /// A form filled from the draft's table whose values break the form's rules: kept as the
    /// draft holds them, each problem said (the layout refuses them until they are mended).
    case formDataIncomplete(name: String, problems: [String])
    /// An attachment page with its title and nothing under it: taken as sent separately.
    case attachmentEmpty(String)
    /// An attachment page the 附件说明 does not list.
    case attachmentNotListed(String)
    /// The date was not in the draft and was supplied by the caller.
    case dateSupplied(String)
    /// A line before the title that is not an element of the notice, dropped.
    case lineDropped(String)
    /// A line after the date that is not an attachment, a note or the colophon.
    case notPlaced(String)
    /// Control characters no file can hold, taken out of the draft (their code points).
    case controlCharactersRemoved([UInt32])
    /// A mistranslated word put back (“and” between Chinese words is 和).
    case wordRestored(from: String, to: String)
    /// Headings numbered with other marks than the standard's (一. for 一、, 1、 for 1.),
    /// laid out with the standard's: the labels as the draft wrote them.
    case headingNumbersCorrected([String])
    /// Headings that skip a level (1. straight under 一、, （一） with no 一、 above): the layout
    /// numbers a heading by its depth, so these print with the level's number they stand at.
    case headingLevelsSkipped([String])

    /// A stable id of the kind of warning, for a program that reads the service's answer.
    public var code: String {
        switch self {
        case .documentNumberCorrected: "document-number-corrected"
        case .documentNumberDoubtful: "document-number-doubtful"
        case .dateRewritten: "date-rewritten"
        case .issuerFromSignature: "issuer-from-signature"
        case .signatureFromIssuer: "signature-from-issuer"
        case .sealAssumed: "seal-assumed"
        case .attachmentMissing: "attachment-missing"
        case .attachmentFormBlank: "attachment-form-blank"
        case .attachmentEmpty: "attachment-empty"
        case .formDataIncomplete: "form-data-incomplete"
        case .attachmentNotListed: "attachment-not-listed"
        case .dateSupplied: "date-supplied"
        case .lineDropped: "line-dropped"
        case .notPlaced: "not-placed"
        case .wordRestored: "word-restored"
        case .controlCharactersRemoved: "control-characters-removed"
        case .headingNumbersCorrected: "heading-number-corrected"
        case .headingLevelsSkipped: "heading-level-skipped"
        }
    }

    public var description: String {
        switch self {
        case .documentNumberCorrected(let from, let to, let problems):
            "发文字号“\(from)”已改为“\(to)”：\(problems.joined(separator: "；"))"
        case .documentNumberDoubtful(let number, let problems):
            "发文字号“\(number)”不合规范，未能自动更正：\(problems.joined(separator: "；"))"
        case .dateRewritten(let from, let to):
            "成文日期“\(from)”已按标准写作“\(to)”"
        case .issuerFromSignature(let organs):
            "草稿中没有发文机关标志，已取署名机关：\(organs.joined(separator: "、"))"
        case .signatureFromIssuer(let organs):
            "草稿中没有发文机关署名，已取发文机关：\(organs.joined(separator: "、"))"
        case .sealAssumed(let sealed):
            sealed ? "文字中看不出印章：联合行文按加盖印章排版，请核对" : "文字中看不出印章：按不加盖印章排版，请核对"
        case .attachmentMissing(let number, let name):
            "附件\(number)“\(name)”在附件说明中列出，但草稿中没有附件页：按另行发送排版，只列在附件说明中"
        case .formDataIncomplete(let name, let problems):
            "附件“\(name)”的表格按草稿填入，但不合表格的要求，请补正后再排版：\(problems.joined(separator: "；"))"
        case .attachmentEmpty(let name):
            "附件“\(name)”的附件页只有标题、没有内容：按另行发送排版，只列在附件说明中"
        case .attachmentFormBlank(let number, let name):
            "附件\(number)“\(name)”草稿中没有附件页，已按同名模板附上空白表格"
        case .attachmentNotListed(let name):
            "附件“\(name)”没有列在附件说明中，已按附件页的标题加入"
        case .dateSupplied(let date):
            "草稿中没有成文日期，已用给定的日期 \(date)"
        case .lineDropped(let line):
            "标题前的一行“\(line)”不是公文要素，已略去"
        case .notPlaced(let line):
            "无法归入公文要素的一行，已略去：“\(line)”"
        case .controlCharactersRemoved(let scalars):
            "草稿中的控制字符 \(scalars.map { String(format: "U+%04X", $0) }.joined(separator: "、")) 无法写入文件，已删去"
        case .wordRestored(let from, let to):
            "“\(from)”已改为“\(to)”（文字提取时混入的英文词）"
        case .headingNumbersCorrected(let labels):
            "层次序号 \(labels.map { "“\($0)”" }.joined(separator: "、")) 不合标准，已按 一、（一）1.（1）排版"
        case .headingLevelsSkipped(let headings):
            "\(headings.prefix(3).map { "“\($0)”" }.joined(separator: "、"))\(headings.count > 3 ? " 等 \(headings.count) 处" : "")跳过了上一层次，已按所在层次依次编为 一、（一）1.（1），请核对"
        }
    }
}
