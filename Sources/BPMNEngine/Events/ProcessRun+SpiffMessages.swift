import BPMNModel

/// Spiff dialect: a message thrown inside the run (intermediate throw, message end event, send
/// task) is caught inside the run, as SpiffWorkflow's `MessageEventDefinition.throw` hands it to
/// `workflow.top_workflow.catch` (`camunda/specs/event_definitions.py`). The payload is the
/// Python value of the definition's `camunda:expression`, evaluated on the thrower's data; the
/// catcher stores it under the thrower's `camunda:resultVariable`, else `<catching id>_Response`.
extension ProcessRun {
    /// The payload a throw event sends: its `camunda:expression`, or `None` without one
    /// (SpiffWorkflow 3.2.0 fails there with "Error evaluating expression 'None'"; bpmnrun sends
    /// no value instead, as an application would expect from a plain message).
    func spiffMessagePayload(thrownBy n: FlowNode, token: Int) throws -> VariableValue {
        guard let definition = n.eventDefinitions.first(where: { $0.kind == .message }),
              let text = definition.camundaAttributes["expression"], !text.trimmingWhitespace().isEmpty else { return .null }
        let spec = ExpressionSpec(text: text, location: definition.location)
        return try evaluatePython(spec, token: token, element: n, what: "camunda:expression")
    }

    /// Gives a thrown message to the oldest subscription waiting for it; nothing happens when no
    /// one waits (SpiffWorkflow keeps it in `workflow.get_events()`; bpmnrun's trace records it as sent).
    func deliverSpiffMessage(_ name: String, payload: VariableValue, resultVariable: String?) throws {
        let matching = state.subscriptions.values.filter { $0.kind == .message && $0.name == name }.sorted { $0.id < $1.id }
        guard let sub = matching.first else { return }
        let catcher = spiffCatcher(sub)
        let key = resultVariable.flatMap { $0.isEmpty ? nil : $0 } ?? "\(catcher.id)_Response"
        emitReceived(.messageReceived, sub, name: name, variables: [key: payload])
        try trigger(sub, variables: [key: payload], payloadPlaced: true)
    }
}
