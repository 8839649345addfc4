import BPMNModel
/// Compensation throw events (intermediate and end): undo the completed activities of the scope
/// (or the one `activityRef` names) by running their compensation handlers, newest first.
struct CompensationThrowBehavior: FlowNodeBehavior {
    var isEnd: Bool

    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let n = run.node(t.process, t.node)
        guard let d = n.eventDefinitions.first else { return }
        guard try run.throwCompensation(from: token, definition: d) else { return }  // waits for the handlers
        try run.finishThrowEvent(token, isEnd: isEnd)
    }
}
