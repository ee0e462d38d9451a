import Foundation

/// A decimal number taken apart: its sign, its significant digits (no leading or trailing
/// zeros) and the power of ten of the last of them, so that 12.50 is +125 × 10⁻¹. It is
/// exact at any length, so the rules can count a number's digits and measure it before it
/// becomes a `Decimal`, which holds 38 digits and rounds the rest without a word.
struct DecimalNumeral: Equatable {
    /// False for zero: -0 is 0.
    var isNegative: Bool
    /// ASCII digits; none for zero.
    var digits: [UInt8]
    var exponent: Int

    /// Reads `-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`, leading zeros allowed (a JSON number,
    /// or the plain decimal text people type into a cell); nil for anything else.
    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var all = Self.leadingDigits(&bytes)
        guard !all.isEmpty else { return nil }
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let fraction = Self.leadingDigits(&bytes)
            guard !fraction.isEmpty else { return nil }
            all += fraction
            fractionDigits = fraction.count
        }
        var power = 0
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            let negativePower = bytes.first == UInt8(ascii: "-")
            if negativePower || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let written = Self.leadingDigits(&bytes)
            guard !written.isEmpty else { return nil }
            // Held at a billion: far beyond any limit a rule checks, and no overflow.
            for digit in written { power = min(power * 10 + Int(digit - UInt8(ascii: "0")), 1_000_000_000) }
            if negativePower { power = -power }
        }
        guard bytes.isEmpty else { return nil }
        guard let first = all.firstIndex(where: { $0 != UInt8(ascii: "0") }),
              let last = all.lastIndex(where: { $0 != UInt8(ascii: "0") }) else {
            self.init(isNegative: false, digits: [], exponent: 0)
            return
        }
        self.init(isNegative: negative, digits: Array(all[first...last]),
                  exponent: power - fractionDigits + (all.count - 1 - last))
    }

    private init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        self.isNegative = isNegative
        self.digits = digits
        self.exponent = exponent
    }

    private static func leadingDigits(_ bytes: inout ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let digits = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        bytes = bytes.dropFirst(digits.count)
        return digits
    }

    var isZero: Bool { digits.isEmpty }

    var isWhole: Bool { exponent >= 0 || isZero }

    /// How many characters the number has when written out without an exponent (`-0.0012`,
    /// `1000`), as the length rule counts it: worked out rather than written, since
    /// `1e999999999` written out would be a gigabyte.
    var plainLength: Int {
        guard !isZero else { return 1 }
        let count = digits.count
        let unsigned = exponent >= 0 ? count + exponent : (-exponent < count ? count + 1 : 2 - exponent)
        return unsigned + (isNegative ? 1 : 0)
    }

    /// The value as a `Decimal`, when one holds it exactly.
    var decimal: Decimal? {
        guard !isZero else { return 0 }
        guard digits.count <= 38, (-128...127).contains(exponent),
              let significand = Decimal(string: String(decoding: digits, as: UTF8.self)) else { return nil }
        return Decimal(sign: isNegative ? .minus : .plus, exponent: exponent, significand: significand)
    }
}
