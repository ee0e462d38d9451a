/// What collecting one returned file came to: its validated values, or why it was not
/// taken (the file could not be read, or its values break the template's rules).
public struct CollectedForm: Sendable {
    public enum Outcome: Sendable {
        /// Read and valid; the warnings are those `render` would show.
        case collected(ValidatedForm)
        /// Not read: not an office file, a zip or entity bomb, not this template's layout.
        case refused(ReadError)
        /// Read, but values break the rules; every problem is listed.
        case invalid(ValidationFailure)
    }

    public var file: ReturnedFile
    /// XLSX or DOCX as found in the archive; nil when the file could not be opened as either.
    public var format: OutputFormat?
    public var outcome: Outcome
    /// Things worth telling about a file that was read anyway.
    public var notes: [CollectNote]
    /// What the collected form is about, by its template's subject (the unit, the project).
    public var subject: String?

    public init(file: ReturnedFile, format: OutputFormat?, outcome: Outcome, notes: [CollectNote] = [],
                subject: String? = nil) {
        self.file = file
        self.format = format
        self.outcome = outcome
        self.notes = notes
        self.subject = subject
    }

    /// The validated values, when the file was collected.
    public var values: FormValues? {
        if case .collected(let form) = outcome { return form.values }
        return nil
    }

    public var isCollected: Bool { values != nil }

    /// Each reason the file was not collected, one line each, without the file name (the
    /// report puts it in front): the read error (each unreadable cell), or every field issue.
    public var problems: [String] {
        switch outcome {
        case .collected: return []
        case .refused(let error): return error.reasons
        case .invalid(let failure): return failure.issues.map(\.description)
        }
    }
}

/// A remark on a file that was read: not a problem, but something the coordinator should know.
public enum CollectNote: Sendable, Equatable, CustomStringConvertible {
    /// An earlier file has the same unit or project: the totals count both.
    case repeats(subject: String, earlierFile: String)
    /// A cell was read as it shows, not as it is stored (a date in a text field).
    case cell(CellNote)

    public var description: String {
        switch self {
        case .cell(let note): note.description
        case .repeats(let subject, let earlier):
            "“\(subject)”与 \(earlier) 重复，汇总中两者都已计入，请核对（same unit twice）"
        }
    }
}
