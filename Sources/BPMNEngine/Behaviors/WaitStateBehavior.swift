/// Receive tasks and intermediate catch events wait until the user (or an answers step) completes them.
struct WaitStateBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        run.wait(token)
    }
}
