import BPMNModel
/// A none end event ends its token; the scope completes when its last token has ended.
/// (Message, signal, escalation and compensation end events end the token the same way until
/// events are delivered.)
struct NoneEndEventBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        run.completeActivity(token)
        run.endToken(token)
    }
}
