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
        if let expression = run.processes[t.process].expressions[t.node], case .juel(let juel) = expression {
            run.context.token = token
            run.context.source = "expression"
            let value: VariableValue
            do {
                value = try juel.evaluate(in: run.context)
            } catch {
                run.emit(.scriptFailed, element: node.id, type: node.kind.rawValue, token: token, scope: t.scope,
                         extra: [("message", .string("\(error)"))])
                throw RunError(message: "\(error) (camunda:expression of \(node.kind.rawValue) '\(node.id)')",
                               element: node.id, location: node.location)
            }
            if let result = node.camunda("resultVariable") {
                run.setVariable(result, value, fromScope: t.scope, token: token, source: "expression")
            }
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
