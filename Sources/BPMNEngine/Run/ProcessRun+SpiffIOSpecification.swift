import BPMNModel

/// Spiff dialect: a called process with an `<ioSpecification>` receives only its data inputs and
/// gives back only its data outputs (`bpmn/specs/mixins/subworkflow_task.py` `CallActivity.copy_data`
/// / `update_data`). A data input the caller's data lacks, or a data output the called process's
/// end data lacks, stops the run naming the call activity, as SpiffWorkflow's `WorkflowDataException`.
extension ProcessRun {
    /// The data a called process starts with: the caller's data, or only its declared inputs.
    func spiffCalledProcessStartData(process: Int, callerToken: Int) throws -> [String: VariableValue] {
        let data = spiffData(token: callerToken)
        guard let io = processes[process].spec.ioSpecification, !io.inputs.isEmpty else { return data }
        var inputs: [String: VariableValue] = [:]
        for item in io.inputs {
            guard let value = data[item.id] else {
                throw ioError(callerToken, process: process, "needs the data input '\(item.id)'",
                              "which the data at the call activity does not hold")
            }
            inputs[item.id] = value
        }
        return inputs
    }

    /// The caller's data after a called process with declared outputs completed: its own data with
    /// the outputs set (SpiffWorkflow sets each output on the calling task's data and keeps the rest).
    func spiffCalledProcessResult(_ end: [String: VariableValue], process: Int, callerToken: Int) throws -> [String: VariableValue]? {
        guard let io = processes[process].spec.ioSpecification, !io.outputs.isEmpty else { return nil }
        var data = spiffData(token: callerToken)
        for item in io.outputs {
            guard let value = end[item.id] else {
                throw ioError(callerToken, process: process, "declares the data output '\(item.id)'",
                              "which its data does not hold when it ends")
            }
            data[item.id] = value
        }
        return data
    }

    private func ioError(_ callerToken: Int, process: Int, _ what: String, _ why: String) -> RunError {
        let caller = state.tokens[callerToken].map { node(of: $0.id) }
        let callee = processes[process].spec.id
        return RunError(message: "call activity '\(caller?.id ?? "?")': the called process '\(callee)' \(what) (ioSpecification), \(why)",
                        element: caller?.id, location: caller?.location)
    }
}
