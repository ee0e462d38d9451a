import Foundation

/// What a batch writes and how.
public struct BatchOptions: Sendable {
    /// Each form is written once per format (`--format both` is both).
    public var formats: [OutputFormat]
    public var folder: URL
    /// Nil for the template's default (`{row}-{organizer}` or `{row}-{reporter}`).
    public var pattern: FileNamePattern?
    /// Also write `batch.zip` with every file and the manifest.
    public var zip: Bool
    /// Write the good records even when some are bad, marking the bad ones in the manifest.
    public var keepGoing: Bool
    /// The most forms rendered at once.
    public var jobs: Int

    public init(formats: [OutputFormat], folder: URL, pattern: FileNamePattern? = nil, zip: Bool = false,
                keepGoing: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.formats = formats
        self.folder = folder
        self.pattern = pattern
        self.zip = zip
        self.keepGoing = keepGoing
        self.jobs = max(1, jobs)
    }
}

/// Every form of a list checked and named, before anything is written. Holds a few words per
/// form (its rows, its file name, the problems of a bad one), never the forms' values.
public struct BatchPlan: Sendable {
    public let file: String
    let forms: [PlannedForm]
    /// The distinct warnings, which forms refer to by index: a column this variant does not
    /// print is one warning, however many records have it.
    let warningTexts: [String]

    /// How many forms the list makes, and how many of them are good.
    public var formCount: Int { forms.count }
    public var validCount: Int { forms.count { $0.stem != nil } }
    /// Every problem of every bad record, in the list's order.
    public var issues: [RecordIssue] { forms.flatMap(\.issues) }

    /// Each warning once, with how many forms have it.
    public var warnings: [(message: String, forms: Int)] {
        var counts = Array(repeating: 0, count: warningTexts.count)
        for form in forms { for index in form.warnings { counts[index] += 1 } }
        return zip(warningTexts, counts).map { ($0, $1) }
    }
}

/// One form of the plan: where it is in the list, and its file name or its problems.
struct PlannedForm: Sendable {
    var records: ClosedRange<Int>
    /// The file name without extension; nil for a bad form.
    var stem: String?
    var issues: [RecordIssue] = []
    var warnings: [Int] = []
}

/// What a batch wrote.
public struct BatchSummary: Sendable {
    public var formsWritten: Int
    /// Files written: forms times formats (not the manifest or the zip).
    public var filesWritten: Int
    /// Forms left out because their records are bad (only with `keepGoing`).
    public var invalidForms: Int
    public var manifest: URL
    public var zip: URL?
}

/// Fills one form per record of a list (per run of records, for list forms), in two passes
/// over the list so that nothing is written unless every record is good and memory does not
/// grow with the list: `plan` reads, validates and names every form, keeping only names and
/// problems; `run` reads the list again and renders the forms, a chunk at a time, at most
/// `jobs` at once, then writes the manifest and the zip.
public struct BatchRunner: Sendable {
    public let library: TemplateLibrary
    public let template: FormTemplate
    public let options: BatchOptions

    public init(library: TemplateLibrary, templateID: String, options: BatchOptions) throws(TemplateError) {
        self.library = library
        self.template = try library.template(id: templateID)
        self.options = options
    }

    /// The file name pattern in force.
    public var pattern: FileNamePattern {
        if let pattern = options.pattern { return pattern }
        let keys = FileNamePattern.keys(in: library.formFields(of: template.form))
        // The default names a key every variant of the form has, so it always parses.
        return (try? FileNamePattern(FileNamePattern.defaultText(for: template), keys: keys))
            ?? (try! FileNamePattern("{row}", keys: []))
    }

    /// How many forms are mapped and validated together: enough to keep every job busy, few
    /// enough that a chunk's values are a small, fixed amount of memory.
    var chunkSize: Int { max(256, options.jobs * 32) }

    /// Reads, validates and names every form. Throws `BatchValidationFailure` with every
    /// problem of every bad record, unless `keepGoing`.
    public func plan(_ list: ListSource, progress: BatchProgress? = nil) throws -> BatchPlan {
        defer { progress?.finish() }
        let validator = library.validator(for: template)
        let pattern = self.pattern
        var forms: [PlannedForm] = []
        var names = NameRegistry()
        var warningIndex: [String: Int] = [:]
        var warningTexts: [String] = []
        try forEachChunk(of: list) { chunk in
            let checks = BatchResults<FormCheck>(count: chunk.count)
            ParallelWork.run(count: chunk.count, jobs: options.jobs) { i in
                checks[i] = Self.check(chunk[i], with: validator)
                return true
            }
            for (form, check) in zip(chunk, checks.take()) {
                var planned = PlannedForm(records: form.records)
                switch check! {
                case .valid(let values, let warnings):
                    planned.stem = names.claim(pattern.stem(row: form.records.lowerBound, templateID: template.id, values: values))
                    for text in Set(warnings.map { Self.withoutRowIndex($0.message) }).sorted() {
                        let index = warningIndex[text] ?? warningTexts.count
                        if index == warningTexts.count {
                            warningIndex[text] = index
                            warningTexts.append(text)
                        }
                        planned.warnings.append(index)
                    }
                case .invalid(let issues):
                    planned.issues = issues
                }
                forms.append(planned)
            }
            progress?.update(done: forms.count, total: nil)
        }
        progress?.update(done: forms.count, total: forms.count)
        guard !forms.isEmpty else { throw BatchListError.noRecords(file: list.file) }
        let plan = BatchPlan(file: list.file, forms: forms, warningTexts: warningTexts)
        if !options.keepGoing, forms.contains(where: { $0.stem == nil }) {
            throw BatchValidationFailure(file: list.file, issues: plan.issues)
        }
        return plan
    }

