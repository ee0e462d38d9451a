/// How a template arranges its cells. A grid places labels and fields explicitly (the filing
/// form, the statistics table); a list has a heading row and one row per record.
public enum TemplateLayout: Codable, Sendable, Equatable {
    case grid(GridLayout)
    case list(ListLayout)

    enum CodingKeys: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "grid": self = .grid(try GridLayout(from: decoder))
        case "list": self = .list(try ListLayout(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "layout type must be \"grid\" or \"list\", not \"\(type)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .grid(let grid):
            try c.encode("grid", forKey: .type)
            try grid.encode(to: encoder)
        case .list(let list):
            try c.encode("list", forKey: .type)
            try list.encode(to: encoder)
        }
    }
}

/// Cells placed row by row, left to right, skipping the places that a cell above covers
/// with its row span (the way an HTML table is written).
public struct GridLayout: Codable, Sendable, Equatable {
    /// Column widths in spreadsheet character units.
    public var columns: [Double]
    public var rows: [GridRow]
}

public struct GridRow: Codable, Sendable, Equatable {
    /// Row height in points; nil lets the writer use its default.
    public var height: Double?
    public var cells: [GridCell]
}

/// One cell of a grid template: a fixed label (`text`) or an input bound to a field (`field`).
public struct GridCell: Codable, Sendable, Equatable {
    public var text: String?
    public var field: String?
    public var colSpan: Int?
    public var rowSpan: Int?
    /// Write the text one character under another (项 目 简 介).
    public var vertical: Bool?
    public var align: HorizontalAlignment?
    public var valign: VerticalAlignment?
}

/// A list form: one heading row of column labels, then one row per record.
public struct ListLayout: Codable, Sendable, Equatable {
    public var columns: [ListColumn]
    /// How many empty rows a blank form has.
    public var blankRows: Int
    public var headingHeight: Double?
    public var rowHeight: Double?
}

public struct ListColumn: Codable, Sendable, Equatable {
    /// A `rows[].…` field key; its label is the column heading.
    public var field: String
    public var width: Double
}

public enum HorizontalAlignment: String, Codable, Sendable { case left, center, right }
public enum VerticalAlignment: String, Codable, Sendable { case top, center, bottom }
