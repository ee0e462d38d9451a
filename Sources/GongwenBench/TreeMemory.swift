import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The memory of a whole process tree, sampled while it runs: a PDF batch is `gongwen` plus
/// a bridge and a soffice.bin per instance, and instances are replaced as they go, so no one
/// process's `ru_maxrss` says what the batch costs. Every ~100 ms the sampler finds the
/// descendants of the root through /proc (parent pids from `/proc/PID/stat`) and adds up
/// their `Rss:` and `Pss:` from `/proc/PID/smaps_rollup`; the peaks of both sums are kept.
///
/// RSS counts a library mapped by two LibreOffices twice; PSS shares it out, also with any
/// other LibreOffice on the machine, so it moves with what other people run. Both are given;
/// the flatness goal uses the RSS sum, which depends on this tree alone.
final class TreeMemorySampler: @unchecked Sendable {
    struct Peak: Sendable {
        var rssBytes = 0
        var pssBytes = 0
        var processes = 0
        var samples = 0
    }

    private let lock = NSLock()
    private var peak = Peak()
    private var running = false
    private let done = DispatchSemaphore(value: 0)
    let interval: TimeInterval

    init(interval: TimeInterval = 0.1) { self.interval = interval }

    /// Starts sampling the descendants of `root` (not `root` itself) on a thread of its own.
    func start(root: pid_t) {
        lock.lock()
        running = true
        lock.unlock()
        let thread = Thread { [self] in
            while isRunning {
                sample(root)
                Thread.sleep(forTimeInterval: interval)
            }
            done.signal()
        }
        thread.start()
    }

    /// Stops sampling and returns the peaks.
    func stop() -> Peak {
        lock.lock()
        let wasRunning = running
        running = false
        lock.unlock()
        if wasRunning { done.wait() }
        lock.lock()
        defer { lock.unlock() }
        return peak
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func sample(_ root: pid_t) {
        var rss = 0, pss = 0, count = 0
        for pid in Self.descendants(of: root) {
            guard let rollup = Self.read("/proc/\(pid)/smaps_rollup") else { continue }  // ended meanwhile
            rss += Self.kilobytes("Rss:", in: rollup)
            pss += Self.kilobytes("Pss:", in: rollup)
            count += 1
        }
        lock.lock()
        peak.rssBytes = max(peak.rssBytes, rss * 1024)
        peak.pssBytes = max(peak.pssBytes, pss * 1024)
        peak.processes = max(peak.processes, count)
        peak.samples += 1
        lock.unlock()
    }

    /// Every process whose chain of parents reaches `root`.
    static func descendants(of root: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var children: [pid_t: [pid_t]] = [:]
        for entry in entries {
            guard let pid = pid_t(entry), let stat = read("/proc/\(pid)/stat"),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm)": state, then the parent's pid. comm may hold spaces and ")".
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parent = pid_t(fields[1]) else { continue }
            children[parent, default: []].append(pid)
        }
        var found: [pid_t] = []
        var queue = children[root] ?? []
        while let pid = queue.popLast() {
            found.append(pid)
            queue += children[pid] ?? []
        }
        return found
    }

    private static func kilobytes(_ key: String, in text: String) -> Int {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
        return Int(line.dropFirst(key.count).split(separator: " ").first ?? "") ?? 0
    }

    /// A /proc file, read to its end (their size shows as 0).
    private static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 4096) }
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        return data.isEmpty ? nil : String(decoding: data, as: UTF8.self)
    }
}
