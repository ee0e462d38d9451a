/// Why one cell of a returned form cannot be taken as what the person who filled it sees.
/// A file with such a cell is refused, named with the cell: reading it as blank, or as the
/// bytes it happens to hold, would change the data without anyone knowing.
public enum CellProblem: Error, Sendable, Equatable, CustomStringConvertible {
    // MARK: XLSX values

    /// A formula whose saved result is an error value (#DIV/0!, #N/A, #VALUE!…).
    case formulaError(String)
    /// A formula saved without its result, by a program that does not calculate.
    case noCachedValue(formula: String)
    /// A shared-string cell whose index is not a whole number.
    case malformedStringIndex(String)
    /// A shared-string cell whose index is past the last shared string.
    case stringIndexOutOfRange(index: Int, count: Int)
    /// A shared-string cell in a workbook that has no shared strings.
    case noSharedStrings(index: Int)
    /// A number cell whose content is not a number Excel writes.
    case notANumber(String)
    /// A boolean cell that is neither 0 nor 1.
    case malformedBoolean(String)
    /// A date cell (`t="d"`) that is not an ISO 8601 date.
    case malformedDate(String)
    /// A number formatted as a date that no date can show (Excel fills the cell with #).
    case dateOutOfRange(String)
    /// A cell type (`t`) the format does not have.
    case unknownType(String)

    // MARK: XLSX places

    /// A cell reference that names no cell, or one past Excel's last row or column.
    case malformedReference(String)
    /// A row number that is not one.
    case malformedRowNumber(String)
    /// A cell written inside a row that is not its own (C7 inside row 5).
    case outsideItsRow(row: Int)
    /// The same cell written twice: which of the two a program shows is anyone's guess.
    case duplicate

    // MARK: A value of the wrong kind for its field

    /// TRUE or FALSE where the field wants a number.
    case booleanInNumberField(Bool)
    /// A number Excel shows as a date where the field wants a number: it was typed as a date.
    case dateInNumberField(shown: String)

    // MARK: DOCX

    /// A table inside the cell: its text is not on the form's grid.
    case nestedTable
    /// A text box anchored in the cell: its text floats over the form, not in the cell.
    case textBox
    /// A field marked to be updated: what Word shows on opening is not what was saved.
    case fieldToUpdate(instruction: String)
    /// An unaccepted tracked change to the table itself (a row or cell inserted, deleted or
    /// merged): the grid a person sees is not the one saved.
    case trackedTableChange(String)

    public var description: String {
        switch self {
        case .formulaError(let value): "公式结果是错误值 \(value)，没有可读的数值（formula error）"
        case .noCachedValue(let formula):
            "公式 =\(Self.shortened(formula)) 没有保存计算结果，请在 Excel 或 WPS 中打开、重新计算后保存（formula without a cached value）"
        case .malformedStringIndex(let index): "共享字符串序号“\(Self.shortened(index))”不是整数（bad shared-string index）"
        case .stringIndexOutOfRange(let index, let count):
            "共享字符串序号 \(index) 超出范围（共 \(count) 条）（shared-string index out of range）"
        case .noSharedStrings(let index): "引用第 \(index) 条共享字符串，文件中却没有共享字符串表（shared strings missing）"
        case .notANumber(let text): "数值单元格的内容“\(Self.shortened(text))”不是数字（number cell without a number）"
        case .malformedBoolean(let text): "逻辑值单元格的内容“\(Self.shortened(text))”不是 0 或 1（bad boolean）"
        case .malformedDate(let text): "日期单元格的内容“\(Self.shortened(text))”不是日期（bad date）"
        case .dateOutOfRange(let text): "日期格式的数值 \(Self.shortened(text)) 无法显示为日期（date out of range）"
        case .unknownType(let type): "未知的单元格类型 t=\"\(Self.shortened(type))\"（unknown cell type）"
        case .malformedReference(let reference):
            "单元格引用“\(Self.shortened(reference))”无效或超出工作表范围（bad cell reference）"
        case .malformedRowNumber(let row): "行号“\(Self.shortened(row))”无效（bad row number）"
        case .outsideItsRow(let row): "写在第 \(row + 1) 行中，与引用不符（cell outside its row）"
        case .duplicate: "同一单元格写了两次（duplicate cell）"
        case .booleanInNumberField(let value):
            "应填数字，单元格却是逻辑值 \(value ? "TRUE" : "FALSE")（boolean in a number field）"
        case .dateInNumberField(let shown):
            "应填数字，单元格却按日期显示为 \(shown)，请把单元格格式改为“常规”或“数值”后重填（date in a number field）"
        case .nestedTable: "单元格中嵌有表格，无法按表格版式读取（nested table）"
        case .textBox: "单元格中有文本框，框中的文字不在单元格内（text box in a cell）"
        case .fieldToUpdate(let instruction):
            "域“\(Self.shortened(instruction))”标记为待更新，打开时显示的内容可能与保存的不同，请更新域后保存（field to be updated）"
        case .trackedTableChange(let what): "表格有未处理的修订（\(what)），请接受或拒绝所有修订后再交（tracked table change）"
        }
    }

    /// Text from the file as a message quotes it: at most 40 characters, so that a hostile
    /// cell cannot make the report line as long as itself.
    static func shortened(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}
