import Foundation

/// A pool of warm PDF engines (LibreOffice instances behind our bridge), started when first
/// needed and reused, so that a PDF costs a conversion and not a LibreOffice start.
///
/// The rules, learnt from unoserver, Gotenberg and Carbone and their failure reports: one job
/// at a time per instance; a job past its deadline kills its instance and is tried once more
/// on another (a hung LibreOffice is never reused); an instance that dies under a job costs
/// that job a retry, not a failure; an instance is replaced after `jobsPerInstance` jobs and
/// when its memory passes `memoryCeiling`, since LibreOffice's memory grows over hours.
public final class PDFPool: @unchecked Sendable {
    public struct Settings: Sendable, Equatable {
        /// Instances at most; each is one soffice.bin, about one core while it converts.
        public var size: Int
        /// Jobs an instance does before it is replaced.
        public var jobsPerInstance: Int
        /// RSS of soffice.bin above which the instance is replaced after its job.
        public var memoryCeiling: Int

        public init(size: Int = ProcessInfo.processInfo.activeProcessorCount,
                    jobsPerInstance: Int = 200, memoryCeiling: Int = 1 << 30) {
            self.size = max(1, size)
            self.jobsPerInstance = max(1, jobsPerInstance)
            self.memoryCeiling = memoryCeiling
        }

        /// The defaults, with what the environment sets: `GONGWEN_PDF_INSTANCES` (the size),
        /// `GONGWEN_PDF_JOBS_PER_INSTANCE`, `GONGWEN_PDF_MEMORY_CEILING_MB`.
        public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Settings {
            var settings = Settings()
            if let size = environment["GONGWEN_PDF_INSTANCES"].flatMap(Int.init) { settings.size = max(1, size) }
            if let jobs = environment["GONGWEN_PDF_JOBS_PER_INSTANCE"].flatMap(Int.init) { settings.jobsPerInstance = max(1, jobs) }
            if let megabytes = environment["GONGWEN_PDF_MEMORY_CEILING_MB"].flatMap(Int.init) { settings.memoryCeiling = megabytes << 20 }
            return settings
        }
    }

    /// The pool's counters, for a health page and the tests.
    public struct Snapshot: Sendable, Equatable, Codable {
        /// Instances started and not ended.
        public var instancesUp = 0
        /// Instances converting now.
        public var busy = 0
        /// Jobs that came back as a PDF.
        public var jobsDone = 0
        /// Jobs that failed after their retry, or were refused.
        public var jobsFailed = 0
        /// Jobs tried again after their instance died or overran.
        public var retries = 0
        /// Instances ended by a fault (a deadline passed, a death) and started anew.
        public var restarts = 0
        /// Instances replaced on schedule: after `jobsPerInstance` jobs or above the memory ceiling.
        public var recycled = 0
        /// Jobs waiting for a free instance now.
        public var waiting = 0
        /// The recent wall time of a conversion, in seconds (a moving average; nil before the
        /// first): what a caller that must say when to come back (Retry-After) goes by.
        public var secondsPerJob: Double?

        public init(instancesUp: Int = 0, busy: Int = 0, jobsDone: Int = 0, jobsFailed: Int = 0, retries: Int = 0,
                    restarts: Int = 0, recycled: Int = 0, waiting: Int = 0, secondsPerJob: Double? = nil) {
            self.instancesUp = instancesUp
            self.busy = busy
            self.jobsDone = jobsDone
            self.jobsFailed = jobsFailed
            self.retries = retries
            self.restarts = restarts
            self.recycled = recycled
            self.waiting = waiting
            self.secondsPerJob = secondsPerJob
        }
    }

    /// Why the pool made no PDF.
    public enum Failure: Error, Sendable, Equatable {
        /// No instance could be started (LibreOffice, python3-uno or the bridge missing).
        case cannotStart(String)
        /// The job overran its deadline twice, on two instances.
        case deadlineExceeded(seconds: TimeInterval)
        /// Instances died under the job twice.
        case died(String)
        /// LibreOffice refused the document.
        case rejected(String)
    }

