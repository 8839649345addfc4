import BPMNModel
import BPMNExpressions

/// Call activity: starts the called process (same file, same folder or `--lib`) in a scope of its
/// own that sees only the variables `camunda:in` passes; `camunda:out` copies results back when it
/// ends. BPMN errors and escalations from inside reach the call activity's boundary events.
struct CallActivityBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let n = run.node(t.process, t.node)
        guard var called = n.calledElement, !called.isEmpty else {
            throw RunError(message: "call activity '\(n.id)' has no calledElement", element: n.id, location: n.location)
        }
        if JUELExpression.containsExpression(called) {
            called = try run.evaluateJUEL(called, token: token, element: n, what: "calledElement").displayText
        }
        let index = try run.loadCalledProcess(called, for: n, caller: t.process)
        let target = run.processes[index]
        guard let start = target.noneStartEvents[-1] else {
            throw RunError(message: "called process '\(called)' has no none start event, so call activity '\(n.id)' cannot start it",
                           element: n.id, location: n.location)
        }
        let variables = try run.inVariables(for: n, callerToken: token)
        let child = try run.startChildScope(kind: .calledProcess, process: index, node: nil, parentToken: token, startEvent: start)
        let scope = run.state.tokens[child]!.scope
        for name in variables.keys.sorted() {
            run.setVariableLocal(name, variables[name]!, scope: scope, token: child, source: "in")
        }
        try run.runProcessListeners(process: index, event: "start", token: child)
    }
}