    /// Renders every good form of `plan` from `list` (read again) in each format, each file
    /// atomically; then `manifest.csv`, then `batch.zip`. An output error stops the run and
    /// is thrown; the files finished before it are whole.
    public func run(_ plan: BatchPlan, list: ListSource, progress: BatchProgress? = nil) throws -> BatchSummary {
        let folder = options.folder
        try AtomicFile.ensureFolder(folder)
        let renderer = FormRenderer(library: library)
        let validator = library.validator(for: template)
        let template = self.template
        let formats = options.formats
        let total = plan.validCount
        let done = SharedCount()
        let changed = BatchListError.changedDuringRun(file: list.file)
        var next = 0
        defer { progress?.finish() }
        try forEachChunk(of: list) { chunk in
            guard next + chunk.count <= plan.forms.count else { throw changed }
            let planned = Array(plan.forms[next..<next + chunk.count])
            guard zip(chunk, planned).allSatisfy({ $0.records == $1.records }) else { throw changed }
            let failure = BatchResults<any Error>(count: 1)
            ParallelWork.run(count: chunk.count, jobs: options.jobs) { i in
                guard let stem = planned[i].stem else { return true }
                guard case .valid(let values, _) = Self.check(chunk[i], with: validator) else {
                    failure[0] = changed
                    return false
                }
                do {
                    for format in formats {
                        let url = folder.appendingPathComponent(stem + "." + format.fileExtension)
                        try renderer.write(template, values: values, format: format, to: url)
                    }
                } catch {
                    if failure[0] == nil { failure[0] = error }
                    return false
                }
                progress?.update(done: done.increment(), total: total)
                return true
            }
            if let error = failure[0] { throw error }
            next += chunk.count
        }
        guard next == plan.forms.count else { throw changed }

        let manifestURL = folder.appendingPathComponent(Manifest.fileName)
        try Manifest.write(manifestEntries(plan), to: manifestURL)
        var zipURL: URL?
        if options.zip {
            let url = folder.appendingPathComponent(BatchZip.fileName)
            let files = plan.forms.compactMap(\.stem).flatMap { stem in formats.map { stem + "." + $0.fileExtension } }
            try BatchZip.write(files + [Manifest.fileName], in: folder, to: url)
            zipURL = url
        }
        return BatchSummary(formsWritten: total, filesWritten: total * formats.count,
                            invalidForms: plan.forms.count - total, manifest: manifestURL, zip: zipURL)
    }

    /// Reads the list and hands its forms over a chunk at a time, in the list's order.
    private func forEachChunk(of list: ListSource, _ body: ([BatchForm]) throws -> Void) throws {
        let mapper = RecordMapper(template: template, library: library)
        let columns = try mapper.columns(of: list)
        var assembler = FormAssembler(listForm: template.isList)
        var chunk: [BatchForm] = []
        let size = chunkSize
        func add(_ form: BatchForm?) throws {
            guard let form else { return }
            chunk.append(form)
            if chunk.count >= size {
                try body(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try list.forEachRecord { record in
            if let entry = try mapper.entry(record, columns: columns, of: list) { try add(assembler.add(entry)) }
        }
        try add(assembler.finish())
        if !chunk.isEmpty { try body(chunk) }
    }

    /// A form's values, or every problem it has, placed at the rows of the file.
    enum FormCheck: Sendable {
        case valid(FormValues, warnings: [RecordIssue])
        case invalid([RecordIssue])
    }

    static func check(_ form: BatchForm, with validator: FormValidator) -> FormCheck {
        if let issue = form.malformedIssue { return .invalid([issue]) }
        do {
            let validated = try validator.validate(form.data)
            return .valid(validated.values, warnings: validated.warnings.map(form.place))
        } catch {
            return .invalid(error.issues.map(form.place))
        }
    }

    /// `rows[3].openTime` → `rows[].openTime`: a warning is about a column, not a row.
    static func withoutRowIndex(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "rows[") {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, rest.dropFirst(digits.count).first == "]" { rest = rest.dropFirst(digits.count) }
        }
        return out + rest
    }

    /// One line per file written, one per bad form, in the list's order.
    func manifestEntries(_ plan: BatchPlan) -> some Sequence<Manifest.Entry> {
        let formats = options.formats
        return plan.forms.lazy.flatMap { form -> [Manifest.Entry] in
            let record = Manifest.recordText(form.records)
            guard let stem = form.stem else {
                let message = form.issues.map { $0.records == form.records ? $0.message : $0.description }.joined(separator: "；")
                return [Manifest.Entry(record: record, file: "", status: .invalid, message: message)]
            }
            let warnings = form.warnings.map { plan.warningTexts[$0] }.joined(separator: "；")
            return formats.map { Manifest.Entry(record: record, file: stem + "." + $0.fileExtension, status: .ok, message: warnings) }
        }
    }
}
