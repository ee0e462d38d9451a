import Dispatch
import Foundation

/// Runs numbered pieces of work on at most `jobs` threads at once. Each thread takes the next
/// piece when it finishes one, so a slow form does not hold up a whole chunk, and no more
/// than `jobs` forms are ever being rendered (and held in memory) at the same time.
enum ParallelWork {
    /// Calls `body` once for each index in `0..<count`, concurrently. `body` returns false to
    /// stop the remaining work (an output error: the disk is full, the folder is gone).
    static func run(count: Int, jobs: Int, _ body: @Sendable (Int) -> Bool) {
        let next = Counter()
        let workers = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: count) {
                if !body(index) {
                    next.stop()
                    return
                }
            }
        }
    }

    /// The next index to hand out, shared by the workers.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        private var stopped = false

        func take(below count: Int) -> Int? {
            lock.withLock {
                guard !stopped, value < count else { return nil }
                defer { value += 1 }
                return value
            }
        }

        func stop() { lock.withLock { stopped = true } }
    }
}

/// A count that concurrent workers add to: the forms done so far, for the progress line.
final class SharedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Adds one and returns the new count.
    func increment() -> Int { lock.withLock { value += 1; return value } }
}
