import BPMNModel
/// Event-based gateway: the token waits at the gateway with a subscription for every event (or
/// receive task) after it; the first to happen wins and the others are cancelled.
struct EventBasedGatewayBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let p = run.processes[t.process]
        let n = p.spec.nodes[t.node]
        var events: [VariableValue] = []
        for flow in n.outgoing {
            guard let target = p.spec.flows[flow].target else { continue }
            let tn = p.spec.nodes[target]
            if tn.kind == .intermediateCatchEvent, let d = tn.eventDefinitions.first, d.kind == .conditional,
               try run.conditionHolds(d, node: tn, token: token, scope: t.scope) {
                // A condition that already holds wins at once.
                let sub = EventSubscription(id: 0, kind: .conditional, name: d.condition?.text ?? "", process: t.process,
                                            node: target, token: token, scope: t.scope)
                try run.trigger(sub, variables: [:])
                return
            }
            guard try run.subscribe(process: t.process, node: target, token: token, scope: t.scope) != nil else {
                throw RunError(message: "event-based gateway '\(n.id)' is followed by '\(tn.id)', which is not a message, signal, timer or conditional catch event or a receive task",
                               element: n.id, location: n.location)
            }
            events.append(.string(tn.id))
        }
        run.wait(token, for: .waitingForEvent, extra: [("events", .array(events))])
    }
}
