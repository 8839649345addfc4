import BPMNModel
/// A link throw event jumps to the link catch event with the same name in the same scope.
struct LinkThrowBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let p = run.processes[t.process]
        let n = p.spec.nodes[t.node]
        guard let target = p.linkTargets[t.node] else {
            let name = n.eventDefinitions.first?.linkName ?? ""
            throw RunError(message: "link throw event '\(n.id)' has no link catch event named '\(name)' in the same scope",
                           element: n.id, location: n.location)
        }
        run.completeActivity(token)
        run.state.tokens[token]!.node = target
        run.state.tokens[token]!.arrivedVia = nil
        run.agenda.append(token)
    }
}
