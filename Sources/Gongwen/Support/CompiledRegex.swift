/// A regex literal parsed and compiled once for the process. A `/…/` literal written inside
/// a function is parsed and compiled again every time the function runs — in the draft
/// importer, whose patterns run on every line, that was two thirds of its time. Kept in a
/// `static let`, it is built once, inside the static's one-time initialisation, which also
/// runs a first match so that the program is compiled there; after that every match only
/// reads it, so sharing it across threads is sound although `Regex` is not marked Sendable.
struct CompiledRegex<Output>: @unchecked Sendable {
    let regex: Regex<Output>

    init(_ regex: Regex<Output>) {
        self.regex = regex
        _ = "".firstMatch(of: regex)
    }
}
