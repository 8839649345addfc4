/// Timestamps taken every time the engine checks for interruption (every 1024 node executions),
/// so the cost of the first and last tenth of one long run can be compared without touching the
/// engine's hot path.
/// Wall-clock, user and system CPU time are kept apart: on a shared machine CPU time shows whether
/// the work per node grows, whatever else runs, and system time shows what writing the trace file
/// costs in the kernel (it grows when the page cache fills with dirty pages), which is not work
/// the engine does per node.
final class ProgressSampler: @unchecked Sendable {
    var wall: [UInt64] = []
    var user: [UInt64] = []
    var system: [UInt64] = []
    init(expected: Int) {
        wall.reserveCapacity(expected / 1024 + 16)
        user.reserveCapacity(expected / 1024 + 16)
        system.reserveCapacity(expected / 1024 + 16)
    }
    func sample() -> Bool {
        wall.append(Clock.nanoseconds())
        let t = Clock.cpuTimes()
        user.append(t.user)
        system.append(t.system)
        return false
    }

    /// User + system time at each sample.
    var cpu: [UInt64] { zip(user, system).map { $0 + $1 } }

    /// Nanoseconds per node over the first and the last `fraction` of the samples: the mean
    /// (total time over the span) and the median of the per-sample intervals in the span (which
    /// a few slow intervals, such as another process taking the CPU, do not move).
    static func edgeCosts(_ series: [UInt64], fraction: Double, stepsPerSample: Int)
        -> (first: Double, last: Double, firstMedian: Double, lastMedian: Double)? {
        let n = series.count
        let span = Int(Double(n) * fraction)
        guard span >= 1, n > 2 * span else { return nil }
        let perNode = Double(stepsPerSample)
        func intervals(_ range: Range<Int>) -> Timings {
            Timings(samples: range.map { Double(series[$0 + 1] - series[$0]) / perNode })
        }
        return (Double(series[span] - series[0]) / (Double(span) * perNode),
                Double(series[n - 1] - series[n - 1 - span]) / (Double(span) * perNode),
                intervals(0..<span).median, intervals((n - 1 - span)..<(n - 1)).median)
    }
}
