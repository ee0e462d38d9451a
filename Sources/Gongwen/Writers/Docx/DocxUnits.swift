/// Unit conversions of WordprocessingML: twips (1/20 pt) for lengths, half-points for sizes.
enum DocxUnits {
    static func twips(millimetres mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }
    static func twips(points pt: Double) -> Int { Int((pt * 20).rounded()) }
    static func halfPoints(_ pt: Double) -> Int { Int((pt * 2).rounded()) }
}
