import Foundation

/// Where one column of a list (or one key of a JSON Lines object) goes in a form's data.
enum ListKey: Hashable, Sendable {
    /// A single value, by its field key, dotted for nested ones (`funds.central`).
    case value(String)
    /// A column of a list form's rows, by its row key (`name` for `rows[].name`).
    case row(String)
}

/// Gives the columns of a list their field keys, and turns each record into the data of a
/// form. A column may be headed by a field key or by the Chinese label that any variant of
/// the form prints, so a list made from last year's form still reads; for list forms the row
/// columns may also be headed by their short key (`name`), and the field of the header line
/// (the reporting unit) by the words forms use for it (填报单位, 单位, 部门, 地方).
public struct RecordMapper: Sendable {
    public let template: FormTemplate
    private let names: [String: ListKey]
    private let hasRows: Bool

    /// Headings people put in front of the data that carry none of it.
    static let ignoredHeadings: Set<String> = ["序号"]
    /// What the variants call the reporting unit, besides its labels.
    static let reporterWords = ["填报单位", "单位", "部门", "地方", "部门/地方", "填报单位（盖章）", "单位（盖章）", "部门/地方（盖章）"]

    /// The headings of `template`: its own keys and labels first, then those of every other
    /// variant of its form in `library`.
    public init(template: FormTemplate, library: TemplateLibrary) {
        self.template = template
        let formFields = library.formFields(of: template.form)
        hasRows = formFields.keys.contains { $0.hasPrefix(FieldDefinition.rowPrefix) }
        var names: [String: ListKey] = [:]
        func add(_ name: String, _ key: ListKey) {
            let n = Self.normalised(name)
            if !n.isEmpty, names[n] == nil { names[n] = key }
        }
        let others = library.templates.filter { $0.form == template.form }.flatMap(\.fields)
        for fields in [template.fields, others] {
            for field in fields {
                let key: ListKey = field.isRowField ? .row(field.rowKey) : .value(field.key)
                add(field.key, key)
                if field.isRowField { add(field.rowKey, key) }
            }
        }
        for fields in [template.fields, others] {
            for field in fields { add(field.label, field.isRowField ? .row(field.rowKey) : .value(field.key)) }
        }
        if let header = template.header, let key = header.field {
            for word in Self.reporterWords { add(word, .value(key)) }
            add(header.text, .value(key))
        }
        self.names = names
    }

    /// The key a heading names, if any: compared without white space, with ASCII brackets and
    /// colons read as their full-width forms and a trailing colon dropped.
    func resolve(_ heading: String) -> ListKey? { names[Self.normalised(heading)] }

    static func normalised(_ text: String) -> String {
        var out = ""
        for ch in text where !ch.isWhitespace {
            switch ch {
            case "(": out.append("（")
            case ")": out.append("）")
            case ":": out.append("：")
            default: out.append(ch)
            }
        }
        while out.hasSuffix("：") { out.removeLast() }
        return out.lowercased()
    }

    /// The key of each column of a table list; nil for a column that is ignored (序号, or no
    /// heading). Every unknown heading is reported at once.
    func columns(of list: ListSource) throws(BatchListError) -> [ListKey?] {
        guard let header = list.header else { return [] }
        var keys: [ListKey?] = []
        var unknown: [String] = []
        var seen: [ListKey: Int] = [:]
        for (c, heading) in header.enumerated() {
            let trimmed = heading.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || Self.ignoredHeadings.contains(Self.normalised(trimmed)) {
                keys.append(nil)
                continue
            }
            guard let key = resolve(trimmed) else {
                unknown.append("\(list.columnName(c))“\(trimmed)”")
                keys.append(nil)
                continue
            }
            if let first = seen[key] {
                throw .duplicateColumn(file: list.file, key: Self.keyName(key),
                                       columns: ["\(list.columnName(first))“\(header[first])”", "\(list.columnName(c))“\(trimmed)”"])
            }
            seen[key] = c
            keys.append(key)
        }
        if !unknown.isEmpty { throw .unknownColumns(file: list.file, columns: unknown) }
        return keys
    }

    /// `projectName 与 项目名称 都对应字段 projectName（项目名称）…`, as a duplicate column says it.
    private func duplicateMessage(_ names: [String], key: ListKey) -> String {
        let field = Self.keyName(key)
        let label = (template.field(field)?.label).map { "（\($0)）" } ?? ""
        return "\(names.joined(separator: " 与 ")) 都对应字段 \(field)\(label)，只能写一次（duplicate key）"
    }

    static func keyName(_ key: ListKey) -> String {
        switch key {
        case .value(let k): k
        case .row(let k): FieldDefinition.rowPrefix + k
        }
    }

    /// One record's values, its columns placed by `columns`. Nil for a record that carries
    /// nothing the form prints (a row with only its 序号 filled in). A value under no
    /// heading is refused: it would otherwise be lost without a word.
    func entry(_ record: ListRecord, columns: [ListKey?], of list: ListSource) throws(BatchListError) -> RecordEntry? {
        var entry = RecordEntry(number: record.number)
        var row: [String: JSONValue] = [:]
        switch record.content {
        case .malformed(let detail):
            entry.malformed = detail
            return entry
        case .cells(let cells):
            for (c, cell) in cells.enumerated() {
                guard let cell else { continue }
                guard c < columns.count, let key = columns[c] else {
                    let heading = c < (list.header?.count ?? 0) ? list.header![c] : ""
                    if heading.allSatisfy(\.isWhitespace) { throw .unnamedColumn(file: list.file, column: list.columnName(c)) }
                    continue
                }
                switch key {
                case .value(let k): entry.values[k] = .string(cell)
                case .row(let k): row[k] = .string(cell)
                }
            }
        case .object(let object):
            var names: [ListKey: String] = [:]
            for (name, value) in object {
                if hasRows, name == "rows" {
                    guard case .array(let items) = value else {
                        entry.malformed = "rows 应为数组，不能是 \(value.kindName)"
                        return entry
                    }
                    entry.rows.append(contentsOf: items)
                    entry.rowsFromArray = true
                    continue
                }
                let key = resolve(name)
                // A key and a label of one field: which value wins would depend on the order
                // the object's members come in.
                if let key, let other = names.updateValue(name, forKey: key) {
                    entry.malformed = duplicateMessage([other, name].sorted(), key: key)
                    return entry
                }
                switch key {
                case .value(let k)?: entry.values[k] = value
                case .row(let k)?: row[k] = value
                case nil: entry.values[name] = value
                }
            }
        }
        if !row.isEmpty {
            if entry.rowsFromArray {
                entry.malformed = "不能同时有 rows 数组和单独的行字段"
                return entry
            }
            entry.rows = [.object(row)]
        }
        if entry.values.isEmpty && entry.rows.isEmpty && !entry.rowsFromArray { return nil }
        return entry
    }
}

/// One record with its columns placed: single values by key, and the rows it adds to a list form.
struct RecordEntry: Sendable {
    var number: Int
    var values: [String: JSONValue] = [:]
    var rows: [JSONValue] = []
    /// The rows came from the record's own `rows` array (JSON Lines), so a problem is named
    /// by its index in that array; otherwise the record is one row of its form.
    var rowsFromArray = false
    var malformed: String?

    init(number: Int) { self.number = number }

    /// The value of `key` as text (the reporting unit), for telling which records make one
    /// list form; empty when the record has none.
    func text(of key: String?) -> String {
        switch key.flatMap({ values[$0] }) {
        case .string(let s)?: s.trimmingCharacters(in: .whitespacesAndNewlines)
        case .number(let n)?: n.literal
        default: ""
        }
    }
}
