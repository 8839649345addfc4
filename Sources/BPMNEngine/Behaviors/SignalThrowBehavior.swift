import BPMNModel
/// Signal throw events (intermediate and end): every subscription waiting for the signal catches it
/// before the thrower moves on, so a signal can interrupt the very scope that throws it.
struct SignalThrowBehavior: FlowNodeBehavior {
    var isEnd: Bool

    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let p = run.processes[t.process]
        let n = p.spec.nodes[t.node]
        let name = n.eventDefinitions.first.map { p.eventName($0) } ?? ""
        run.emit(.signalThrown, element: n.id, type: n.kind.rawValue, name: n.name, token: token, scope: t.scope,
                 extra: [("signal", .string(name))])
        try run.throwSignal(name, variables: [:], from: token)
        guard run.state.tokens[token] != nil else { return }
        try run.finishThrowEvent(token, isEnd: isEnd)
    }
}
