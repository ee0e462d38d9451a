/// Every form of a list checked and named, before anything is written. Holds 16 bytes per
/// form and the problems of the bad ones, never the forms' values or their file names, so
/// that a batch's memory hardly grows with its list: `BatchRunner.run` reads the list again
/// and works each name out anew.
public struct BatchPlan: Sendable {
    public let file: String
    let forms: [PlannedForm]
    /// The problems of each bad form, by its index in `forms`. Bad forms are few (a batch with
    /// one stops unless it keeps going), and their problems are printed and put in the
    /// manifest, so they are kept whole.
    let problems: [Int: [RecordIssue]]
    /// The distinct warnings, and how many forms have each: a column this variant does not
    /// print is one warning, however many records have it.
    let warningTexts: [String]
    let warningCounts: [Int]

    /// How many forms the list makes, and how many of them are good.
    public var formCount: Int { forms.count }
    public var validCount: Int { forms.count - problems.count }
    /// Every problem of every bad record, in the list's order.
    public var issues: [RecordIssue] { problems.keys.sorted().flatMap { problems[$0]! } }

    /// Each warning once, with how many forms have it.
    public var warnings: [(message: String, forms: Int)] {
        zip(warningTexts, warningCounts).map { ($0, $1) }
    }
}

/// One form of the plan in 16 bytes: what the second reading of the list must find again,
/// and the number that sets its file name apart from an earlier form's.
struct PlannedForm: Sendable {
    /// The form's first and last record, cut to 32 bits. They are only compared with the same
    /// cut of the second reading, to notice a list changed in between.
    private let first: Int32
    private let last: Int32
    /// The number that `NameRegistry` added to the name (`-2`); 0 for none and for a bad form.
    private let duplicate: UInt32
    /// 32 bits of the hash of the file name, so that a name that comes out differently the
    /// second time (the list changed) stops the batch instead of overwriting another form's file.
    private let nameCheck: UInt32

    /// A good form, named `name`, which `NameRegistry` gave `number` (nil for none).
    init(records: ClosedRange<Int>, name: String, number: Int?) {
        // A number is at most one more than the forms before it, far below 2^32.
        self.init(records: records, duplicate: UInt32(number ?? 0), nameCheck: Self.check(name))
    }

    /// A bad form, which gets no file.
    init(records: ClosedRange<Int>) {
        self.init(records: records, duplicate: 0, nameCheck: 0)
    }

    private init(records: ClosedRange<Int>, duplicate: UInt32, nameCheck: UInt32) {
        first = Int32(truncatingIfNeeded: records.lowerBound)
        last = Int32(truncatingIfNeeded: records.upperBound)
        self.duplicate = duplicate
        self.nameCheck = nameCheck
    }

    /// The number for `NameRegistry.name`.
    var number: Int? { duplicate == 0 ? nil : Int(duplicate) }

    /// Whether the second reading found this form at the same records.
    func isAt(_ records: ClosedRange<Int>) -> Bool {
        first == Int32(truncatingIfNeeded: records.lowerBound) && last == Int32(truncatingIfNeeded: records.upperBound)
    }

    /// Whether `name`, worked out again from the second reading, is the one planned.
    func isNamed(_ name: String) -> Bool { nameCheck == Self.check(name) }

    private static func check(_ name: String) -> UInt32 {
        var hasher = Hasher()
        hasher.combine(name)
        return UInt32(truncatingIfNeeded: hasher.finalize())
    }
}
