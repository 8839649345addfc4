import BPMNExpressions
import BPMNModel

/// Service, send and business rule tasks. A `camunda:expression` is evaluated (its value goes to
/// `camunda:resultVariable`); work done by Java code or an external worker (class, delegateExpression,
/// type="external", decisionRef, connector) cannot run here, so the task waits for the user to enter
/// its results, or is skipped with `--service-tasks skip`.
struct ServiceTaskBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let node = run.node(t.process, t.node)
        if try run.runServiceExpression(token) {
            try run.leave(token)
            return
        }
        if run.options.serviceTasks == .skip {
            let implementation = node.camunda("class") ?? node.camunda("delegateExpression") ?? node.camunda("topic").map { "external:\($0)" }
                ?? node.camunda("decisionRef").map { "decision:\($0)" } ?? "none"
            run.emit(.serviceSkipped, element: node.id, type: node.kind.rawValue, name: node.name, token: token, scope: t.scope,
                     extra: [("implementation", .string(implementation))])
            try run.leave(token)
            return
        }
        run.wait(token)
    }
}
