import BPMNModel
/// A receive task waits for its message (`messageRef`); without one it waits like a task that is
/// completed by hand.
struct ReceiveTaskBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        if try run.subscribe(process: t.process, node: t.node, token: token, scope: t.scope) != nil {
            run.wait(token, for: .waitingForEvent, extra: [("waitsFor", .string("message"))])
        } else {
            run.wait(token)
        }
    }
}
