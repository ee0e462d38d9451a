/// A form variant described as data: one file under `templates/forms/`. A new year's or
/// another city's variant is a new file, never new code.
public struct FormTemplate: Codable, Sendable {
    /// Stable identifier, also the file's name without `.json`, e.g. `key-project-2020`.
    public var id: String
    /// The form this is a variant of; variants of one kind share their field keys.
    public var form: FormKind
    /// The name of the form kind, without a year or a place (重点项目（活动）备案表): what a
    /// person picks a form by. The title when the file does not say.
    public var formName: String
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
    /// The field that names a filled form (the project, the reporting unit): in file and
    /// download names, in `collect`'s rows and its check for one unit sent twice. The file's
    /// `subject`, else the first required single text field; nil when there is none.
    public var subject: String?
    /// The fields `collect` adds up over the returned forms: the file's `totals`, else every
    /// `count` and `amount` field. Empty for a form whose numbers do not add up across units.
    public var totals: [String]
    /// The pattern a batch names its files by unless told otherwise: the file's
    /// `batchName`, else the row and the subject (`{row}-{projectName}`).
    public var batchName: String

    enum CodingKeys: String, CodingKey {
        case id, form, formName, title, source, header, fields, layout, notes, page, fonts, sheetPassword
        case subject, totals, batchName
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
        formName = try c.decodeIfPresent(String.self, forKey: .formName) ?? title
        let fields = fields
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
            ?? fields.first { $0.required && $0.type == .text && !$0.isRowField }?.key
        totals = try c.decodeIfPresent([String].self, forKey: .totals)
            ?? fields.filter { $0.type.isNumeric }.map(\.key)
        batchName = try c.decodeIfPresent(String.self, forKey: .batchName)
            ?? (subject.map { "{row}-{\($0)}" } ?? "{row}")
    }

    /// The field with this key, if the template has it.
    public func field(_ key: String) -> FieldDefinition? {
        fields.first { $0.key == key }
    }

    /// What a filled form is about, by the template's subject (the project, the reporting
    /// unit); nil for a blank form or one that leaves the subject empty.
    public func subjectText(in values: FormValues) -> String? {
        subject.flatMap { values[$0]?.displayText }
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
