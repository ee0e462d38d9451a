/// Word's automatic numbering (`word/numbering.xml`): for each list level its format
/// (`w:numFmt`: decimal, chineseCounting…), its text (`w:lvlText`, e.g. `%1、`, `（%1）`) and
/// its start, so that a numbered paragraph's label — 一、 （一） 1. （1） — can be written out
/// as Word shows it, for readers that find headings by their numbers.
public struct DocxNumbering: Sendable {
    static let part = "word/numbering.xml"
    static let stylesPart = "word/styles.xml"

    public struct Level: Sendable, Equatable {
        public var format = "decimal"
        public var text = ""
        public var start = 1
    }

    /// abstractNumId → level → definition.
    var abstract: [String: [Int: Level]] = [:]
    /// numId → abstractNumId.
    var instances: [String: String] = [:]
    /// styleId → the numbering its paragraphs get (Word's numbered heading styles, 标题 1…).
    public var styleNumbers: [String: DocxParagraphNumber] = [:]

    /// A paragraph's numbering: its own `w:numPr`, else its style's.
    public func number(own: DocxParagraphNumber?, style: String?) -> DocxParagraphNumber? {
        own ?? style.flatMap { styleNumbers[$0] }
    }

    public init() {}

    public func level(_ number: DocxParagraphNumber) -> Level? {
        instances[number.numberingID].flatMap { abstract[$0]?[number.level] }
    }

    /// The labels of a run of paragraphs, counting each list as Word does: a level counts on
    /// from its start, and restarts whenever a level above it is used.
    public func labels(for numbers: [DocxParagraphNumber?]) -> [String?] {
        var counters: [String: [Int: Int]] = [:]
        return numbers.map { number -> String? in
            guard let number, let definition = level(number), let list = instances[number.numberingID] else { return nil }
            var levels = counters[list] ?? [:]
            levels[number.level] = (levels[number.level] ?? (definition.start - 1)) + 1
            for deeper in levels.keys where deeper > number.level { levels[deeper] = nil }
            counters[list] = levels
            var label = definition.text
            for (index, _) in (0...number.level).enumerated() {
                let value = levels[index] ?? (abstract[list]?[index]?.start ?? 1)
                let format = abstract[list]?[index]?.format ?? "decimal"
                label = label.replacingOccurrences(of: "%\(index + 1)", with: Self.render(value, format: format))
            }
            return label
        }
    }

    static func render(_ value: Int, format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting", "chineseLegalSimplified", "taiwaneseCounting":
            return chinese(value)
        case "none": return ""
        default: return String(value)
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (lists do not reach a hundred).
    static func chinese(_ value: Int) -> String {
        let digits = Array("〇一二三四五六七八九")
        guard value > 0, value < 100 else { return String(value) }
        if value < 10 { return String(digits[value]) }
        let tens = value / 10, ones = value % 10
        return (tens == 1 ? "" : String(digits[tens])) + "十" + (ones == 0 ? "" : String(digits[ones]))
    }

    final class Handler: XMLEventHandler {
        var numbering = DocxNumbering()
        private var abstractID: String?
        private var numID: String?
        private var level: Int?
        private var styleID: String?
        private var inStyleNumbering = false

        func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
            switch name {
            case "w:abstractNum": abstractID = attributes["w:abstractNumId"]
            case "w:lvl" where abstractID != nil:
                level = Int(attributes["w:ilvl"] ?? "")
                if let abstractID, let level { numbering.abstract[abstractID, default: [:]][level] = Level() }
            case "w:numFmt", "w:lvlText", "w:start":
                guard let abstractID, let level, let value = attributes["w:val"] else { break }
                switch name {
                case "w:numFmt": numbering.abstract[abstractID]?[level]?.format = value
                case "w:lvlText": numbering.abstract[abstractID]?[level]?.text = value
                default: numbering.abstract[abstractID]?[level]?.start = Int(value) ?? 1
                }
            case "w:num": numID = attributes["w:numId"]
            case "w:style": styleID = attributes["w:styleId"]
            case "w:numPr" where styleID != nil: inStyleNumbering = true
            case "w:numId" where inStyleNumbering:
                if let styleID, let value = attributes["w:val"] {
                    numbering.styleNumbers[styleID] = DocxParagraphNumber(numberingID: value, level: numbering.styleNumbers[styleID]?.level ?? 0)
                }
            case "w:ilvl" where inStyleNumbering:
                if let styleID, let value = attributes["w:val"].flatMap({ Int($0) }) {
                    numbering.styleNumbers[styleID] = DocxParagraphNumber(numberingID: numbering.styleNumbers[styleID]?.numberingID ?? "", level: value)
                }
            case "w:abstractNumId" where numID != nil:
                if let numID, let value = attributes["w:val"] { numbering.instances[numID] = value }
            default: break
            }
            return nil
        }

        func end(_ name: String) {
            switch name {
            case "w:abstractNum": abstractID = nil
            case "w:lvl": level = nil
            case "w:num": numID = nil
            case "w:style": styleID = nil
            case "w:numPr": inStyleNumbering = false
            default: break
            }
        }

        func characters(_ text: String) {}
    }
}
