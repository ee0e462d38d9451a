import Foundation
import Gongwen

/// What `POST /api/collect/{id}` answers with `Accept: application/json`: one entry per
/// returned file (its data when collected, its problems when not) and the totals of the
/// numeric fields over the collected ones.
struct CollectReport: Encodable {
    struct File: Encodable {
        var file: String
        /// `collected`, `invalid` (read, values break rules) or `refused` (not read).
        var status: String
        var format: String?
        /// The values read, in the shape `render` takes (as in records.jsonl).
        var data: JSONValue?
        var warnings: [ProblemDetails.FieldError]?
        var errors: [ProblemDetails.FieldError]?
        var notes: [String]?
        /// Why a refused file was not read.
        var detail: String?
    }

    var template: String
    var collected: Int
    var notCollected: Int
    var files: [File]
    /// Sums by field key, as exact decimals.
    var totals: [String: Decimal]

    init(template: FormTemplate, forms: [CollectedForm]) {
        self.template = template.id
        collected = forms.count { $0.isCollected }
        notCollected = forms.count - collected
        files = forms.map(Self.file)
        totals = FormTotals(template: template, units: forms.compactMap(\.values)).sums
    }

    static func file(_ form: CollectedForm) -> File {
        var file = File(file: form.file.displayPath, status: "", format: form.format?.rawValue)
        switch form.outcome {
        case .collected(let validated):
            file.status = "collected"
            file.data = CollectedRecords.data(of: validated.values)
            file.warnings = validated.warnings.map { ProblemDetails.FieldError($0) }
            file.notes = form.notes.map(\.description)
        case .invalid(let failure):
            file.status = "invalid"
            file.errors = failure.issues.map { ProblemDetails.FieldError($0) }
        case .refused(let error):
            file.status = "refused"
            file.detail = error.description
        }
        return file
    }
}
