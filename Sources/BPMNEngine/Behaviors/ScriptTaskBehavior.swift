import BPMNExpressions
import BPMNModel
import BPMNScripting

/// Runs the script (JavaScript in the embedded engine, or JUEL) and stores its value in
/// `camunda:resultVariable`. Script-local variables are not kept: only `execution.setVariable` and
/// the result variable write process variables, as in Camunda.
struct ScriptTaskBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let node = run.node(t.process, t.node)
        guard let script = run.processes[t.process].scripts[t.node] else {
            throw RunError(message: "script task '\(node.id)' has no runnable script", element: node.id, location: node.location)
        }
        run.context.token = token
        run.context.source = "script"
        let value: VariableValue
        do {
            switch script {
            case .javascript(let source):
                value = try run.javaScript.run(source, context: run.context, scriptName: node.id)
            case .juel(let expression):
                value = try expression.evaluate(in: run.context)
            }
        } catch let error as ScriptError {
            var extra: [(key: String, value: VariableValue)] = [("message", .string(error.message))]
            if let line = error.line { extra.append(("line", .integer(Int64(line)))) }
            run.emit(.scriptFailed, element: node.id, type: node.kind.rawValue, token: token, scope: t.scope, extra: extra)
            let scriptLine = node.script?.location.line ?? 0
            let place = error.line.map { " at line \($0) of the script" + (scriptLine > 0 ? " (file line \(scriptLine + $0 - 1))" : "") } ?? ""
            let what: String
            switch error.kind {
            case .timeout: what = "was stopped after running longer than \(run.options.scriptTimeout) s (--script-timeout)"
            case .syntax: what = "does not compile\(place): \(error.message)"
            default: what = "failed\(place): \(error.message)"
            }
            throw RunError(message: "script task '\(node.id)' \(what)", element: node.id, location: node.script?.location ?? node.location)
        } catch {
            run.emit(.scriptFailed, element: node.id, type: node.kind.rawValue, token: token, scope: t.scope,
                     extra: [("message", .string("\(error)"))])
            throw RunError(message: "script task '\(node.id)' failed: \(error)", element: node.id, location: node.location)
        }
        if let result = node.camunda("resultVariable") {
            run.setVariable(result, value, fromScope: t.scope, token: token, source: "script")
        }
        try run.leave(token)
    }
}
