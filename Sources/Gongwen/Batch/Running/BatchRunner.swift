import Foundation

/// What a batch writes and how.
public struct BatchOptions: Sendable {
    /// Each form is written once per format (`--format both` is both).
    public var formats: [OutputFormat]
    public var folder: URL
    /// Nil for the template's `batchName` (by default the row and the form's subject).
    public var pattern: FileNamePattern?
    /// Also write `batch.zip` with every file and the manifest.
    public var zip: Bool
    /// Write the good records even when some are bad, marking the bad ones in the manifest.
    public var keepGoing: Bool
    /// The most forms rendered at once.
    public var jobs: Int
    /// The one part of the list to write (`--shard K/N`); nil for all of it.
    public var shard: BatchShard?
    /// The forms' PDFs and the print file; nil for none.
    public var pdf: BatchPDF?

    public init(formats: [OutputFormat], folder: URL, pattern: FileNamePattern? = nil, zip: Bool = false,
                keepGoing: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                shard: BatchShard? = nil, pdf: BatchPDF? = nil) {
        self.formats = formats
        self.pdf = pdf
        self.folder = folder
        self.pattern = pattern
        self.zip = zip
        self.keepGoing = keepGoing
        self.jobs = max(1, jobs)
        self.shard = shard
    }
}

/// What a batch wrote.
public struct BatchSummary: Sendable {
    public var formsWritten: Int
    /// Files written: forms times formats, PDF counted (not the manifest, the zip or the print file).
    public var filesWritten: Int
    /// Forms left out because their records are bad (only with `keepGoing`).
    public var invalidForms: Int
    /// The forms of the list this run wrote or marked: all of them, or its shard's.
    public var forms: Range<Int>
    public var manifest: URL
    public var zip: URL?
    /// `print.pdf`, with `--print`.
    public var printFile: URL?
}

