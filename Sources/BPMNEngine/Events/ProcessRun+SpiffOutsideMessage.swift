import BPMNModel

/// Spiff dialect: a message from outside the run carrying one value of any type, as a SpiffWorkflow
/// application sends it (`workflow.send_event(BpmnEvent(definition, {"payload": x, "result_var": v}))`,
/// `camunda/specs/event_definitions.py`): the catcher stores the value under the result variable the
/// sender names, else under `<catching id>_Response`.
extension ProcessRun {
    public func deliverMessage(_ name: String, payload: VariableValue, resultVariable: String?) throws {
        guard isSpiff else {
            throw RunError(message: "message '\(name)': a \"payload\" or \"resultVariable\" needs the spiff dialect; "
                + "under camunda a message carries variables (\"variables\": {...})")
        }
        try resumeForInput()
        let matching = state.subscriptions.values.filter { $0.kind == .message && $0.name == name }.sorted { $0.id < $1.id }
        guard let sub = matching.first else {
            settle()
            throw RunError(message: "no one waits for message '\(name)'; \(waitingSummary())")
        }
        let key = resultVariable.flatMap { $0.isEmpty ? nil : $0 } ?? "\(spiffCatcher(sub).id)_Response"
        emitReceived(.messageReceived, sub, name: name, variables: [key: payload])
        perform({ try trigger(sub, variables: [key: payload], payloadPlaced: true) }, at: nil)
        runAgenda()
    }
}
