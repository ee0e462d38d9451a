/// Where and why the parser stopped: a byte offset, made into a line and a column only when
/// the error is reported (a parse that succeeds counts no lines), what was wrong, and the
/// keys and indexes of the value it was reading.
struct JSONSyntaxError: Error {
    var offset: Int
    var problem: Problem
    var path = JSONPath()
    /// Set from `offset` by the parser before the error leaves it.
    var line = 1
    var column = 1

    enum Problem {
        case empty
        case unexpectedEnd
        case unexpected(String)
        case textAfterValue
        case trailingComma
        case expectedKey
        case expectedColon
        case expectedCommaOr(Character)
        case expectedDigit
        case leadingZero
        case unterminatedString
        case controlCharacter(UInt8)
        case invalidEscape
        case invalidUnicodeEscape
        case loneSurrogate(UInt16)
        case invalidUTF8
        case duplicateKey
        case tooDeep(limit: Int)
    }

    /// The same error inside the value at `component`, as it travels out of the parse.
    func under(_ component: JSONPath.Component) -> JSONSyntaxError {
        var error = self
        error.path.components.insert(component, at: 0)
        return error
    }

    /// `第 3 行第 14 列（rows[0].name）：…`, counting lines from `firstLine` (the line of a
    /// JSON Lines file that the text was).
    func detail(firstLine: Int = 1) -> String {
        let place = "第 \(line + firstLine - 1) 行第 \(column) 列"
        return place + (showsPath ? "（\(path)）" : "") + "：" + message
    }

    /// Whether the key the error was under is worth saying: not for a duplicate key, whose
    /// message names it, nor for nesting too deep, whose path is only the nesting.
    private var showsPath: Bool {
        switch problem {
        case .duplicateKey, .tooDeep: false
        default: !path.isEmpty
        }
    }

    private var message: String {
        switch problem {
        case .empty: "没有内容（empty input）"
        case .unexpectedEnd: "内容意外结束（unexpected end of input）"
        case .unexpected(let what): "此处不能是\(what)（unexpected character）"
        case .textAfterValue: "JSON 值后面还有多余的内容（unexpected text after the value）"
        case .trailingComma: "最后一项后面多了逗号（trailing comma）"
        case .expectedKey: "应为用双引号括起的键（expected a key in double quotes）"
        case .expectedColon: "键后面应为冒号“:”（expected a colon）"
        case .expectedCommaOr(let end): "应为逗号“,”或“\(end)”（expected a comma or \(end)）"
        case .expectedDigit: "此处应为数字（expected a digit）"
        case .leadingZero: "数字不能以 0 开头（leading zero）"
        case .unterminatedString: "字符串缺少结尾的双引号（unterminated string）"
        case .controlCharacter(let byte): "字符串中的控制字符 \(Self.codePoint(UInt32(byte))) 须写作转义（unescaped control character）"
        case .invalidEscape: "无效的转义（invalid escape）"
        case .invalidUnicodeEscape: "\\u 后应为 4 位十六进制数字（invalid \\u escape）"
        case .loneSurrogate(let unit): "\\u\(Self.hex(UInt32(unit))) 是单独的代理项，不是字符（lone surrogate）"
        case .invalidUTF8: "不是有效的 UTF-8 编码（invalid UTF-8）"
        case .duplicateKey: "键“\(path)”重复出现，同一个键只能写一次（duplicate key）"
        case .tooDeep(let limit): "嵌套超过 \(limit) 层（nesting deeper than \(limit) levels）"
        }
    }

    static func codePoint(_ value: UInt32) -> String { "U+" + hex(value) }

    private static func hex(_ value: UInt32) -> String {
        String(value, radix: 16, uppercase: true).leftPadded(to: 4)
    }
}
