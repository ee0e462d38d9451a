import Foundation

/// The next index of a run of work that several threads take from in turn (the files of
/// `gongwen pdf`, the bench's lanes): each index is handed out once.
public final class SharedIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    public init() {}

    /// The next index below `limit`, or nil when all are taken.
    public func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
