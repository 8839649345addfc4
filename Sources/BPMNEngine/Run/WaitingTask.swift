import BPMNExpressions
import BPMNModel

/// A token waiting for someone to complete its task: what the terminal shows and answers name.
public struct WaitingTask: Sendable {
    public var token: Int
    public var node: FlowNode
    /// Why it waits: a user task, a service task whose work is done outside, a catch event...
    public var reason: String
    /// The element's name with `${}` expressions resolved, as Camunda names a task (nil when unnamed).
    public var name: String?
    /// Assignee and candidate groups with their expressions resolved (nil when absent).
    public var assignee: String?
    public var candidateGroups: String?
    public var candidateUsers: String?
    /// The variable a service task's result goes to, if declared.
    public var resultVariable: String?
    /// The task's form, if it has `camunda:formData` / `formKey`.
    public var form: FormSpec?
}

extension ProcessRun {
    /// Tokens waiting at tasks and events that a user completes, in token order.
    public var waitingTasks: [WaitingTask] {
        state.tokens.values.filter { $0.state == .waiting }.sorted { $0.id < $1.id }.map { waitingTask(for: $0) }
    }

    func waitingTask(for token: Token) -> WaitingTask {
        let node = processes[token.process].spec.nodes[token.node]
        context.token = token.id
        func resolve(_ attribute: String) -> String? {
            guard let text = node.camunda(attribute) else { return nil }
            guard JUELExpression.containsExpression(text) else { return text }
            // Camunda would fail creating the task here; bpmnrun shows the problem and lets the user go on.
            do {
                return try JUELExpression(parsing: text).evaluate(in: context).description
            } catch {
                return "\(text) (not resolved: \(error))"
            }
        }
        let reason: String
        switch node.kind {
        case .userTask: reason = "user task"
        case .serviceTask, .businessRuleTask:
            if node.camunda("type") == "external" { reason = "external task (topic \(node.camunda("topic") ?? "?"))" }
            else if let c = node.camunda("class") { reason = "service task (Java class \(c))" }
            else if let d = node.camunda("delegateExpression") { reason = "service task (delegate \(d))" }
            else if let d = node.camunda("decisionRef") { reason = "business rule task (decision \(d))" }
            else { reason = "\(node.kind.rawValue) completed by hand" }
        case .receiveTask: reason = "receive task (message \(node.messageRef ?? "?"))"
        default: reason = "\(node.kind.rawValue) waiting for its event"
        }
        var name = node.name
        if let text = node.name, JUELExpression.containsExpression(text) {
            name = (try? JUELExpression(parsing: text).evaluate(in: context).description) ?? text
        }
        return WaitingTask(token: token.id, node: node, reason: reason, name: name, assignee: resolve("assignee"),
                           candidateGroups: resolve("candidateGroups"), candidateUsers: resolve("candidateUsers"),
                           resultVariable: node.camunda("resultVariable"), form: node.form)
    }

    /// Completes a waiting task with these variables (already validated by the caller against the
    /// form), then runs on until every token waits again or the instance ends.
    public func complete(token tokenId: Int, variables: [String: VariableValue], source: String = "form") throws {
        guard let token = state.tokens[tokenId], token.state == .waiting else {
            throw RunError(message: "token \(tokenId) is not waiting at a task")
        }
        guard state.status == .waiting || state.status == .running else {
            throw RunError(message: "the run has stopped (\(state.status.rawValue)); nothing can be completed")
        }
        state.status = .running
        for name in variables.keys.sorted() {
            if isSpiff {
                writeTaskData(name, variables[name]!, token: tokenId, source: source)
            } else {
                setVariable(name, variables[name]!, fromScope: token.scope, token: tokenId, source: source)
            }
        }
        state.tokens[tokenId]!.state = .ready
        perform({
            let n = processes[token.process].spec.nodes[token.node]
            if !n.extensions.taskListeners.isEmpty { try runTaskListeners(n, event: "complete", token: tokenId) }
            try leave(tokenId)
        }, at: token)
        runAgenda()
    }

    /// Evaluates a form field's default value (which may be a `${}` expression) for a waiting token.
    public func resolveDefault(_ text: String, token: Int) throws -> VariableValue {
        guard JUELExpression.containsExpression(text) else { return .string(text) }
        context.token = token
        return try JUELExpression(parsing: text).evaluate(in: context)
    }
}

extension ProcessRun {
    /// Records that input from outside (an answers step) was rejected: the run keeps waiting, and the
    /// trace's `error` says why it stopped.
    public func recordRejectedInput(_ error: RunError) {
        state.error = error
    }

    /// Whether the instance still has tokens waiting for a user (not only at joins).
    public var hasWaitingTasks: Bool { state.tokens.values.contains { $0.state == .waiting } }
}
