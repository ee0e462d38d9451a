#if canImport(Glibc)
import Glibc
#endif

/// Both clocks of one measurement. The ratios use CPU time of the measuring thread (user
/// and system, so file writes count): on a shared machine another process's burst stretches
/// wall time but not the work done, and the Python tools, timed minutes apart in another
/// process, would otherwise be compared against a different moment's load. Wall time is
/// shown beside it; on a quiet machine the two agree, since nothing here waits for a disk.
struct Timing {
    var cpu = Samples()
    var wall = Samples()

    /// Runs `body` once; records how long it took when `record` is true (false warms up).
    mutating func measure(record: Bool = true, _ body: () throws -> Void) rethrows {
        let (cpu0, wall0) = (Self.now(CLOCK_THREAD_CPUTIME_ID), Self.now(CLOCK_MONOTONIC))
        try body()
        let (cpu1, wall1) = (Self.now(CLOCK_THREAD_CPUTIME_ID), Self.now(CLOCK_MONOTONIC))
        if record {
            cpu.add(cpu1 - cpu0)
            wall.add(wall1 - wall0)
        }
    }

    private static func now(_ clock: clockid_t) -> Double {
        var t = timespec()
        clock_gettime(clock, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
