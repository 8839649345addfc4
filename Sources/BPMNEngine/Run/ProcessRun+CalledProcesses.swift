import BPMNModel

/// Processes reached through call activities are loaded on first use and kept for the run.
extension ProcessRun {
    /// The index (in `processes`) of the process a call activity calls.
    func loadCalledProcess(_ id: String, for callActivity: FlowNode, caller: Int) throws -> Int {
        if let i = processes.firstIndex(where: { $0.spec.id == id }) { return i }
        let callerProcess = processes[caller]
        let loaded: ExecutableProcess
        if let spec = callerProcess.definitions.process(id: id) {
            do {
                loaded = try ProcessCompiler.compile(callerProcess.definitions, process: spec, dialect: callerProcess.dialect)
            } catch {
                throw RunError(message: "called process '\(id)' cannot run: \(error)", element: callActivity.id,
                               location: callActivity.location)
            }
        } else if let resolver = options.calledProcessResolver {
            do {
                loaded = try resolver(id, callerProcess.fileName)
            } catch {
                throw RunError(message: "call activity '\(callActivity.id)' calls process '\(id)': \(error)", element: callActivity.id,
                               location: callActivity.location)
            }
        } else {
            throw RunError(message: "call activity '\(callActivity.id)' calls process '\(id)', which is not in \(callerProcess.fileName)",
                           element: callActivity.id, location: callActivity.location)
        }
        processes.append(loaded)
        state.processKeys.append(loaded.key)
        return processes.count - 1
    }
}
