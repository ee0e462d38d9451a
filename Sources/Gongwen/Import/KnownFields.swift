/// The labels the existing templates already print, and the fields they stand for, read
/// from the template library when the importer starts (data, never a table in the code):
/// 项目名称 is `projectName` in every variant that has it, so one data file fills the old
/// variants and the imported one. Single fields and list columns are apart (联系人 is
/// `contact` beside a value, `rows[].contact` over a column).
struct KnownFields {
    struct Entry {
        var field: FieldDefinition
        var template: FormTemplate
    }

    private(set) var single: [String: Entry] = [:]
    private(set) var columns: [String: Entry] = [:]

    init(library: TemplateLibrary) {
        // Templates in id order, so that when two disagree the same one always wins.
        for template in library.templates {
            for field in template.fields {
                add(LabelText.fieldLabel(field.label).label, field, template)
            }
            // The cell beside a field may word it otherwise (地 址, 项目简介（500字内）).
            if case .grid(let grid) = template.layout, let placed = try? GridPlacement.place(grid) {
                for p in placed {
                    guard let key = p.cell.field, let field = template.field(key) else { continue }
                    if let left = placed.first(where: { $0.row <= p.row && p.row < $0.row + $0.rowSpan && $0.column + $0.colSpan == p.column }),
                       let text = left.cell.text {
                        add(LabelText.fieldLabel(text).label, field, template)
                    }
                }
            }
            if let header = template.header, let key = header.field, let field = template.field(key),
               let line = LabelText.headerLine(header.text) {
                add(line.label, field, template)
            }
        }
    }

    private mutating func add(_ label: String, _ field: FieldDefinition, _ template: FormTemplate) {
        guard !label.isEmpty else { return }
        if field.isRowField {
            if columns[label] == nil { columns[label] = Entry(field: field, template: template) }
        } else if single[label] == nil {
            single[label] = Entry(field: field, template: template)
        }
    }

    /// The single field of a label; else the list column of that label, as a single field
    /// (`rows[].phone` gives `phone`).
    func single(_ label: String) -> Entry? {
        if let entry = single[label] { return entry }
        guard var entry = columns[label] else { return nil }
        entry.field.key = entry.field.rowKey
        return entry
    }

    /// The list column of a label; else the single field of that label, as a column
    /// (`phone` gives `rows[].phone`).
    func column(_ label: String) -> Entry? {
        if let entry = columns[label] { return entry }
        guard var entry = single[label] else { return nil }
        entry.field.key = FieldDefinition.rowPrefix + entry.field.key
        return entry
    }
}