    private struct Slot {
        var instance: (any PDFInstance)?
        var busy = false
        var jobs = 0
        /// Whether the last instance here ended by a fault, so the next start counts as a restart.
        var faulted = false
        /// The instance started ahead to take over when this one is due for replacement, so that
        /// no job waits for a LibreOffice to start; `preparing` while it starts.
        var successor: (any PDFInstance)?
        var preparing = false
    }

    public let settings: Settings
    private let factory: PDFInstanceFactory
    private let condition = NSCondition()
    private var slots: [Slot]
    private var counters = Snapshot()
    /// Instances starting or stopping in the background now (successors, replacements).
    private var replacing = 0
    /// Counts `shutdown`s: a replacement that finishes starting after one is not kept.
    private var generation = 0

    public init(settings: Settings = Settings(), factory: @escaping PDFInstanceFactory) {
        self.settings = settings
        self.factory = factory
        slots = Array(repeating: Slot(), count: settings.size)
    }

    public var snapshot: Snapshot {
        condition.lock()
        defer { condition.unlock() }
        var copy = counters
        copy.instancesUp = slots.filter { $0.instance != nil }.count
        copy.busy = slots.filter(\.busy).count
        return copy
    }

    /// Converts on the first free instance, waiting for one; tries once more, elsewhere when
    /// the pool has another slot, if the instance overran or died.
    public func convert(_ source: URL, to destination: URL, deadline: TimeInterval) throws(Failure) {
        var avoid: Int?
        for attempt in 0..<2 {
            let (index, instance) = try checkOut(avoiding: avoid)
            let started = ContinuousClock.now
            do throws(PDFInstanceFault) {
                try instance.convert(source, to: destination, deadline: deadline)
                checkIn(index, outcome: .done, took: ContinuousClock.now - started)
                return
            } catch {
                switch error {
                case .rejected(let message):
                    checkIn(index, outcome: .refused)
                    throw .rejected(message)
                case .deadlineExceeded, .died:
                    instance.stop()
                    let last = attempt == 1
                    checkIn(index, outcome: last ? .lost : .retrying)
                    avoid = index
                    if last {
                        if case .died(let message) = error { throw .died(message) }
                        throw .deadlineExceeded(seconds: deadline)
                    }
                }
            }
        }
    }

    /// Ends every instance, after any replacement still starting; the pool starts new ones
    /// if asked again.
    public func shutdown() {
        condition.lock()
        generation += 1
        while replacing > 0 { condition.wait() }
        let instances = slots.compactMap(\.instance) + slots.compactMap(\.successor)
        for i in slots.indices { slots[i].instance = nil; slots[i].successor = nil; slots[i].jobs = 0 }
        condition.unlock()
        for instance in instances { instance.stop() }
    }

    /// Waits until no replacement is starting (for the tests, and before counting).
    func settle() {
        condition.lock()
        while replacing > 0 { condition.wait() }
        condition.unlock()
    }

    private enum Outcome { case done, refused, retrying, lost }

    /// A free slot and its instance, started here if the slot has none. Prefers a running
    /// instance, then an empty slot; `avoiding` is the slot that just failed this job.
    private func checkOut(avoiding: Int?) throws(Failure) -> (Int, any PDFInstance) {
        condition.lock()
        var chosen: Int?
        while chosen == nil {
            let free = slots.indices.filter { !slots[$0].busy && ($0 != avoiding || slots.count == 1) }
            chosen = free.first { slots[$0].instance != nil } ?? free.first
            if chosen == nil {
                counters.waiting += 1
                condition.wait()
                counters.waiting -= 1
            }
        }
        let index = chosen!
        slots[index].busy = true
        let running = slots[index].instance
        condition.unlock()
        if let running { return (index, running) }
        do {
            let instance = try factory(index)
            condition.lock()
            if slots[index].faulted { counters.restarts += 1 }
            slots[index].instance = instance
            slots[index].jobs = 0
            slots[index].faulted = false
            condition.unlock()
            return (index, instance)
        } catch {
            condition.lock()
            slots[index].busy = false
            condition.broadcast()
            condition.unlock()
            if case .died(let reason) = error as? PDFInstanceFault { throw .cannotStart(reason) }
            throw .cannotStart(String(describing: error))
        }
    }

