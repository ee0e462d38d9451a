import Foundation

/// How many requests were refused with 503 since the last summary. The first refusal after a
/// quiet interval is reported at once; after that, one report per interval at most, with the
/// count since the last one.
final class RefusalCount: @unchecked Sendable {
    private let lock = NSLock()
    private let interval: Duration
    private var count = 0
    private var lastReport: ContinuousClock.Instant?

    init(interval: Duration) {
        self.interval = interval
    }

    /// Counts one refusal; returns the count and the seconds it covers when a summary is due.
    func add() -> (count: Int, seconds: Int)? {
        lock.withLock {
            count += 1
            let now = ContinuousClock.now
            if let last = lastReport, now - last < interval { return nil }
            let seconds = lastReport.map { Int((now - $0).components.seconds) } ?? 0
            defer { count = 0; lastReport = now }
            return (count, seconds)
        }
    }
}
