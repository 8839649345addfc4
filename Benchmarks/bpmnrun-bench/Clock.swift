#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic time and process memory, read straight from the OS so the measurement itself costs
/// next to nothing.
enum Clock {
    static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// CPU time (user + system) this process has used, in nanoseconds. On a shared machine this
    /// shows the work done even when other processes take the CPU away from the wall clock.
    static func cpuNanoseconds() -> UInt64 {
        let t = cpuTimes()
        return t.user + t.system
    }

    /// User and system CPU time so far, in nanoseconds, kept apart: system time is where writing a
    /// large file through a full page cache shows up (copying, dirty-page throttling, reclaim).
    static func cpuTimes() -> (user: UInt64, system: UInt64) {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func ns(_ t: timeval) -> UInt64 { UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_usec) * 1000 }
        return (ns(usage.ru_utime), ns(usage.ru_stime))
    }

    /// Peak resident set size of this process so far, in kilobytes (Linux reports ru_maxrss in KB).
    static func peakResidentKB() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if os(Linux)
        return Int(usage.ru_maxrss)
        #else
        return Int(usage.ru_maxrss) / 1024
        #endif
    }
}

/// Median and minimum of repeated timings.
struct Timings {
    var samples: [Double] = []
    var median: Double {
        let s = samples.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    var min: Double { samples.min() ?? .nan }
}
