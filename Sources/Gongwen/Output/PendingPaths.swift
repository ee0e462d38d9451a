import Foundation

/// The paths a command has begun and not finished: temporary files being written
/// (`AtomicFile`), a batch's staging folder, a PDF's work file. A run that ends, well or
/// badly, removes its own; a run that is interrupted (Ctrl-C, SIGTERM) leaves that to
/// whoever handles the signal, which calls `closeAndRemove` before the process exits, so
/// that an interrupted batch leaves its finished files whole and nothing half-written.
public final class PendingPaths: @unchecked Sendable {
    public static let shared = PendingPaths()

    private let lock = NSLock()
    private var paths: [UInt64: String] = [:]
    private var next: UInt64 = 0
    private var closed = false

    /// Registers `path`; the returned number unregisters it. Nil once the process is being
    /// interrupted: the caller must not begin the file.
    func add(_ path: String) -> UInt64? {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return nil }
        next += 1
        paths[next] = path
        return next
    }

    func remove(_ token: UInt64?) {
        guard let token else { return }
        lock.lock()
        paths[token] = nil
        lock.unlock()
    }

    /// Whether the process is being interrupted (no new file may begin).
    public var isClosed: Bool { lock.withLock { closed } }

    /// Refuses new paths, then removes every registered file and folder with its contents;
    /// once more after `settle`, for a file a writer created after the first sweep, since
    /// writers still running cannot be stopped halfway.
    public func closeAndRemove(settle: TimeInterval = 0.2) {
        lock.lock()
        closed = true
        lock.unlock()
        sweep()
        Thread.sleep(forTimeInterval: settle)
        sweep()
    }

    private func sweep() {
        lock.lock()
        let all = Array(paths.values)
        lock.unlock()
        for path in all { try? FileManager.default.removeItem(atPath: path) }
    }
}
