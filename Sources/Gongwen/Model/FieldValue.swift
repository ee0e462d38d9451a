import Foundation

/// A validated value of one field, ready for a writer: text exactly as given, or a number.
public enum FieldValue: Sendable, Equatable, Hashable {
    case text(String)
    case number(Decimal)

    /// The value as a person reads it in a cell.
    public var displayText: String {
        switch self {
        case .text(let s): s
        case .number(let d): d.description
        }
    }
}

/// The validated content of one filled form: single values by key, and for list forms the
/// rows, each a dictionary by row key (`name`, `openTime`…).
public struct FormValues: Sendable, Equatable {
    public var values: [String: FieldValue]
    public var rows: [[String: FieldValue]]

    public init(values: [String: FieldValue] = [:], rows: [[String: FieldValue]] = []) {
        self.values = values
        self.rows = rows
    }

    /// An empty form: what a blank form renders from.
    public static let blank = FormValues()

    public subscript(key: String) -> FieldValue? { values[key] }
}
