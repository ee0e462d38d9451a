import Foundation
import Gongwen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One updating line on a terminal while a batch checks and renders: how many forms are done
/// (of how many, once that is known), how many per second, and about how long is left. Shown
/// only when standard error is a terminal, so that logs and pipes stay clean. The batch
/// itself only reports counts (`BatchProgress`); drawing them is the command line's business.
final class TerminalProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let output: FileHandle
    private let action: String
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    /// `action` says what is counted: 已检查 while a list is checked, 已生成 while it renders.
    init(action: String, output: FileHandle = .standardError) {
        self.action = action
        self.output = output
    }

    /// A progress line on standard error, or nil when standard error is not a terminal.
    static func onTerminal(action: String) -> BatchProgress? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let line = TerminalProgress(action: action)
        return BatchProgress(update: line.update, finish: line.finish)
    }

    /// Reports `done` of `total` (nil while the total is not known); redraws at most ten
    /// times a second, and always at the end.
    func update(done: Int, total: Int?) {
        lock.withLock {
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
            lastDrawn = now
            drawn = true
            let text = Self.line(action: action, done: done, total: total, elapsed: now.timeIntervalSince(started))
            output.write(Data(("\r\u{1B}[K" + text).utf8))
        }
    }

    /// Ends the line, so what is printed next starts on its own line.
    func finish() {
        lock.withLock { if drawn { output.write(Data("\n".utf8)) } }
    }

    /// `已生成 120/1000 份（85.3 份/秒，约剩 0:10）`, or `已检查 120 份（85.3 份/秒）`.
    static func line(action: String, done: Int, total: Int?, elapsed: TimeInterval) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "\(action) \(done)\(total.map { "/\($0)" } ?? "") 份（\(String(format: "%.1f", rate)) 份/秒"
        if rate > 0, let total, done < total {
            let left = Int((Double(total - done) / rate).rounded(.up))
            text += "，约剩 \(left / 60):\(String(format: "%02d", left % 60))"
        }
        return text + "）"
    }
}
