import BPMNExpressions
import BPMNModel
import BPMNPython
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
        if case .python(let source) = script {
            try runPython(source, token: token, node: node, run: run)
            try run.leave(token)
            return
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
            case .python:
                value = .null  // handled above
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

extension ScriptTaskBehavior {
    /// Spiff dialect: the script runs with the task data as its globals; what it assigns, adds or
    /// deletes becomes the task data (`bpmn/script_engine/python_environment.py`
    /// `TaskDataEnvironment.execute`). A failure stops the run with the Python error, the line
    /// inside the script and the line in the file.
    func runPython(_ source: String, token: Int, node: FlowNode, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let result: PythonScriptResult
        do {
            result = try run.python().run(source, variables: run.spiffData(token: token))
        } catch let error as PythonError {
            var extra: [(key: String, value: VariableValue)] = [("message", .string(error.description))]
            if let line = error.line { extra.append(("line", .integer(Int64(line)))) }
            run.emit(.scriptFailed, element: node.id, type: node.kind.rawValue, token: token, scope: t.scope, extra: extra)
            let scriptLine = node.script?.location.line ?? 0
            let place = error.line.map { " at line \($0) of the script" + (scriptLine > 0 ? " (file line \(scriptLine + $0 - 1))" : "") } ?? ""
            let what: String
            switch error.kind {
            case .timeout: what = "was stopped\(place) after running longer than \(run.options.scriptTimeout) s (--script-timeout)"
            case .syntax: what = "does not compile\(place): \(error)"
            default: what = "failed\(place): \(error)"
            }
            throw RunError(message: "script task '\(node.id)' \(what)", element: node.id, location: node.script?.location ?? node.location)
        }
        run.applyScriptResult(result, token: token)
    }
}
