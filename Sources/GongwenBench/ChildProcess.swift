import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and reports its wall time, CPU time and peak memory. Spawned with
/// `posix_spawn` and reaped with `wait4`, because only `wait4`'s rusage gives a child's peak
/// resident set (Foundation's `Process` reaps the child itself and drops it). The program is
/// started by `gongwen-bench-peak`, which reports the program's own peak: spawned by the bench
/// directly, it would start from the bench's peak, as Linux carries the memory of the process
/// that calls exec into the new program's figure.
struct ChildProcess {
    struct Outcome {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        var seconds: Double
        /// User and system CPU time of the child and the children it waited for.
        var cpuSeconds: Double
        /// Peak resident set of the child (and any children it waited for), in bytes.
        var peakBytes: Int
        /// The start of its standard error, to show when it failed.
        var errors: String
    }

    /// The helper built beside this executable.
    static var peakHelper: URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("gongwen-bench-peak")
    }

    /// Runs `executable` with `arguments` and `environment` added to ours; standard output is
    /// discarded (a batch prints one path per file), standard error is kept in `errorLog`.
    /// `sampler`, when given, samples the memory of the program's process tree while it runs.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String],
                    errorLog: URL, sampler: TreeMemorySampler? = nil) throws -> Outcome {
        let helper = peakHelper
        guard FileManager.default.isExecutableFile(atPath: helper.path) else {
            throw BenchFailure("no gongwen-bench-peak beside the bench; build it first: swift build -c release --product gongwen-bench-peak")
        }
        let report = errorLog.appendingPathExtension("peak")
        defer { try? FileManager.default.removeItem(at: report) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorLog.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        let argv = ([helper.path, report.path, executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, helper.path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchFailure("cannot start \(helper.path): \(String(cString: strerror(spawned)))") }
        sampler?.start(root: pid)
        defer { _ = sampler?.stop() }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchFailure("wait4: \(String(cString: strerror(errno)))") }
        }
        let (s, attoseconds) = (ContinuousClock.now - start).components
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        let signal = status & 0x7F
        let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
        // The helper's own figure in `usage` is the bench's peak; the program's is in the report.
        let reported = (try? String(contentsOf: report, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard let peakKilobytes = reported else {
            throw BenchFailure("gongwen-bench-peak reported no peak memory: \(log.prefix(300))")
        }
        // The helper's CPU time is next to nothing; wait4 adds the program's, which it waited for.
        return Outcome(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal,
                       seconds: Double(s) + Double(attoseconds) * 1e-18,
                       cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
                       peakBytes: peakKilobytes * 1024,  // Linux reports kilobytes
                       errors: String(log.prefix(600)))
    }
}
