import BPMNModel

/// A user task waits for its form to be filled in. Assignee and candidate groups are resolved when
/// the task is created and recorded with the `waiting` event.
struct UserTaskBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        var extra: [(key: String, value: VariableValue)] = []
        if run.trace != nil, let t = run.state.tokens[token] {
            let task = run.waitingTask(for: t)
            if let a = task.assignee { extra.append(("assignee", .string(a))) }
            if let g = task.candidateGroups { extra.append(("candidateGroups", .string(g))) }
        }
        run.wait(token, extra: extra)
    }
}
