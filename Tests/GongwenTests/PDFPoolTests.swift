import Foundation
import Testing
@testable import Gongwen

/// The pool's rules with fake instances, so they are checked without LibreOffice: reuse,
/// a retry elsewhere after a death or an overrun, recycling after K jobs and above the
/// memory ceiling, one job per instance at a time.
@Suite("PDF pool")
struct PDFPoolTests {
    /// What every fake of one pool shares: the instances made and what each did.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var started = 0
        private(set) var stopped = 0
        private(set) var jobs = 0
        private(set) var mostAtOnce = 0
        private var running = 0
        /// The fault the n-th job (counting from 0, over all instances) meets, if any.
        var fault: @Sendable (Int) -> PDFInstanceFault? = { _ in nil }
        var residentBytes: Int? = 1

        func start() { lock.withLock { started += 1 } }
        func stop() { lock.withLock { stopped += 1 } }
        func begin() -> Int {
            lock.withLock {
                running += 1
                mostAtOnce = max(mostAtOnce, running)
                jobs += 1
                return jobs - 1
            }
        }
        func end() { lock.withLock { running -= 1 } }
    }

    final class FakeInstance: PDFInstance, @unchecked Sendable {
        let recorder: Recorder
        private let lock = NSLock()
        private var busy = false
        private var ended = false

        init(_ recorder: Recorder) {
            self.recorder = recorder
            recorder.start()
        }

        func convert(_ source: URL, to destination: URL, deadline: TimeInterval) throws(PDFInstanceFault) {
            let overlapping = lock.withLock { () -> Bool in
                defer { busy = true }
                return busy || ended
            }
            #expect(!overlapping, "two jobs at once on one instance, or a job on an ended one")
            let n = recorder.begin()
            defer {
                recorder.end()
                lock.withLock { busy = false }
            }
            Thread.sleep(forTimeInterval: 0.005)
            if let fault = recorder.fault(n) { throw fault }
        }

        var residentBytes: Int? { recorder.residentBytes }

        func stop() {
            let first = lock.withLock { () -> Bool in
                defer { ended = true }
                return !ended
            }
            if first { recorder.stop() }
        }
    }

    func pool(size: Int, jobsPerInstance: Int = 100, memoryCeiling: Int = 1 << 30, _ recorder: Recorder) -> PDFPool {
        PDFPool(settings: .init(size: size, jobsPerInstance: jobsPerInstance, memoryCeiling: memoryCeiling)) { _ in
            FakeInstance(recorder)
        }
    }

    let source = URL(fileURLWithPath: "/nowhere/in.docx")
    let target = URL(fileURLWithPath: "/nowhere/out.pdf")

    @Test func anInstanceIsStartedOnceAndReused() throws {
        let recorder = Recorder()
        let pool = pool(size: 2, recorder)
        for _ in 0..<5 { try pool.convert(source, to: target, deadline: 5) }
        #expect(recorder.started == 1)
        var snapshot = pool.snapshot
        #expect(snapshot.secondsPerJob.map { $0 >= 0 && $0 < 5 } == true, "the moving average of the jobs' wall time")
        snapshot.secondsPerJob = nil
        #expect(snapshot == PDFPool.Snapshot(instancesUp: 1, busy: 0, jobsDone: 5))
    }

    @Test func aJobWhoseInstanceDiesIsRetriedElsewhereNotFailed() throws {
        let recorder = Recorder()
        recorder.fault = { $0 == 1 ? .died("SIGKILL") : nil }
        let pool = pool(size: 2, recorder)
        for _ in 0..<4 { try pool.convert(source, to: target, deadline: 5) }
        let snapshot = pool.snapshot
        #expect(snapshot.jobsDone == 4 && snapshot.jobsFailed == 0 && snapshot.retries == 1)
        #expect(recorder.stopped == 1, "the dead instance is ended")
        #expect(recorder.started == 2, "its job went to a second slot")
    }

    @Test func aJobPastItsDeadlineTwiceFailsClearlyAndThePoolRecovers() throws {
        let recorder = Recorder()
        recorder.fault = { $0 < 2 ? .deadlineExceeded : nil }
        let pool = pool(size: 2, recorder)
        #expect(throws: PDFPool.Failure.deadlineExceeded(seconds: 3)) {
            try pool.convert(source, to: target, deadline: 3)
        }
        #expect(recorder.stopped == 2, "both instances that overran are killed")
        try pool.convert(source, to: target, deadline: 3)
        let snapshot = pool.snapshot
        #expect(snapshot.jobsFailed == 1 && snapshot.jobsDone == 1 && snapshot.retries == 1 && snapshot.restarts == 1)
    }

    @Test func aSingleSlotRetriesOnAFreshInstance() throws {
        let recorder = Recorder()
        recorder.fault = { $0 == 0 ? .deadlineExceeded : nil }
        let pool = pool(size: 1, recorder)
        try pool.convert(source, to: target, deadline: 3)
        #expect(recorder.started == 2 && recorder.stopped == 1)
        #expect(pool.snapshot.restarts == 1 && pool.snapshot.jobsDone == 1)
    }

    @Test func aRefusedDocumentIsNotRetriedAndKeepsItsInstance() throws {
        let recorder = Recorder()
        recorder.fault = { $0 == 0 ? .rejected("type detection failed") : nil }
        let pool = pool(size: 2, recorder)
        #expect(throws: PDFPool.Failure.rejected("type detection failed")) {
            try pool.convert(source, to: target, deadline: 3)
        }
        try pool.convert(source, to: target, deadline: 3)
        #expect(recorder.jobs == 2 && recorder.started == 1 && recorder.stopped == 0)
    }

    @Test func instancesAreReplacedAfterKJobs() throws {
        let recorder = Recorder()
        let pool = pool(size: 1, jobsPerInstance: 2, recorder)
        for _ in 0..<5 { try pool.convert(source, to: target, deadline: 3) }
        pool.settle()
        // Each successor started after its predecessor's first job (the last tenth of two):
        // the one, the two that took over, and the next standing ready.
        #expect(recorder.started == 4 && recorder.stopped == 2)
        #expect(pool.snapshot.recycled == 2 && pool.snapshot.restarts == 0)
    }

    @Test func instancesAreReplacedAboveTheMemoryCeiling() throws {
        let recorder = Recorder()
        recorder.residentBytes = 600 << 20
        let pool = pool(size: 1, memoryCeiling: 512 << 20, recorder)
        for _ in 0..<3 { try pool.convert(source, to: target, deadline: 3) }
        pool.settle()
        // Each replaced in the background as soon as its job is done: the fourth stands ready.
        #expect(recorder.started == 4 && recorder.stopped == 3 && pool.snapshot.recycled == 3)
    }

    /// A replacement starts in the background: the next job goes to the other instance
    /// at once rather than waiting for the start (the slow start here is 0.5 s).
    @Test func aRecycledInstanceIsReplacedWhileTheOtherWorks() throws {
        let recorder = Recorder()
        let slowStarts = Recorder()
        let pool = PDFPool(settings: .init(size: 2, jobsPerInstance: 1)) { _ in
            slowStarts.start()
            if slowStarts.started > 2 { Thread.sleep(forTimeInterval: 0.5) }
            return FakeInstance(recorder)
        }
        // Two instances up, one job each: both retired and replaced, slowly, in the background.
        DispatchQueue.concurrentPerform(iterations: 2) { _ in try? pool.convert(source, to: target, deadline: 3) }
        let started = ContinuousClock.now
        try pool.convert(source, to: target, deadline: 3)
        let waited = ContinuousClock.now - started
        pool.settle()
        #expect(waited > .milliseconds(300), "both slots are being replaced: the job waits for one")
        #expect(pool.snapshot.recycled == 3 && pool.snapshot.jobsDone == 3)
        // With one replacement under way and the other instance up, a job does not wait for it.
        let starts2 = Recorder()
        let pool2 = PDFPool(settings: .init(size: 2, jobsPerInstance: 2)) { _ in
            starts2.start()
            if starts2.started > 2 { Thread.sleep(forTimeInterval: 0.5) }
            return FakeInstance(recorder)
        }
        DispatchQueue.concurrentPerform(iterations: 2) { _ in try? pool2.convert(source, to: target, deadline: 3) }
        try pool2.convert(source, to: target, deadline: 3)  // an instance's second job: retired, replaced behind
        let again = ContinuousClock.now
        try pool2.convert(source, to: target, deadline: 3)  // on the other instance, at once
        #expect(ContinuousClock.now - again < .milliseconds(300))
        pool2.settle()
        #expect(starts2.started >= 3, "the successors started in the background")
        pool2.settle()
        pool2.shutdown()
        pool.shutdown()
    }

    /// The successor starts in the instance's last tenth of jobs and takes over when it is
    /// due: even a pool of one never makes a job wait for a LibreOffice start.
    @Test func aSuccessorStartedAheadTakesOverWithoutAWait() throws {
        let recorder = Recorder()
        let starts = Recorder()
        let pool = PDFPool(settings: .init(size: 1, jobsPerInstance: 20)) { _ in
            starts.start()
            if starts.started > 1 { Thread.sleep(forTimeInterval: 0.3) }
            return FakeInstance(recorder)
        }
        for _ in 0..<18 { try pool.convert(source, to: target, deadline: 3) }
        pool.settle()  // the successor, started after the 18th of 20 jobs, is up
        #expect(starts.started == 2)
        for _ in 0..<2 { try pool.convert(source, to: target, deadline: 3) }  // the 20th retires the first
        let started = ContinuousClock.now
        try pool.convert(source, to: target, deadline: 3)
        #expect(ContinuousClock.now - started < .milliseconds(150), "the successor was ready: no start waited for")
        pool.settle()
        #expect(recorder.stopped == 1 && pool.snapshot.recycled == 1 && pool.snapshot.instancesUp == 1)
        pool.shutdown()
        #expect(recorder.stopped == recorder.started, "shutdown ends the instance and any successor")
    }

    @Test func oneJobPerInstanceAndNoMoreInstancesThanTheSize() throws {
        let recorder = Recorder()
        let pool = pool(size: 2, recorder)
        let failures = Recorder()
        DispatchQueue.concurrentPerform(iterations: 24) { _ in
            do { try pool.convert(source, to: target, deadline: 3) } catch { failures.start() }
        }
        #expect(failures.started == 0)
        #expect(recorder.started <= 2 && recorder.mostAtOnce <= 2)
        #expect(pool.snapshot.jobsDone == 24 && pool.snapshot.busy == 0)
    }

    @Test func anEngineThatCannotStartIsSaidSo() {
        struct NoPython: Error {}
        let pool = PDFPool(settings: .init(size: 2)) { _ in throw NoPython() }
        #expect {
            try pool.convert(source, to: target, deadline: 3)
        } throws: { error in
            if case .cannotStart = error as? PDFPool.Failure { true } else { false }
        }
    }
}
