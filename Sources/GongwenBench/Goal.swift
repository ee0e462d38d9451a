/// One goal of the issue, checked against this run's numbers: ✓ met, ✗ missed, – not
/// measured (a tool not installed, a step that failed) with the reason.
struct Goal {
    var name: String
    /// The measured figure, e.g. "1.08×"; nil when it could not be measured.
    var measured: String?
    var met: Bool
    var target: String
    var skipped: String?

    var line: String {
        guard let measured else { return "– \(name): \(skipped ?? "not measured") (goal \(target))" }
        return "\(met ? "✓" : "✗") \(name): \(measured) (goal \(target))"
    }
}
