import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every live bridge of this process, so that none outlives it: at exit, and on SIGINT,
/// SIGTERM or SIGHUP where nobody else handles them (the service's own graceful shutdown
/// keeps its handlers and ends in exit, which runs ours). A SIGKILL runs nothing here; the
/// bridge then sees its parent gone and ends itself and its LibreOffice.
final class PDFProcessReaper: @unchecked Sendable {
    static let shared = PDFProcessReaper()

    private let lock = NSLock()
    private var live: [ObjectIdentifier: PDFBridgeInstance] = [:]
    private var installed = false
    /// The process is ending: an instance that registers now is killed at once.
    private var closing = false

    func register(_ instance: PDFBridgeInstance) {
        lock.lock()
        defer { lock.unlock() }
        live[ObjectIdentifier(instance)] = instance
        if closing { instance.killNow() }
        guard !installed else { return }
        installed = true
        atexit { PDFProcessReaper.shared.stopAll() }
        // A bridge that dies leaves a pipe nobody reads: writing to it must be an error, not SIGPIPE.
        let pipeAction = signal(SIGPIPE, SIG_IGN)
        if unsafeBitCast(pipeAction, to: Int.self) != 0 { signal(SIGPIPE, pipeAction) }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(number, pdfPoolSignalHandler)
            // Someone else's handler (or an ignored signal) stays theirs; ours only replaces the default.
            if unsafeBitCast(previous, to: Int.self) != 0 { signal(number, previous) }  // SIG_DFL is 0
        }
    }

    func unregister(_ instance: PDFBridgeInstance) {
        lock.lock()
        live[ObjectIdentifier(instance)] = nil
        lock.unlock()
    }

    /// Ends every bridge and its LibreOffice, waiting for them and removing their profiles.
    func stopAll() {
        lock.lock()
        let instances = Array(live.values)
        lock.unlock()
        for instance in instances { instance.stop() }
    }

    /// Ends every bridge group now with SIGKILL, and any started from now on: an interrupted
    /// command, outside a signal handler. Exit then waits for them and removes their profiles.
    func endAll() {
        lock.lock()
        closing = true
        let instances = Array(live.values)
        lock.unlock()
        for instance in instances { instance.killNow() }
    }

    /// Sends SIGKILL to every bridge group, without waiting (an exit or a signal is under way).
    func killAll() {
        // try: a signal may arrive while the lock is held; then the bridges end by themselves.
        guard lock.try() else { return }
        let instances = Array(live.values)
        lock.unlock()
        for instance in instances { instance.killNow() }
    }
}

/// The default action of the signal, after our LibreOffice instances are gone.
private func pdfPoolSignalHandler(_ number: Int32) {
    PDFProcessReaper.shared.killAll()
    signal(number, SIG_DFL)
    raise(number)
}
