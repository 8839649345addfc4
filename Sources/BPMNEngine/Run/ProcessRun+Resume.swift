import BPMNModel

/// Continuing a saved run: the state of a stopped run (for example decoded from JSON) against the
/// same process. Tokens stay where they were; completing a waiting task runs on from there.
extension ProcessRun {
    public convenience init(process: ExecutableProcess, resuming saved: InstanceState, options: RunOptions = RunOptions(),
                            trace: TraceSink? = nil) throws {
        guard saved.processId == process.spec.id else {
            throw RunError(message: "the saved state belongs to process '\(saved.processId)', not '\(process.spec.id)'")
        }
        let nodeCount = process.spec.nodes.count
        if let stray = saved.tokens.values.first(where: { $0.node < 0 || $0.node >= nodeCount }) {
            throw RunError(message: "the saved state does not fit this diagram: token \(stray.id) is at node \(stray.node), "
                               + "but the process has \(nodeCount) flow nodes")
        }
        self.init(process: process, options: options, trace: trace)
        state = saved
        // Called processes the saved run had reached are loaded again, in the same order.
        state.processKeys = [process.key]
        for key in saved.processKeys.dropFirst() {
            guard let id = key.split(separator: "#").last.map(String.init) else { continue }
            _ = try loadCalledProcess(id, for: process.spec.nodes.first ?? FlowNode(id: id, kind: .callActivity), caller: 0)
        }
    }
}
