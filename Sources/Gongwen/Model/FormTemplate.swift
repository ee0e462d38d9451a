/// A form variant described as data: one file under `templates/forms/`. A new year's or
/// another city's variant is a new file, never new code.
public struct FormTemplate: Codable, Sendable {
    /// Stable identifier, also the file's name without `.json`, e.g. `key-project-2020`.
    public var id: String
    public var form: FormKind
    /// The printed title, in the seed's exact wording.
    public var title: String
    /// Where the variant comes from (which seed, which attachment).
    public var source: String
    /// The line above the table, such as 填报单位（盖章）： followed by the reporting unit.
    public var header: HeaderLine?
    public var fields: [FieldDefinition]
    public var layout: TemplateLayout
    /// Lines printed under the table (注：…, contact lines).
    public var notes: [String]
    public var page: PageSetup
    public var fonts: FontScheme
    /// The password of the sheet protection in XLSX; nil protects without one.
    public var sheetPassword: String?

    enum CodingKeys: String, CodingKey {
        case id, form, title, source, header, fields, layout, notes, page, fonts, sheetPassword
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        form = try c.decode(FormKind.self, forKey: .form)
        title = try c.decode(String.self, forKey: .title)
        source = try c.decode(String.self, forKey: .source)
        header = try c.decodeIfPresent(HeaderLine.self, forKey: .header)
        fields = try c.decode([FieldDefinition].self, forKey: .fields)
        layout = try c.decode(TemplateLayout.self, forKey: .layout)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        page = try c.decodeIfPresent(PageSetup.self, forKey: .page) ?? PageSetup()
        fonts = try c.decodeIfPresent(FontScheme.self, forKey: .fonts) ?? FontScheme()
        sheetPassword = try c.decodeIfPresent(String.self, forKey: .sheetPassword)
    }

    /// The field with this key, if the template has it.
    public func field(_ key: String) -> FieldDefinition? {
        fields.first { $0.key == key }
    }

    /// Whether this is a list form (one row per record, heading repeated on each page).
    public var isList: Bool {
        if case .list = layout { return true }
        return false
    }

    /// The keys this variant prints somewhere: in a cell, as a list column or in the header.
    public var printedKeys: Set<String> {
        var keys = Set<String>()
        if let key = header?.field { keys.insert(key) }
        switch layout {
        case .grid(let grid):
            for row in grid.rows { for cell in row.cells { if let key = cell.field { keys.insert(key) } } }
        case .list(let list):
            for column in list.columns { keys.insert(column.field) }
        }
        return keys
    }
}

/// The line above a form's table: fixed text, then the value of a field.
public struct HeaderLine: Codable, Sendable, Equatable {
    /// The fixed part, e.g. 填报单位（盖章）：.
    public var text: String
    /// The field whose value follows the text, usually `reporter`.
    public var field: String?
}
