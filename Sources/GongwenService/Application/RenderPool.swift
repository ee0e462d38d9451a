import Foundation
import NIOPosix
import ServiceLifecycle

/// Where the blocking work runs (libxlsxwriter, libzip, LibreOffice): a pool of threads,
/// as many as there are cores, in front of which a bounded queue waits. A request beyond
/// the queue is refused at once (`ServiceError.busy`, 503 with Retry-After) instead of
/// piling up memory, and each piece of work has a deadline (`ServiceError.deadlineExceeded`).
///
/// Work that passes its deadline cannot be stopped halfway through a C library: its request
/// is answered at the deadline, and the work keeps its slot until it ends, so the number of
/// renders at once never passes the number of threads, even under a storm of timeouts.
public final class RenderPool: Sendable {
    /// How many run at once.
    public let concurrency: Int
    /// How many more may wait.
    public let queueLimit: Int
    private let threads: NIOThreadPool
    private let admitted: Counter
    /// What a request beyond the queue is told (the PDF queue says when to come back).
    private let refusal: @Sendable () -> ServiceError

    public init(concurrency: Int, queueLimit: Int, refusal: @escaping @Sendable () -> ServiceError = { .busy }) {
        self.concurrency = max(1, concurrency)
        self.queueLimit = max(0, queueLimit)
        self.refusal = refusal
        threads = NIOThreadPool(numberOfThreads: self.concurrency)
        admitted = Counter()
        threads.start()
    }

    /// Requests admitted and not finished: running plus waiting.
    public var load: Int { admitted.value }

    /// Runs `work` on a pool thread and returns its result, or throws the refusal (`busy`)
    /// when the pool and its queue are full, or `deadlineExceeded` when `deadline` passes first.
    public func perform<T: Sendable>(within deadline: Duration, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard admitted.increment(limit: concurrency + queueLimit) else { throw refusal() }
        let race = Race<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                race.begin(continuation)
                let job = Task {
                    let result: Result<T, any Error>
                    do {
                        result = .success(try await self.threads.runIfActive(work))
                    } catch {
                        result = .failure(error)
                    }
                    // The slot is free before anyone hears of the result.
                    self.admitted.decrement()
                    race.finish(result)
                }
                let timer = DeadlineTimer(after: deadline) {
                    race.finish(.failure(ServiceError.deadlineExceeded(seconds: max(1, Int(deadline.components.seconds)))))
                }
                race.whenFinished { timer.cancel() }
                race.whenAbandoned { job.cancel() }
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }

    func shutdown() async throws {
        try await threads.shutdownGracefully()
    }
}

/// Shuts the threads down after the server has finished its requests: the application's
/// service group stops its services in reverse order, the HTTP server (last) first.
extension RenderPool: Service {
    public func run() async throws {
        try? await gracefulShutdown()
        try await shutdown()
    }
}

/// A count with a ceiling, shared between threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    /// Adds one unless the count is at `limit`.
    func increment(limit: Int) -> Bool {
        lock.withLock {
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func decrement() {
        lock.withLock { count -= 1 }
    }
}

/// The first of the work, the deadline and cancellation to finish answers the request;
/// whichever comes later is dropped.
private final class Race<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    /// A result that came before `begin` (the task was cancelled at once).
    private var early: Result<T, any Error>?
    private var finished = false
    private var onFinish: [@Sendable () -> Void] = []
    private var onAbandon: [@Sendable () -> Void] = []

    func begin(_ continuation: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = lock.withLock {
            if let early = self.early { return early }
            self.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    /// Registers what to do when the race is decided (stop the timer).
    func whenFinished(_ action: @escaping @Sendable () -> Void) {
        let now = lock.withLock {
            if finished { return true }
            onFinish.append(action)
            return false
        }
        if now { action() }
    }

    /// Registers what to do when the race is decided by something other than the work (cancel it).
    func whenAbandoned(_ action: @escaping @Sendable () -> Void) {
        let now = lock.withLock {
            if finished { return true }
            onAbandon.append(action)
            return false
        }
        if now { action() }
    }

    /// Answers with `result` if nothing answered yet; true when this call decided the race.
    @discardableResult
    func finish(_ result: Result<T, any Error>) -> Bool {
        var continuation: CheckedContinuation<T, any Error>?
        var actions: [@Sendable () -> Void] = []
        let decided: Bool = lock.withLock {
            guard !finished else { return false }
            finished = true
            actions = onFinish + (isSuccess(result) ? [] : onAbandon)
            onFinish = []
            onAbandon = []
            continuation = self.continuation
            self.continuation = nil
            if continuation == nil { early = result }
            return true
        }
        guard decided else { return false }
        continuation?.resume(with: result)
        for action in actions { action() }
        return true
    }

    private func isSuccess(_ result: Result<T, any Error>) -> Bool {
        if case .success = result { return true }
        return false
    }
}