/// Fills one form per record of a list (per run of records, for list forms), in two passes
/// over the list so that nothing is written unless every record is good and memory does not
/// grow with the list: `plan` reads, validates and names every form, keeping 16 bytes a form
/// and the problems of the bad ones; `run` reads the list again and renders the forms, a chunk
/// at a time, at most `jobs` at once, naming each again and adding its manifest lines as it
/// goes, then writes the zip.
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
        // The template's own pattern names its own single fields, checked when it loaded.
        let keys = FileNamePattern.keys(in: library.formFields(of: template.form))
        return (try? FileNamePattern(template.batchName, keys: keys)) ?? (try! FileNamePattern("{row}", keys: []))
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
        var problems: [Int: [RecordIssue]] = [:]
        var names = NameRegistry()
        var warningIndex: [String: Int] = [:]
        var warningTexts: [String] = []
        var warningCounts: [Int] = []
        try forEachChunk(of: list) { chunk in
            let checks = ResultSlots<FormCheck>(count: chunk.count)
            ParallelWork.run(count: chunk.count, jobs: options.jobs) { i in
                checks[i] = Self.check(chunk[i], with: validator)
                return true
            }
            for (form, check) in zip(chunk, checks.take()) {
                switch check! {
                case .valid(let values, let warnings):
                    let stem = pattern.stem(row: form.records.lowerBound, templateID: template.id, values: values)
                    let number = names.claim(stem)
                    forms.append(PlannedForm(records: form.records, name: NameRegistry.name(stem, number: number), number: number))
                    for text in Self.warningTexts(warnings) {
                        let index = warningIndex[text] ?? warningTexts.count
                        if index == warningTexts.count {
                            warningIndex[text] = index
                            warningTexts.append(text)
                            warningCounts.append(0)
                        }
                        warningCounts[index] += 1
                    }
                case .invalid(let issues):
                    problems[forms.count] = issues
                    forms.append(PlannedForm(records: form.records))
                }
            }
            progress?.update(forms.count, nil)
        }
        progress?.update(forms.count, forms.count)
        guard !forms.isEmpty else { throw BatchListError.noRecords(file: list.file) }
        let plan = BatchPlan(file: list.file, forms: forms, problems: problems,
                             warningTexts: warningTexts, warningCounts: warningCounts)
        if !options.keepGoing, !problems.isEmpty {
            throw BatchValidationFailure(file: list.file, issues: plan.issues)
        }
        return plan
    }

    /// Renders every good form of `plan` from `list` (read again) in each format, each file
    /// atomically, and `manifest.csv` as it goes, which appears once every form is written;
    /// then `batch.zip`. With PDF, each written DOCX goes to the conversion queue while the
    /// writers go on, and the manifest (and the print file before it) waits for the last PDF.
    /// An output or conversion error stops the run and is thrown; the files finished before
    /// it are whole.
    public func run(_ plan: BatchPlan, list: ListSource, progress: BatchProgress? = nil) throws -> BatchSummary {
        let folder = options.folder
        try AtomicFile.ensureFolder(folder)
        let changed = BatchListError.changedDuringRun(file: list.file)
        let conversions = try options.pdf.map { try BatchConversions($0, folder: folder, formats: options.formats) }
        defer { conversions?.removeStaging() }
        let writer = BatchFormWriter(template: template, validator: library.validator(for: template),
                                     renderer: FormRenderer(library: library), pattern: pattern,
                                     formats: options.formats, folder: folder, changed: changed,
                                     conversions: conversions)
        let keptFormats = options.formats.map(\.fileExtension) + (options.pdf?.keepForms == true ? ["pdf"] : [])
        let shard = options.shard
        // Every part reads and checks the whole list, and writes only its own forms.
        let mine = plan.forms(of: shard)
        let total = plan.validCount(of: shard)
        let done = SharedCount()
        // Only for the zip, whose writer keeps an entry for each member anyway.
        var zipMembers: [String] = []
        defer { progress?.finish() }
        let manifestName = shard?.manifestFileName ?? Manifest.fileName
        let manifestURL = folder.appendingPathComponent(manifestName)
        try Manifest.write(to: manifestURL, header: shard?.writesManifestHeader ?? true) { manifest in
            var next = 0
            try forEachChunk(of: list) { chunk in
                guard next + chunk.count <= plan.forms.count else { throw changed }
                let first = next
                let planned = Array(plan.forms[first..<first + chunk.count])
                guard zip(chunk, planned).allSatisfy({ $1.isAt($0.records) }) else { throw changed }
                let results = ResultSlots<BatchFormWriter.Written>(count: chunk.count)
                let failure = ResultSlots<any Error>(count: 1)
                ParallelWork.run(count: chunk.count, jobs: options.jobs) { i in
                    guard mine.contains(first + i), plan.problems[first + i] == nil else { return true }
                    do {
                        results[i] = try writer.write(chunk[i], as: planned[i])
                    } catch {
                        if failure[0] == nil { failure[0] = error }
                        return false
                    }
                    progress?.update(done.increment(), total)
                    return true
                }
                if let error = failure[0] { throw error }
                for (i, written) in results.take().enumerated() where mine.contains(first + i) {
                    let form = chunk[i]
                    guard let written else {
                        try manifest.add(.invalid(form.records, issues: plan.problems[first + i] ?? []))
                        continue
                    }
                    let files = keptFormats.map { written.stem + "." + $0 }
                    conversions?.printed(written.stem)
                    for file in files { try manifest.add(.written(form.records, file: file, warnings: written.warnings)) }
                    if options.zip { zipMembers += files }
                }
                next += chunk.count
            }
            guard next == plan.forms.count else { throw changed }
            try conversions?.finish(printFileName: shard?.printFileName ?? PrintFile.fileName)
        }

        var zipURL: URL?
        if options.zip {
            let url = folder.appendingPathComponent(shard?.zipFileName ?? BatchZip.fileName)
            try BatchZip.write(zipMembers + [manifestName] + (conversions?.printFile.map { [$0.lastPathComponent] } ?? []),
                               in: folder, to: url)
            zipURL = url
        }
        return BatchSummary(formsWritten: total, filesWritten: total * keptFormats.count,
                            invalidForms: mine.count - total, forms: mine, manifest: manifestURL, zip: zipURL,
                            printFile: conversions?.printFile)
    }

    /// Reads the list and hands its forms over a chunk at a time, in the list's order.
    private func forEachChunk(of list: ListSource, _ body: ([BatchForm]) throws -> Void) throws {
        let mapper = RecordMapper(template: template, library: library)
        let columns = try mapper.columns(of: list)
        var assembler = FormAssembler(listForm: template.isList, subject: template.subject)
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

    /// A form's warnings for the plan's count and its manifest line: each text once, in order,
    /// without row numbers.
    static func warningTexts(_ warnings: [RecordIssue]) -> [String] {
        Set(warnings.map { withoutRowIndex($0.message) }).sorted()
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
}
