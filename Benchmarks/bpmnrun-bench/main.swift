import BPMNModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// bpmnrun-bench: the measurements behind docs/performance.md (Benchmarks/run.sh drives them).
// Each subcommand prints `key: value` lines so the driver script can pick figures out.

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

let usage = """
usage: bpmnrun-bench parse FILE [--repeat N]
       bpmnrun-bench loop FILE [--trace PATH] [--repeat N] [--expect-var NAME=JSON]
       bpmnrun-bench juel-loop ITERATIONS OUT.bpmn
"""

func option(_ name: String, in args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func expectation(_ text: String?) throws -> (String, VariableValue)? {
    guard let text else { return nil }
    guard let eq = text.firstIndex(of: "=") else { throw BenchError("--expect-var takes NAME=JSON, not '\(text)'") }
    return (String(text[..<eq]), try JSONText.decode(String(text[text.index(after: eq)...])))
}

let args = Array(CommandLine.arguments.dropFirst())
do {
    guard args.count >= 2 else { throw BenchError(usage) }
    let repeats = Int(option("--repeat", in: args) ?? "1") ?? 1
    let lines: [(String, String)]
    switch args[0] {
    case "parse":
        lines = try ParseBenchmark.run(path: args[1], repeats: repeats)
    case "loop":
        lines = try LoopBenchmark.run(path: args[1], tracePath: option("--trace", in: args), repeats: repeats,
                                      expect: try expectation(option("--expect-var", in: args)))
    case "juel-loop":
        guard args.count >= 3, let k = Int(args[1]), k > 0 else { throw BenchError(usage) }
        guard let f = fopen(args[2], "w") else { throw BenchError("cannot write \(args[2])") }
        fputs(JUELLoopDiagram.xml(iterations: k), f)
        fclose(f)
        lines = [("wrote", args[2]), ("iterations", "\(k)"), ("flow_nodes_per_run", "\(3 * k + 3)")]
    default:
        throw BenchError(usage)
    }
    for (key, value) in lines { print("\(key): \(value)") }
} catch {
    let message = "bpmnrun-bench: \(error)\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    exit(2)
}
