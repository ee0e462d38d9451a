import Foundation
import Testing
@testable import Gongwen

/// What the tests of JSON input ask of the library: how a text parses, and what a form
/// makes of it.
enum InputChecks {
    /// The parse error of `bytes`, or nil (and a recorded issue) when they parse.
    static func parseError(_ bytes: Data, sourceLocation: SourceLocation = #_sourceLocation) -> DataFormatError? {
        do {
            _ = try JSONValue.parse(bytes, source: "test")
            Issue.record("expected a parse error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    static func parseError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> DataFormatError? {
        parseError(Data(text.utf8), sourceLocation: sourceLocation)
    }

    /// The issues `templateID`'s validator finds in `json`; empty when it is valid.
    static func issues(_ templateID: String, _ json: String) throws -> [FieldIssue] {
        let library = Fixtures.library
        let template = try library.template(id: templateID)
        do {
            _ = try library.validator(for: template).validate(JSONValue.parse(Data(json.utf8), source: "test"))
            return []
        } catch let failure as ValidationFailure {
            return failure.issues
        }
    }

    /// The values `templateID`'s validator makes of `json`.
    static func values(_ templateID: String, _ json: String) throws -> FormValues {
        let library = Fixtures.library
        let template = try library.template(id: templateID)
        return try library.validator(for: template).validate(JSONValue.parse(Data(json.utf8), source: "test")).values
    }

    /// The records of a JSON Lines text.
    static func jsonLines(_ text: String) throws -> [ListRecord] {
        var all: [ListRecord] = []
        try JSONLinesList.open(.memory(Data(text.utf8)), file: "list.jsonl").forEachRecord { all.append($0) }
        return all
    }

    /// Why a record could not be read, or nil when it could.
    static func malformed(_ record: ListRecord) -> String? {
        if case .malformed(let detail) = record.content { return detail }
        return nil
    }
}
