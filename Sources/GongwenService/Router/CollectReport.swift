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

    /// A member of the zip that is not a form, and was not read.
    struct Skipped: Encodable {
        var file: String
        var detail: String
    }

    var template: String
    var collected: Int
    var notCollected: Int
    var files: [File]
    /// The zip's other files (a 说明.txt, a scan), listed so that none goes unmentioned.
    var skipped: [Skipped]
    /// Sums by field key, as exact decimals.
    var totals: [String: Decimal]

    init(template: FormTemplate, forms: [CollectedForm], skipped: [String] = []) {
        self.template = template.id
        collected = forms.count { $0.isCollected }
        notCollected = forms.count - collected
        files = forms.map(Self.file)
        self.skipped = skipped.map { Skipped(file: $0, detail: "不是 .xlsx 或 .docx 文件，未读取（not a form file）") }
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
            // The reader names the file it was given, which in the service is a name of
            // ours (2.xlsx); the person knows it by its path in the zip.
            let detail = error.description
            let ours = form.file.name + "："
            file.detail = detail.hasPrefix(ours) ? form.file.displayPath + "：" + detail.dropFirst(ours.count) : detail
        }
        return file
    }
}
