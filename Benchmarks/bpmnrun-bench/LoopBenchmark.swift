import BPMNEngine
import BPMNModel
import BPMNParser

/// Timestamps taken every time the engine checks for interruption (every 1024 node executions),
/// so the cost of the first and last tenth of one long run can be compared without touching the
/// engine's hot path.
/// Both wall-clock and CPU time are kept: on a shared machine the CPU time shows whether the work
/// per node grows, whatever else runs.
final class ProgressSampler: @unchecked Sendable {
    var stamps: [UInt64] = []
    var cpuStamps: [UInt64] = []
    init(expected: Int) {
        stamps.reserveCapacity(expected / 1024 + 16)
        cpuStamps.reserveCapacity(expected / 1024 + 16)
    }
    func sample() -> Bool {
        stamps.append(Clock.nanoseconds())
        cpuStamps.append(Clock.cpuNanoseconds())
        return false
    }

    /// Nanoseconds per node over the first and the last `fraction` of the samples.
    func edgeCosts(_ series: [UInt64], fraction: Double, stepsPerSample: Int) -> (first: Double, last: Double)? {
        let n = series.count
        let span = Int(Double(n) * fraction)
        guard span >= 1, n > 2 * span else { return nil }
        let first = Double(series[span] - series[0]) / Double(span * stepsPerSample)
        let last = Double(series[n - 1] - series[n - 1 - span]) / Double(span * stepsPerSample)
        return (first, last)
    }
}

/// `loop FILE [--trace PATH] [--repeat N] [--expect-var name=value]`: loads and compiles once,
/// then runs the process to its end N times (a fresh instance each time) and reports the cost per
/// executed flow node. With --trace each run streams its JSON trace to PATH.
enum LoopBenchmark {
    static func run(path: String, tracePath: String?, repeats: Int, expect: (String, VariableValue)?) throws -> [(String, String)] {
        let definitions = try BPMNLoader.load(path: path)
        let spec = try ExecutableProcess.selectProcess(in: definitions, id: nil)
        let process = try ProcessCompiler.compile(definitions, process: spec)

        var perNode = Timings(), cpuPerNode = Timings()
        var nodes = 0
        var firstTenth = Timings(), lastTenth = Timings(), cpuFirstTenth = Timings(), cpuLastTenth = Timings()
        var status = ""
        var checked = "not checked"
        for _ in 0..<max(1, repeats) {
            let sampler = ProgressSampler(expected: 1 << 20)
            var options = RunOptions()
            options.shouldInterrupt = { sampler.sample() }
            let writer = try tracePath.map { try JSONTraceWriter(path: $0, diagramFile: path, processId: process.processId) }
            let run = ProcessRun(process: process, options: options, trace: writer)
            let c0 = Clock.cpuNanoseconds()
            let t0 = Clock.nanoseconds()
            run.start()
            run.finishTrace()
            let t1 = Clock.nanoseconds()
            let c1 = Clock.cpuNanoseconds()
            nodes = run.nodeExecutions
            perNode.samples.append(Double(t1 - t0) / Double(max(1, nodes)))
            cpuPerNode.samples.append(Double(c1 - c0) / Double(max(1, nodes)))
            if let edges = sampler.edgeCosts(sampler.stamps, fraction: 0.1, stepsPerSample: 1024),
               let cpuEdges = sampler.edgeCosts(sampler.cpuStamps, fraction: 0.1, stepsPerSample: 1024) {
                firstTenth.samples.append(edges.first)
                lastTenth.samples.append(edges.last)
                cpuFirstTenth.samples.append(cpuEdges.first)
                cpuLastTenth.samples.append(cpuEdges.last)
            }
            status = run.state.status.rawValue
            if let (name, want) = expect {
                let got = run.state.processVariables[name]
                checked = got == want ? "\(name)=\(want.benchText) ok" : "\(name)=\(got?.benchText ?? "unset") MISMATCH (want \(want.benchText))"
            }
            guard run.state.status == .completed else {
                throw BenchError("the run ended as \(status)\(run.state.error.map { ": \($0.message)" } ?? ""), not completed")
            }
        }
        var out: [(String, String)] = [
            ("file", path), ("trace", tracePath ?? "off"), ("repeats", "\(max(1, repeats))"), ("status", status),
            ("check", checked), ("flow_nodes_executed", "\(nodes)"),
            ("ns_per_node_median", format(perNode.median, digits: 1)), ("ns_per_node_min", format(perNode.min, digits: 1)),
            ("run_ms_median", format(perNode.median * Double(nodes) / 1e6)),
            ("cpu_ns_per_node_median", format(cpuPerNode.median, digits: 1)), ("cpu_ns_per_node_min", format(cpuPerNode.min, digits: 1)),
        ]
        if !firstTenth.samples.isEmpty {
            out.append(("ns_per_node_first_10pct", format(firstTenth.median, digits: 1)))
            out.append(("ns_per_node_last_10pct", format(lastTenth.median, digits: 1)))
            out.append(("cpu_ns_per_node_first_10pct", format(cpuFirstTenth.median, digits: 1)))
            out.append(("cpu_ns_per_node_last_10pct", format(cpuLastTenth.median, digits: 1)))
        }
        out.append(("peak_rss_kb", "\(Clock.peakResidentKB())"))
        return out
    }
}

extension VariableValue {
    var benchText: String { JSONText.encode(self) }
}
