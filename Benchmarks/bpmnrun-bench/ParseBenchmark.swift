import BPMNEngine
import BPMNModel
import BPMNParser

/// `parse FILE [--repeat N]`: BPMNLoader (libxml2 SAX to the spec graph) + ProcessCompiler (JUEL
/// parsing, script syntax checks, behaviours), timed end to end, N times in this process.
enum ParseBenchmark {
    static func run(path: String, repeats: Int) throws -> [(String, String)] {
        var total = Timings(), load = Timings(), cpu = Timings()
        var nodes = 0, flows = 0
        for _ in 0..<max(1, repeats) {
            let c0 = Clock.cpuNanoseconds()
            let t0 = Clock.nanoseconds()
            let definitions = try BPMNLoader.load(path: path)
            let t1 = Clock.nanoseconds()
            let spec = try ExecutableProcess.selectProcess(in: definitions, id: nil)
            let process = try ProcessCompiler.compile(definitions, process: spec)
            let t2 = Clock.nanoseconds()
            cpu.samples.append(Double(Clock.cpuNanoseconds() - c0) / 1e6)
            load.samples.append(Double(t1 - t0) / 1e6)
            total.samples.append(Double(t2 - t0) / 1e6)
            nodes = process.spec.nodes.count
            flows = process.spec.flows.count
        }
        return [
            ("file", path), ("flow_nodes", "\(nodes)"), ("sequence_flows", "\(flows)"), ("repeats", "\(max(1, repeats))"),
            ("load_ms_median", format(load.median)), ("load_and_compile_ms_median", format(total.median)),
            ("load_and_compile_ms_min", format(total.min)), ("load_and_compile_cpu_ms_median", format(cpu.median)), ("peak_rss_kb", "\(Clock.peakResidentKB())"),
        ]
    }
}

func format(_ x: Double, digits: Int = 3) -> String {
    guard x.isFinite else { return "nan" }
    var p = 1.0
    for _ in 0..<digits { p *= 10 }
    let r = (x * p).rounded() / p
    return "\(r)"
}
