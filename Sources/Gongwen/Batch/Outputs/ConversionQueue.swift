import Foundation

/// The PDFs of a batch, made while the writers go on: the writers hand each DOCX in and go
/// back to the list, and up to `workers` conversions run at once behind a queue of at most
/// `capacity` waiting documents. The bound is what keeps memory and the staging folder flat
/// on a long list: a writer that gets ahead of LibreOffice waits at `submit`, it does not pile
/// up DOCX files. The first failed conversion stops the rest; `finish` throws it.
final class ConversionQueue: @unchecked Sendable {
    /// One document to convert. `discardSource` when the DOCX was only written for the PDF.
    struct Job: Sendable {
        var source: URL
        var destination: URL
        var discardSource: Bool
    }

    private let convert: @Sendable (URL, URL) throws -> Void
    private let capacity: Int
    private let condition = NSCondition()
    private var waiting: [Job] = []
    private var closed = false
    private var failure: (any Error)?
    /// The batch stopped for another reason: what waits is dropped, what runs finishes.
    private var abandoned = false
    private var threads = 0

    init(workers: Int, capacity: Int, convert: @escaping @Sendable (URL, URL) throws -> Void) {
        self.convert = convert
        self.capacity = max(1, capacity)
        let count = max(1, workers)
        threads = count
        for _ in 0..<count {
            let thread = Thread { [self] in work() }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Queues `job`, waiting while the queue is full. Throws the failure of an earlier
    /// conversion, so the writers stop too.
    func submit(_ job: Job) throws {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity && failure == nil && !abandoned { condition.wait() }
        if let failure { throw failure }
        guard !abandoned else { throw CancellationError() }
        waiting.append(job)
        condition.broadcast()
    }

    /// Waits for every queued conversion and for the workers to end; throws the first failure.
    func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while threads > 0 { condition.wait() }
        if let failure { throw failure }
    }

    /// Drops the waiting documents and waits for the conversions under way, after the batch
    /// failed elsewhere, so that no worker outlives the run.
    func abandon() {
        condition.lock()
        defer { condition.unlock() }
        abandoned = true
        closed = true
        waiting.removeAll()
        condition.broadcast()
        while threads > 0 { condition.wait() }
    }

    private func work() {
        condition.lock()
        while true {
            while waiting.isEmpty && !closed { condition.wait() }
            if failure != nil || abandoned { waiting.removeAll() }
            guard !waiting.isEmpty else { break }
            let job = waiting.removeFirst()
            condition.broadcast()
            condition.unlock()
            var error: (any Error)?
            do { try convert(job.source, job.destination) } catch let thrown { error = thrown }
            if job.discardSource { try? FileManager.default.removeItem(at: job.source) }
            condition.lock()
            if let error, failure == nil { failure = error }
            condition.broadcast()
        }
        threads -= 1
        condition.broadcast()
        condition.unlock()
    }
}
