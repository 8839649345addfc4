import BPMNModel

/// Intermediate catch events: wait for a message, signal, timer or condition; a link catch event
/// just passes the token on. A conditional event whose condition already holds passes at once, as
/// in Camunda.
struct CatchEventBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let n = run.node(t.process, t.node)
        guard let d = n.eventDefinitions.first else {
            throw RunError(message: "intermediate catch event '\(n.id)' has no event definition, so nothing can trigger it",
                           element: n.id, location: n.location)
        }
        switch d.kind {
        case .link:
            try run.leave(token)
        case .conditional where try run.conditionHolds(d, node: n, token: token, scope: t.scope):
            try run.leave(token)
        case .message, .signal, .timer, .conditional:
            try run.subscribe(process: t.process, node: t.node, token: token, scope: t.scope)
            run.wait(token, for: .waitingForEvent, extra: [("waitsFor", .string(d.kind.rawValue))])
        default:
            throw RunError(message: "intermediate catch event '\(n.id)' with a \(d.kind.rawValue) definition cannot be caught",
                           element: n.id, location: n.location)
        }
    }
}
