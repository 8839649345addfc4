import BPMNModel

/// A user task waits for its form to be filled in. Assignee and candidate groups are resolved when
/// the task is created and recorded with the `waiting` event; `create` (and, with an assignee,
/// `assignment`) task listeners run then.
struct UserTaskBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let n = run.node(of: token)
        var extra: [(key: String, value: VariableValue)] = []
        var assignee: String?
        if run.trace != nil || !n.extensions.taskListeners.isEmpty, let t = run.state.tokens[token] {
            let task = run.waitingTask(for: t)
            assignee = task.assignee
            if let a = task.assignee { extra.append(("assignee", .string(a))) }
            if let g = task.candidateGroups { extra.append(("candidateGroups", .string(g))) }
        }
        if !n.extensions.taskListeners.isEmpty {
            try run.runTaskListeners(n, event: "create", token: token)
            if assignee != nil { try run.runTaskListeners(n, event: "assignment", token: token) }
        }
        guard run.state.tokens[token] != nil else { return }
        run.wait(token, extra: extra)
    }
}
