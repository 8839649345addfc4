import BPMNEngine
import BPMNModel
import BPMNParser

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
        // First and last tenth of each run, per clock: medians over the repeats.
        var edges: [String: (first: Timings, last: Timings)] = [:]
        func addEdges(_ key: String, _ series: [UInt64], typical: Bool = false) {
            guard let e = ProgressSampler.edgeCosts(series, fraction: 0.1, stepsPerSample: 1024) else { return }
            edges[key, default: (Timings(), Timings())].first.samples.append(typical ? e.firstMedian : e.first)
            edges[key, default: (Timings(), Timings())].last.samples.append(typical ? e.lastMedian : e.last)
        }
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
            addEdges("ns", sampler.wall)
            addEdges("cpu_ns", sampler.cpu)
            addEdges("cpu_ns_typical", sampler.cpu, typical: true)
            addEdges("user_ns", sampler.user)
            addEdges("sys_ns", sampler.system)
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
        // `X_per_node_first_10pct`: mean over the first tenth; `cpu_ns_typical_...`: the median
        // 1024-node interval of that tenth.
        for key in ["ns", "cpu_ns", "cpu_ns_typical", "user_ns", "sys_ns"] {
            guard let e = edges[key] else { continue }
            out.append(("\(key)_per_node_first_10pct", format(e.first.median, digits: 1)))
            out.append(("\(key)_per_node_last_10pct", format(e.last.median, digits: 1)))
        }
        out.append(("peak_rss_kb", "\(Clock.peakResidentKB())"))
        return out
    }
}

extension VariableValue {
    var benchText: String { JSONText.encode(self) }
}
