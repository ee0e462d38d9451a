/// The times of one measurement, in seconds per document. The median is the figure we
/// compare (robust against the odd page fault or scheduler hiccup); p90 shows the spread.
struct Samples {
    private(set) var seconds: [Double] = []

    mutating func add(_ value: Double) { seconds.append(value) }

    var median: Double { quantile(0.5) }
    var p90: Double { quantile(0.9) }

    /// The nearest-rank quantile; the median of an even count is the mean of the middle two.
    private func quantile(_ q: Double) -> Double {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        if q == 0.5 && sorted.count % 2 == 0 {
            return (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        return sorted[Int(q * Double(sorted.count - 1))]
    }
}
