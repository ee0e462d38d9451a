/// What an import inferred, and what of the file it could not keep: said to the person, who
/// may edit the template afterwards. Never a reason to refuse the file.
public enum ImportWarning: Sendable, Equatable, CustomStringConvertible {
    /// A field found in an input cell: its key, label and type, and why that type.
    case field(key: String, label: String, type: FieldType, because: String)
    /// The file was first converted by LibreOffice (`.xls` → `.xlsx`…).
    case converted(from: String, to: String)
    /// Pictures, charts or shapes are not part of a template.
    case picturesDropped(count: Int)
    /// Cell fills and text colours are not kept (the forms print in black).
    case coloursDropped(places: [String])
    /// Formulas are not kept: the template's cells are labels or inputs.
    case formulasDropped(places: [String])
    /// Comments on cells are not kept.
    case commentsDropped
    /// Text outside the table that is neither title, header line nor note.
    case textDropped(place: String, text: String)
    /// Sheets after the first are not read.
    case otherSheetsIgnored(count: Int)
    /// A list's group headings over its column headings: a list template has one heading row.
    case groupHeadingsFlattened([String])
    /// A data validation the template cannot express (a drop-down list, a date range).
    case validationDropped(place: String, type: String)
    /// An input cell with no label beside or above it: named by its place.
    case unlabelledInput(place: String, key: String)
    /// No title was found; the file name stands in.
    case untitled(String)

    public var description: String {
        switch self {
        case .field(let key, let label, let type, let because):
            "字段 \(key)「\(label)」：\(type.rawValue)（\(because)）"
        case .converted(let from, let to):
            "已用 LibreOffice 将 .\(from) 转换为 .\(to) 后导入（converted）"
        case .picturesDropped(let count):
            "图片、图表或图形 \(count) 个未保留（pictures dropped）"
        case .coloursDropped(let places):
            "单元格底色和文字颜色未保留：\(Self.list(places))（colours dropped）"
        case .formulasDropped(let places):
            "公式未保留：\(Self.list(places))（formulas dropped）"
        case .commentsDropped:
            "批注未保留（comments dropped）"
        case .textDropped(let place, let text):
            "表格外的文字未保留：\(place)“\(text)”（text outside the table dropped）"
        case .otherSheetsIgnored(let count):
            "只导入第一个工作表，其余 \(count) 个未读（other sheets ignored）"
        case .groupHeadingsFlattened(let headings):
            "清单表只保留一行列标题，分组标题未保留：\(headings.joined(separator: "、"))（group headings flattened）"
        case .validationDropped(let place, let type):
            "\(place) 的数据验证（\(type)）无法用模板表达，未保留（validation dropped）"
        case .unlabelledInput(let place, let key):
            "\(place) 是空白格但旁边和上方都没有标签，字段键为 \(key)（unlabelled input）"
        case .untitled(let name):
            "没有找到标题，用文件名“\(name)”作标题（no title found）"
        }
    }

    /// Whether this says what was inferred rather than what was lost.
    public var isInference: Bool {
        if case .field = self { return true }
        if case .converted = self { return true }
        return false
    }

    private static func list(_ places: [String]) -> String {
        places.count <= 8 ? places.joined(separator: "、") : places.prefix(8).joined(separator: "、") + " 等 \(places.count) 处"
    }
}
