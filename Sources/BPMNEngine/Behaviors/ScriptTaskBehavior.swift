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
            throw failure(node: node, token: token, run: run, message: error.message, line: error.line,
                          timedOut: error.kind == .timeout, syntax: error.kind == .syntax, placeTimeout: false)
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
        let result: PythonScriptResult
        do {
            result = try run.python().run(source, variables: run.spiffData(token: token))
        } catch let error as PythonError {
            throw failure(node: node, token: token, run: run, message: error.description, line: error.line,
                          timedOut: error.kind == .timeout, syntax: error.kind == .syntax, placeTimeout: true)
        }
        run.applyScriptResult(result, token: token)
    }
}

extension ScriptTaskBehavior {
    /// Records a failed script in the trace and builds the error that stops the run, naming the
    /// task, the line inside the script and the line in the file. `placeTimeout`: say where a
    /// timed-out script was (Python reports the line it was interrupted at; JavaScript does not).
    func failure(node: FlowNode, token: Int, run: ProcessRun, message: String, line: Int?,
                 timedOut: Bool, syntax: Bool, placeTimeout: Bool) -> RunError {
        let scope = run.state.tokens[token]!.scope
        var extra: [(key: String, value: VariableValue)] = [("message", .string(message))]
        if let line { extra.append(("line", .integer(Int64(line)))) }
        run.emit(.scriptFailed, element: node.id, type: node.kind.rawValue, token: token, scope: scope, extra: extra)
        let scriptLine = node.script?.location.line ?? 0
        let place = line.map { " at line \($0) of the script" + (scriptLine > 0 ? " (file line \(scriptLine + $0 - 1))" : "") } ?? ""
        let what: String
        if timedOut {
            what = "was stopped\(placeTimeout ? place : "") after running longer than \(run.options.scriptTimeout) s (--script-timeout)"
        } else if syntax {
            what = "does not compile\(place): \(message)"
        } else {
            what = "failed\(place): \(message)"
        }
        return RunError(message: "script task '\(node.id)' \(what)", element: node.id, location: node.script?.location ?? node.location)
    }
}
