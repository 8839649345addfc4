import BPMNModel
/// Start events, plain tasks, manual tasks and throw events: nothing to do but leave, as in Camunda.
struct PassThroughBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        try run.leave(token)
    }
}
