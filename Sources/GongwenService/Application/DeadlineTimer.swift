import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A deadline whose timer is gone the moment it is cancelled. `Task.sleep` is not one on
/// Linux: a cancelled sleep keeps its timer, and what the timer holds, until the time it
/// would have fired, so every request that finished early held memory until its deadline
/// (a 300 s batch deadline under load grew the service by hundreds of megabytes). An event
/// loop's scheduled task is removed from its queue by `cancel()`.
struct DeadlineTimer: Sendable {
    private let scheduled: Scheduled<Void>
    private let fired: NIOLockedValueBox<Bool>

    /// Calls `action` once `deadline` has passed, unless cancelled first.
    init(after deadline: Duration, _ action: @escaping @Sendable () -> Void) {
        let fired = NIOLockedValueBox(false)
        self.fired = fired
        let (seconds, attoseconds) = deadline.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        scheduled = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .nanoseconds(nanoseconds)) {
            fired.withLockedValue { $0 = true }
            action()
        }
    }

    /// Whether the deadline passed (and the action ran).
    var hasFired: Bool { fired.withLockedValue { $0 } }

    func cancel() { scheduled.cancel() }
}
