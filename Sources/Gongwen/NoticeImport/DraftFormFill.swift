import Foundation

/// A form attachment's data from the table the draft holds for it: a cell that is a field's
/// label gives the cell to its right as the value (项目名称 | …); a row of column labels
/// (单位名称 | 开放时间 | …) gives each row below it as a record. Labels are compared without
/// spaces or parenthesised words, as the templates' labels and the drafts' cells differ in
/// those. A cell holding the field's hint — what the blank form prints in it, such as
/// （主要活动内容、方式、参加人员、宣传方式） — is not a value. Nothing filled in, no data: the form
/// stays blank.
enum DraftFormFill {
    static let parenthesised = CompiledRegex(/[（(][^）)]*[）)]/)
    static let plainNumber = CompiledRegex(/-?[0-9]+(\.[0-9]+)?/)

    /// Whether `text` is the hint the blank form prints in the field's cell, compared without
    /// spaces and with either width of parentheses.
    static func isHint(_ text: String, _ field: FieldDefinition) -> Bool {
        guard let hint = field.hint else { return false }
        let plain = { (s: String) in String(s.compactMap { c -> Character? in
            c.isWhitespace ? nil : c == "（" ? "(" : c == "）" ? ")" : c
        }) }
        return plain(text) == plain(hint)
    }

    static func label(_ s: String) -> String {
        s.filter { !$0.isWhitespace }.replacing(Self.parenthesised.regex, with: "").trimmingCharacters(in: ["：", ":"])
    }

    /// `lines` are the page's lines outside the table: 单位（盖章）：濮阳市科学技术局 fills 单位.
    static func data(for template: FormTemplate, from grid: [[String]], lines: [String] = []) -> JSONValue? {
        var object: [String: JSONValue] = [:]
        for line in lines {
            guard let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }) else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty, let field = template.fields.first(where: { !$0.isRowField && label($0.label) == label(String(line[..<colon])) }) else { continue }
            set(&object, path: field.key.split(separator: ".").map(String.init), Self.value(value, field))
        }
        let flat = Dictionary(template.fields.filter { !$0.isRowField }.map { (label($0.label), $0) }, uniquingKeysWith: { a, _ in a })
        let columns = Dictionary(template.fields.filter(\.isRowField).map { (label($0.label), $0) }, uniquingKeysWith: { a, _ in a })
        let allLabels = Set(flat.keys).union(columns.keys)
        var header: [Int: FieldDefinition]?
        var records: [JSONValue] = []
        for row in grid {
            if let header {
                var record: [String: JSONValue] = [:]
                for (column, field) in header where column < row.count {
                    let text = row[column].trimmingCharacters(in: .whitespacesAndNewlines)
                    if !text.isEmpty, !isHint(text, field) { record[field.rowKey] = value(text, field) }
                }
                if !record.isEmpty { records.append(.object(record)) }
                continue
            }
            let matched = row.enumerated().compactMap { index, cell in columns[label(cell)].map { (index, $0) } }
            if matched.count >= 2 {
                header = Dictionary(matched, uniquingKeysWith: { a, _ in a })
                continue
            }
            for (index, cell) in row.enumerated() {
                guard let field = flat[label(cell)], index + 1 < row.count else { continue }
                let text = row[index + 1].trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty, !allLabels.contains(label(text)), !isHint(text, field) else { continue }
                set(&object, path: field.key.split(separator: ".").map(String.init), value(text, field))
            }
        }
        if !records.isEmpty { object["rows"] = .array(records) }
        return object.isEmpty ? nil : .object(object)
    }

    static func value(_ text: String, _ field: FieldDefinition) -> JSONValue {
        if field.type == .count || field.type == .amount, let number = Decimal(string: text), text.wholeMatch(of: Self.plainNumber.regex) != nil {
            return .number(JSONNumber(number))
        }
        return .string(text)
    }

    static func set(_ object: inout [String: JSONValue], path: [String], _ value: JSONValue) {
        guard let first = path.first else { return }
        if path.count == 1 { object[first] = value; return }
        var inner: [String: JSONValue] = [:]
        if case .object(let existing)? = object[first] { inner = existing }
        set(&inner, path: Array(path.dropFirst()), value)
        object[first] = .object(inner)
    }
}
