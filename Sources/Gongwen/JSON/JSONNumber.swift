import Foundation

/// A JSON number as the data wrote it. The literal is kept, so that a number given for a
/// text field is the text the data wrote (`12.50`, `-0`, `1e3`), and a count or an amount is
/// read from its digits by the field's rules before anything can round it. Two numbers are
/// equal when their values are: `12.5` and `12.50`.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The number's text as written.
    public let literal: String

    /// A number the parser read: `literal` follows the JSON grammar.
    init(literal: String) { self.literal = literal }

    /// A finite decimal, written the way `Decimal` writes itself (`12.35`, `1000`).
    public init(_ value: Decimal) {
        precondition(value.isFinite, "a JSON number is finite")
        literal = value.description
    }

    /// The value, taken apart into its digits and a power of ten.
    var numeral: DecimalNumeral {
        // Both initialisers give text that DecimalNumeral reads.
        DecimalNumeral(literal)!
    }

    /// The exact value, or nil when a `Decimal` cannot hold it (more than 38 digits, or a
    /// power of ten beyond ±127): never a rounded one.
    public var decimal: Decimal? { numeral.decimal }

    public var description: String { literal }

    public static func == (a: JSONNumber, b: JSONNumber) -> Bool {
        a.literal == b.literal || a.numeral == b.numeral
    }
}
