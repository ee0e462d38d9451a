import Foundation

/// Results written by concurrent workers, each into its own slot, read once they are done:
/// the batch's checked and written forms, the collector's read files.
final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> T? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// Takes the results out, leaving the slots empty.
    func take() -> [T?] { lock.withLock { defer { slots = [] }; return slots } }
}
