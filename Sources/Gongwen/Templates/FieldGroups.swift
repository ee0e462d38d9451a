import Foundation

/// One section of the page a client builds to fill a template: the fields under a label that
/// spans several rows of the table's first column (科普工作人员参与数量 over its four counts), or
/// a run of fields outside any such label. Computed here so that a client shows the form the
/// way the table groups it without reading the layout's row spans itself.
public struct FieldGroup: Codable, Sendable, Equatable {
    /// The label that spans the group's rows, e.g. 活动经费投入数量 (单位：万元); nil for a run of
    /// fields outside any group.
    public var label: String?
    /// The unit that the label names, e.g. 万元: the numbers of the group are in it.
    public var unit: String?
    public var fields: [Member]

    /// A field of a group, in the order of the table.
    public struct Member: Codable, Sendable, Equatable {
        public var key: String
        /// Whether its input takes the whole width of the page: the header line's field,
        /// multiline text, and a field whose cell spans three or more columns of a table of
        /// four or more (项目名称 on the key-project form).
        public var wide: Bool
    }

    init(label: String?, fields: [Member]) {
        self.label = label
        unit = label.flatMap(Self.unit(in:))
        self.fields = fields
    }
}

extension FieldGroup {
    /// The sections of the fields outside a list's rows, in layout order: the header line's
    /// field alone first, then the grid row by row (a label that spans rows in the first column
    /// opens a group for those rows), then the fields the layout does not place; empty
    /// sections left out.
    public static func sections(of template: FormTemplate) -> [FieldGroup] {
        var sections = Sections(fields: template.fields.filter { !$0.isRowField })
        if let key = template.header?.field {
            sections.open(label: nil)
            sections.place(key, wide: true)
        }
        if case .grid(let grid) = template.layout {
            let wideTable = grid.columns.count >= 4
            var rowsLeftInGroup = 0
            var inUngroupedRun = false
            for row in grid.rows {
                if let first = row.cells.first, first.field == nil, let label = first.text,
                   let rowSpan = first.rowSpan, rowSpan > 1 {
                    sections.open(label: label)
                    rowsLeftInGroup = rowSpan
                    inUngroupedRun = false
                } else if rowsLeftInGroup <= 0 && !inUngroupedRun {
                    sections.open(label: nil)
                    inUngroupedRun = true
                }
                for cell in row.cells {
                    if let key = cell.field { sections.place(key, wide: wideTable && (cell.colSpan ?? 1) >= 3) }
                }
                rowsLeftInGroup -= 1
            }
        }
        sections.open(label: nil)
        for field in sections.fields { sections.place(field.key, wide: false) }
        return sections.built.filter { !$0.fields.isEmpty }
    }

    /// The X of （单位：X） or (单位:X) in a label, full-width or ASCII brackets and colon alike.
    static func unit(in label: String) -> String? {
        var rest = Substring(label)
        while let open = rest.firstIndex(where: { $0 == "（" || $0 == "(" }) {
            rest = rest[rest.index(after: open)...]
            var text = rest.drop(while: \.isWhitespace)
            guard text.hasPrefix("单位") else { continue }
            text = text.dropFirst(2).drop(while: \.isWhitespace)
            guard let colon = text.first, colon == "：" || colon == ":" else { continue }
            text = text.dropFirst()
            guard let close = text.firstIndex(where: { $0 == "）" || $0 == ")" }) else { continue }
            let unit = text[..<close].trimmingCharacters(in: .whitespacesAndNewlines)
            return unit.isEmpty ? nil : unit
        }
        return nil
    }
}

/// The sections while they are built: each field goes into the last one opened, once.
private struct Sections {
    let fields: [FieldDefinition]
    private let byKey: [String: FieldDefinition]
    private(set) var built: [FieldGroup] = []
    private var placed: Set<String> = []

    init(fields: [FieldDefinition]) {
        self.fields = fields
        byKey = Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func open(label: String?) {
        built.append(FieldGroup(label: label, fields: []))
    }

    /// Adds the field unless it is unknown (a list column, a key the template lacks) or placed.
    mutating func place(_ key: String, wide: Bool) {
        guard let field = byKey[key], placed.insert(key).inserted else { return }
        built[built.count - 1].fields.append(.init(key: key, wide: wide || field.type == .multiline))
    }
}
