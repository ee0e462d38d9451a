import Foundation
import Gongwen

/// The body of every error response: RFC 9457 problem details (`application/problem+json`),
/// with an `errors` array that names each field the way the command line does: its key, its
/// Chinese label, the rule it broke and what the rule says.
public struct ProblemDetails: Codable, Sendable, Equatable {
    /// One problem with one field (or one record of a list), as the library reports it.
    public typealias FieldError = FieldProblem

    /// A URI naming the kind of problem (`urn:gongwen:problem:invalid-data`).
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var errors: [FieldError]

    public init(type: String, title: String, status: Int, detail: String, errors: [FieldError] = []) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.errors = errors
    }

    public static let mediaType = "application/problem+json"

    /// The body as sent: UTF-8 JSON with sorted keys, Chinese text unescaped.
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and integers only: encoding cannot fail.
        return (try? encoder.encode(self)) ?? Data(#"{"status":500}"#.utf8)
    }
}
