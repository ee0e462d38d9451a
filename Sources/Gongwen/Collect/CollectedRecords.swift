import Foundation

/// records.jsonl: one line per collected file, `{"data": {…}, "file": "…"}`, so that what was
/// read can be checked, archived or processed further without opening any workbook.
///
/// `data` has the shape of the data files `render` takes (examples/forms/*.json): dotted
/// keys nested back into objects (`funds.central` → `{"funds": {"central": …}}`), list rows
/// under `rows`, numbers as JSON numbers exactly as read (52.36, never 52.359999…), text as
/// text. Empty cells are left out. So a line's `data` renders the same form again.
/// `file` is the path as the command line named it. Keys are sorted, one object per line.
public enum CollectedRecords {
    public static func jsonLines(_ forms: [CollectedForm]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for form in forms {
            guard let values = form.values else { continue }
            let record = JSONValue.object(["file": .string(form.file.displayPath), "data": data(of: values)])
            // Encoding a JSONValue of strings and decimals cannot fail.
            guard let line = try? encoder.encode(record) else { continue }
            out.append(line)
            out.append(0x0A)
        }
        return out
    }

    /// Validated values back in the nested shape of an input file.
    public static func data(of values: FormValues) -> JSONValue {
        var root: [String: JSONValue] = [:]
        for (key, value) in values.values {
            insert(json(value), at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        if !values.rows.isEmpty {
            root["rows"] = .array(values.rows.map { row in .object(row.mapValues(json)) })
        }
        return .object(root)
    }

    private static func insert(_ value: JSONValue, at path: ArraySlice<String>, into object: inout [String: JSONValue]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = value
            return
        }
        var inner: [String: JSONValue] = [:]
        if case .object(let existing)? = object[first] { inner = existing }
        insert(value, at: path.dropFirst(), into: &inner)
        object[first] = .object(inner)
    }

    private static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .text(let text): .string(text)
        case .number(let number): .number(number)
        }
    }
}
