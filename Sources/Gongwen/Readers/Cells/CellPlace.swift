/// Where a cell of a returned form is, as the person who filled it finds it: its reference
/// (C5 on a sheet, 表格第 5 行第 3 列 in a DOCX), and the field the template's layout binds
/// there, when it binds one.
public struct CellPlace: Sendable, Equatable, CustomStringConvertible {
    /// Row and column, 0-based, on the grid the layout is read from (the sheet, the form's
    /// table); nil for a place the layout cannot bind (a malformed reference, another table).
    public var row: Int?
    public var column: Int?
    /// The reference as the message shows it.
    public var reference: String
    /// The key and Chinese label of the field bound to the cell.
    public var key: String?
    public var label: String?

    public init(row: Int?, column: Int?, reference: String, key: String? = nil, label: String? = nil) {
        self.row = row
        self.column = column
        self.reference = reference
        self.key = key
        self.label = label
    }

    /// The place on an XLSX sheet: C5.
    static func sheet(row: Int, column: Int) -> CellPlace {
        CellPlace(row: row, column: column, reference: XlsxReference.cell(row: row, column: column))
    }

    /// The place in a DOCX table: 表格第 5 行第 3 列 (the first table), 第 2 个表格第 1 行 (a row).
    static func table(_ table: Int, row: Int, column: Int?) -> CellPlace {
        let name = table == 0 ? "表格" : "第 \(table + 1) 个表格"
        let cell = column.map { "第 \($0 + 1) 列" } ?? ""
        return CellPlace(row: table == 0 ? row : nil, column: table == 0 ? column : nil,
                         reference: "\(name)第 \(row + 1) 行\(cell)")
    }

    /// The same place, bound to `field`.
    func bound(to field: FieldDefinition) -> CellPlace {
        var place = self
        place.key = field.key
        place.label = field.label
        return place
    }

    /// `单元格 C5（activities.held，举办活动次数）`
    public var description: String {
        let cell = reference.hasPrefix("表格") || reference.hasPrefix("第") ? reference : "单元格 \(reference)"
        guard let key else { return cell }
        return "\(cell)（\(key)，\(label ?? "")）"
    }
}
