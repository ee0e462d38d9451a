import Foundation

/// The data of one form of a batch and the records it came from: one record for a grid form;
/// for a list form, a run of consecutive records with the same `reporter`, one row each.
struct BatchForm: Sendable {
    var records: ClosedRange<Int>
    var values: [String: JSONValue] = [:]
    var rows: [JSONValue] = []
    let listForm: Bool
    /// Where each entry of `rows` came from, so that a problem in `rows[7]` is reported at
    /// the row of the file that holds it.
    var rowOrigins: [RowOrigin] = []
    /// Why the record could not be read, when it could not.
    var malformed: String?

    struct RowOrigin: Sendable {
        var record: Int
        /// The index in the record's own `rows` array, or nil when the record is the row.
        var index: Int?
    }

    /// The data to validate: the single values, and for a list form its rows.
    var data: JSONValue {
        var object = values
        if listForm { object["rows"] = .array(rows) }
        return .object(object)
    }

    /// A validator's issue placed at its record: `rows[3].name` becomes the row of the file
    /// that gave row 3, named `rows[].name` as the list's column is.
    func place(_ issue: FieldIssue) -> RecordIssue {
        var issue = issue
        var records = self.records
        if issue.key.hasPrefix("rows["), let close = issue.key.firstIndex(of: "]"),
           let index = Int(issue.key[issue.key.index(issue.key.startIndex, offsetBy: 5)..<close]),
           index < rowOrigins.count {
            let origin = rowOrigins[index]
            records = origin.record...origin.record
            let rest = issue.key[issue.key.index(after: close)...]
            issue.key = (origin.index.map { "rows[\($0)]" } ?? "rows[]") + rest
        }
        return RecordIssue(records: records, problem: .field(issue))
    }

    /// The problem of a record that could not be read.
    var malformedIssue: RecordIssue? {
        malformed.map { RecordIssue(records: records, problem: .malformed($0)) }
    }
}

/// Gathers records into forms as they are read. Records of a list form join the form before
/// them when they name the same subject (the reporting unit); a record that could not be read
/// stands alone.
struct FormAssembler {
    let listForm: Bool
    /// The field whose value tells which records make one list form.
    let subject: String?
    private var current: BatchForm?
    private var reporter: String?

    init(listForm: Bool, subject: String?) {
        self.listForm = listForm
        self.subject = subject
    }

    /// Adds a record; returns the form it completes, if it starts a new one.
    mutating func add(_ entry: RecordEntry) -> BatchForm? {
        let origins = entry.rows.indices.map { BatchForm.RowOrigin(record: entry.number, index: entry.rowsFromArray ? $0 : nil) }
        if entry.malformed == nil, listForm, let reporter, reporter == entry.text(of: subject), current != nil {
            for (key, value) in entry.values where current!.values[key] == nil { current!.values[key] = value }
            current!.rows += entry.rows
            current!.rowOrigins += origins
            current!.records = current!.records.lowerBound...entry.number
            return nil
        }
        let finished = current
        current = BatchForm(records: entry.number...entry.number, values: entry.values, rows: entry.rows,
                            listForm: listForm, rowOrigins: origins, malformed: entry.malformed)
        reporter = entry.malformed == nil && listForm ? entry.text(of: subject) : nil
        return finished
    }

    /// The last form, once every record is in.
    mutating func finish() -> BatchForm? {
        defer { current = nil }
        return current
    }
}
