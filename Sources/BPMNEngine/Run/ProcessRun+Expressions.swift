import BPMNExpressions
import BPMNModel
import BPMNScripting

/// Evaluating the expressions and scripts that are not compiled into the process at load time:
/// I/O parameters, listeners, timers, event names, multi-instance and loop expressions. Each
/// distinct JUEL text is parsed once per run.
extension ProcessRun {
    func juel(_ text: String) throws(ExpressionError) -> JUELExpression {
        if let cached = juelCache[text] { return cached }
        do {
            let e = try JUELExpression(parsing: text)
            juelCache[text] = e
            return e
        } catch {
            throw ExpressionError("\(error)")
        }
    }

    /// Evaluates JUEL (or plain text) for a token, or for a scope when no token applies.
    /// Points the shared execution context at a token, or at a scope when no token applies, for `body`.
    private func inContext<T>(token: Int?, scope: Int?, _ body: () throws -> T) rethrows -> T {
        let previousScope = context.scopeOverride
        context.token = token ?? 0
        context.scopeOverride = token == nil ? (scope ?? 1) : nil
        defer { context.scopeOverride = previousScope }
        return try body()
    }

    func evaluateJUEL(_ text: String, token: Int?, scope: Int? = nil, element: FlowNode, what: String) throws -> VariableValue {
        try inContext(token: token, scope: scope) {
            try evaluateJUELInContext(text, element: element, what: what)
        }
    }

    private func evaluateJUELInContext(_ text: String, element: FlowNode, what: String) throws -> VariableValue {
        do {
            return try juel(text).evaluate(in: context)
        } catch {
            throw RunError(message: "\(error.message) (\(what) of \(element.kind.rawValue) '\(element.id)')", element: element.id,
                           location: element.location)
        }
    }

    func evaluateJUELCondition(_ text: String, token: Int?, scope: Int? = nil, element: FlowNode, what: String) throws -> Bool {
        let value = try evaluateJUEL(text, token: token, scope: scope, element: element, what: what)
        switch value {
        case .boolean(let b): return b
        case .string(let s) where s == "true" || s == "false": return s == "true"
        case .null: return false
        default:
            throw RunError(message: "\(what) of \(element.kind.rawValue) '\(element.id)' does not return a Boolean: \(value)",
                           element: element.id, location: element.location)
        }
    }

    /// Whether a conditional event definition's condition holds.
    func conditionHolds(_ d: EventDefinition, node: FlowNode, token: Int?, scope: Int) throws -> Bool {
        guard let text = d.condition?.text, !text.isEmpty else { return false }
        if isSpiff, let spec = d.condition {
            return try evaluatePythonCondition(spec, token: token, scope: scope, element: node, what: "condition")
        }
        if ScriptLanguage(format: d.condition?.language) == .javascript {
            return try runScript(.javascript(text), token: token, scope: scope, element: node, what: "condition") == .boolean(true)
        }
        return try evaluateJUELCondition(text, token: token, scope: scope, element: node, what: "condition")
    }

    /// Runs a script (listener, I/O parameter) for a token or scope and returns its value.
    func runScript(_ script: CompiledScript, token: Int?, scope: Int? = nil, element: FlowNode, what: String) throws -> VariableValue {
        try inContext(token: token, scope: scope) { try runScriptInContext(script, element: element, what: what) }
    }

    private func runScriptInContext(_ script: CompiledScript, element: FlowNode, what: String) throws -> VariableValue {
        do {
            switch script {
            case .javascript(let source): return try javaScript.run(source, context: context, scriptName: element.id)
            case .juel(let e): return try e.evaluate(in: context)
            case .python(let source):
                return try python().evaluate(source, variables: spiffData(token: context.scopeOverride == nil ? context.token : nil))
            }
        } catch let error as ScriptError {
            let line = error.line.map { " at line \($0) of the script" } ?? ""
            throw RunError(message: "\(what) script of \(element.kind.rawValue) '\(element.id)' failed\(line): \(error.message)",
                           element: element.id, location: element.location)
        } catch {
            throw RunError(message: "\(what) of \(element.kind.rawValue) '\(element.id)' failed: \(error)", element: element.id,
                           location: element.location)
        }
    }

    /// A script spec (listener, I/O parameter) ready to run: JavaScript or JUEL.
    func compile(_ spec: ScriptSpec, element: FlowNode, what: String) throws -> CompiledScript {
        let body = spec.body ?? ""
        switch ScriptLanguage(format: spec.format) {
        case .javascript: return .javascript(body)
        case .juel, .other(""):
            do { return .juel(try juel(body)) } catch {
                throw RunError(message: "\(what) of \(element.kind.rawValue) '\(element.id)': \(error.message)", element: element.id,
                               location: spec.location)
            }
        default:
            throw RunError(message: "\(what) of \(element.kind.rawValue) '\(element.id)' is written in '\(spec.format ?? "")', which bpmnrun cannot run",
                           element: element.id, location: spec.location)
        }
    }
}