    private func checkIn(_ index: Int, outcome: Outcome, took: Duration? = nil) {
        condition.lock()
        var retire: (any PDFInstance)?
        var background: [@Sendable () -> Void] = []
        let started = generation
        if let took {
            let seconds = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
            // A fifth of the newest: follows a change of documents within a few jobs, not one outlier.
            counters.secondsPerJob = counters.secondsPerJob.map { $0 * 0.8 + seconds * 0.2 } ?? seconds
        }
        switch outcome {
        case .done, .refused:
            if outcome == .done { counters.jobsDone += 1 } else { counters.jobsFailed += 1 }
            slots[index].jobs += 1
            if let instance = slots[index].instance {
                let resident = instance.residentBytes ?? 0
                if slots[index].jobs >= settings.jobsPerInstance || resident > settings.memoryCeiling {
                    counters.recycled += 1
                    if let successor = slots[index].successor {
                        // Started ahead and ready: it takes over now; the old one ends behind.
                        slots[index].instance = successor
                        slots[index].successor = nil
                        slots[index].jobs = 0
                        replacing += 1
                        background.append { instance.stop(); self.finishedInBackground() }
                    } else {
                        retire = instance
                        slots[index].instance = nil
                    }
                } else if slots[index].successor == nil, !slots[index].preparing,
                          slots[index].jobs >= successorLead || resident > settings.memoryCeiling / 10 * 9 {
                    // Due soon: start the successor while this one goes on converting.
                    slots[index].preparing = true
                    replacing += 1
                    background.append { self.prepareSuccessor(in: index, generation: started) }
                }
            }
        case .retrying, .lost:
            counters.retries += outcome == .retrying ? 1 : 0
            counters.jobsFailed += outcome == .lost ? 1 : 0
            slots[index].instance = nil
            slots[index].faulted = true
            if let successor = slots[index].successor {
                // A successor standing ready takes the place of the one that failed.
                slots[index].instance = successor
                slots[index].successor = nil
                slots[index].jobs = 0
                slots[index].faulted = false
                counters.restarts += 1
            }
        }
        // A retired instance without a successor is replaced in the background, the slot held
        // meanwhile: the next job goes to another instance, and the job that retired it
        // returns at once.
        if let retire {
            replacing += 1
            condition.unlock()
            DispatchQueue.global().async { self.replace(retire, in: index, generation: started) }
        } else {
            slots[index].busy = false
            condition.broadcast()
            condition.unlock()
        }
        for work in background { DispatchQueue.global().async(execute: work) }
    }

    /// Jobs after which an instance's successor starts: the last tenth of its jobs, so that
    /// a LibreOffice start (a few seconds) is over before the instance is due.
    private var successorLead: Int {
        max(1, settings.jobsPerInstance - max(1, settings.jobsPerInstance / 10))
    }

    /// Starts the successor of slot `index`'s instance; when the slot has meanwhile lost its
    /// instance (a fault) and nobody holds it, the successor becomes its instance at once.
    private func prepareSuccessor(in index: Int, generation started: Int) {
        let successor = try? factory(index)
        condition.lock()
        if started == generation, let successor {
            if slots[index].instance == nil && !slots[index].busy {
                slots[index].instance = successor
                slots[index].jobs = 0
                if slots[index].faulted { counters.restarts += 1 }
                slots[index].faulted = false
            } else {
                slots[index].successor = successor
            }
        } else {
            successor?.stop()
        }
        slots[index].preparing = false
        replacing -= 1
        condition.broadcast()
        condition.unlock()
    }

    private func finishedInBackground() {
        condition.lock()
        replacing -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Ends `old` and puts its successor in slot `index`, which is held busy until then: the
    /// one being started ahead, when it is still starting, else a new one; a start that
    /// fails leaves the slot empty, for the next job to try as before.
    private func replace(_ old: any PDFInstance, in index: Int, generation started: Int) {
        old.stop()
        condition.lock()
        while slots[index].preparing { condition.wait() }
        var successor = slots[index].successor
        slots[index].successor = nil
        condition.unlock()
        if successor == nil { successor = try? factory(index) }
        condition.lock()
        if started == generation, let successor {
            slots[index].instance = successor
            slots[index].jobs = 0
        } else {
            successor?.stop()
        }
        slots[index].busy = false
        replacing -= 1
        condition.broadcast()
        condition.unlock()
    }
}
