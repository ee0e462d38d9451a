/// The rule a value broke. Each case names one rule of `forms.md`; `id` is the stable,
/// machine-readable name used in JSON error bodies and manifests.
public enum FieldRule: Error, Sendable, Equatable {
    /// A required field is empty.
    case required
    /// Text where a number belongs.
    case notANumber
    /// A count or amount below zero.
    case negative
    /// A count with a fractional part.
    case notWholeNumber
    /// More characters than the field allows.
    case tooLong(limit: Int, actual: Int)
    case invalidEmail
    /// Not exactly six digits.
    case invalidPostcode
    /// Letters or other characters no phone number has.
    case invalidPhone
    /// A character XML 1.0 cannot carry (a control character, U+FFFE, U+FFFF).
    case forbiddenCharacter(UInt32)
    /// A key that no variant of the form knows: most likely a typo.
    case unknownKey
    /// A value of the wrong JSON kind (an object where text belongs, a boolean…).
    case wrongKind(expected: String, found: String)
    /// A key the form knows but this variant does not print (a warning, not an error).
    case notPrinted
    /// A 发文字号 that is not organ code + 〔four-digit year〕 + number without leading zeros + 号;
    /// the problem names the part that breaks it.
    case documentNumber(DocumentNumberProblem)
    /// Not a real calendar date in ISO form (2020-07-22).
    case invalidDate
    /// A 份号 that is not six digits.
    case copyNumber
    /// An attached form names a template that does not exist.
    case unknownTemplate
    /// An attachment named in 附件说明 with neither a form nor a body to print.
    case attachmentContent
    /// A file the document refers to (a seal image) is missing, not a PNG, or one too large
    /// to place; the problem says which.
    case imageFile(ImageProblem)
    /// A count or an amount with more significant digits than a spreadsheet cell keeps.
    case precision
    /// One field given twice, e.g. nested (`funds` → `central`) and dotted (`funds.central`):
    /// which of the two to keep would be a guess.
    case duplicateKey
    /// More than one Excel cell holds: `actual` UTF-16 code units of the text as it goes into
    /// the file, over `limit` (see `CellLimit`).
    case cellLimit(limit: Int, actual: Int)

    /// One of each rule, in the order above: what the API documents as the rule ids it sends.
    public static let all: [FieldRule] = [
        .required, .notANumber, .negative, .notWholeNumber, .tooLong(limit: 0, actual: 0), .invalidEmail,
        .invalidPostcode, .invalidPhone, .forbiddenCharacter(0), .unknownKey, .wrongKind(expected: "", found: ""),
        .notPrinted, .documentNumber(.missingSuffix), .invalidDate, .copyNumber, .unknownTemplate, .attachmentContent, .imageFile(.missing),
        .precision, .duplicateKey, .cellLimit(limit: 0, actual: 0),
    ]

    public var id: String {
        switch self {
        case .required: "required"
        case .notANumber: "number"
        case .negative: "non-negative"
        case .notWholeNumber: "whole-number"
        case .tooLong: "max-length"
        case .invalidEmail: "email"
        case .invalidPostcode: "postcode"
        case .invalidPhone: "phone"
        case .forbiddenCharacter: "xml-character"
        case .unknownKey: "unknown-key"
        case .wrongKind: "kind"
        case .notPrinted: "not-printed"
        case .documentNumber: "document-number"
        case .invalidDate: "date"
        case .copyNumber: "copy-number"
        case .unknownTemplate: "unknown-template"
        case .attachmentContent: "attachment-content"
        case .imageFile: "image-file"
        case .precision: "precision"
        case .duplicateKey: "duplicate-key"
        case .cellLimit: "cell-limit"
        }
    }

    /// What the rule says, in Chinese, for the person who filled the form.
    public var explanation: String {
        switch self {
        case .required: "必填项，不能为空"
        case .notANumber: "应填写数字"
        case .negative: "不能为负数"
        case .notWholeNumber: "应填写整数"
        case .tooLong(let limit, let actual): "不得超过 \(limit) 字（现有 \(actual) 字）"
        case .invalidEmail: "电子邮箱格式不正确"
        case .invalidPostcode: "邮政编码应为 6 位数字"
        case .invalidPhone: "电话号码只能包含数字、空格、短横线、括号和“转”"
        case .forbiddenCharacter(let scalar):
            "含有不允许的控制字符 U+\(String(scalar, radix: 16, uppercase: true).leftPadded(to: 4))"
        case .unknownKey: "该表没有这个字段（是否拼写有误？）"
        case .wrongKind(let expected, let found): "应为\(expected)，不能是 \(found)"
        case .notPrinted: "本版本表格不含此项，已忽略"
        case .documentNumber(let problem):
            "\(problem)（发文字号应为“机关代字〔四位年份〕序号号”，如 郑科普联办〔2020〕2号）"
        case .invalidDate: "应为有效日期，写作 2020-07-22"
        case .copyNumber: "份号应为 6 位阿拉伯数字"
        case .unknownTemplate: "没有这个表格模板"
        case .attachmentContent: "附件需要表格（form）、正文（body）或另行发送（separate: true）三者之一，不能都缺或兼有"
        case .imageFile(let problem): "印章图片\(problem)"
        case .precision: "数字最多 \(FieldDefinition.significantDigits) 位有效数字（表格单元格保存不了更多位，会被改写）"
        case .duplicateKey: "同一字段写了两次（嵌套的键与带点的键是同一字段），只能写一次"
        case .cellLimit(let limit, let actual): "超出 Excel 单元格的容量：最多 \(limit) 个字符（按 UTF-16 编码单元计，现有 \(actual) 个）"
        }
    }
}

/// One problem with one field of the input: which key, its Chinese label, and the rule.
public struct FieldIssue: Sendable, Equatable, CustomStringConvertible {
    /// The key as the data wrote it, with the row for list forms (`rows[2].name`).
    public var key: String
    /// The Chinese label, e.g. 项目简介; empty for a key the form does not know.
    public var label: String
    public var rule: FieldRule

    public init(key: String, label: String, rule: FieldRule) {
        self.key = key
        self.label = label
        self.rule = rule
    }

    public var message: String { rule.explanation }

    /// `summary（项目简介）：不得超过 500 字（现有 501 字）[max-length]`
    public var description: String {
        let name = label.isEmpty ? key : "\(key)（\(label)）"
        return "\(name)：\(message) [\(rule.id)]"
    }
}

/// Every problem found in one input. Thrown as a whole, so that a person can correct all of
/// them at once instead of one per run.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    public var issues: [FieldIssue]

    public init(issues: [FieldIssue]) { self.issues = issues }

    /// `数据有误（invalid data），共 3 处：` and each issue on its own line.
    public var description: String {
        summary + "：\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
    }

    /// The headline for `count` problems, wherever invalid data is reported.
    public static func summary(count: Int) -> String { "数据有误（invalid data），共 \(count) 处" }
}

extension ValidationFailure: GongwenError {
    public var kind: ErrorKind { .invalidData }
    public var summary: String { Self.summary(count: issues.count) }
    public var problems: [FieldProblem] { issues.map { FieldProblem($0) } }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
