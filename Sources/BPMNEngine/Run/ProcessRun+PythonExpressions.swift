import BPMNModel
import BPMNPython

/// Spiff dialect: the expressions SpiffWorkflow `eval`s as Python besides flow conditions —
/// multi-instance `loopCardinality` and `completionCondition`, the standard loop's
/// `loopCondition`, conditional events and timer texts (`bpmn/specs/event_definitions/timer.py`
/// evaluates the timer expression, then parses the resulting string as ISO 8601).
extension ProcessRun {
    /// The data an expression sees: the token's task data, or the scope's variables.
    func pythonData(token: Int?, scope: Int?) -> [String: VariableValue] {
        if let token, state.tokens[token] != nil { return spiffData(token: token) }
        return visibleVariables(fromScope: scope ?? 1)
    }

    func evaluatePython(_ spec: ExpressionSpec, token: Int?, scope: Int? = nil, element: FlowNode, what: String) throws -> VariableValue {
        do {
            return try python().evaluate(spec.text, variables: pythonData(token: token, scope: scope))
        } catch let error as PythonError {
            throw RunError(message: "\(what) '\(spec.text.trimmingWhitespace())' of \(element.kind.rawValue) '\(element.id)' failed: \(error)",
                           element: element.id, location: spec.location)
        }
    }

    /// Python truth of the value, as `_BpmnCondition._matches` (`[]`, `0`, `""`, `None` are false).
    func evaluatePythonCondition(_ spec: ExpressionSpec, token: Int?, scope: Int? = nil, element: FlowNode, what: String) throws -> Bool {
        do {
            return try python().evaluateCondition(spec.text, variables: pythonData(token: token, scope: scope))
        } catch let error as PythonError {
            throw RunError(message: "\(what) '\(spec.text.trimmingWhitespace())' of \(element.kind.rawValue) '\(element.id)' failed: \(error)",
                           element: element.id, location: spec.location)
        }
    }

    /// A timer's text under the spiff dialect: a Python expression whose value (a string, or a
    /// date) is the ISO 8601 text. A bare `PT5M` is a NameError there, as in SpiffWorkflow; the
    /// message says to quote it.
    func pythonTimerText(_ spec: ExpressionSpec, kind: String, token: Int?, scope: Int, element: FlowNode) throws -> String {
        let value: VariableValue
        do {
            value = try python().evaluate(spec.text, variables: pythonData(token: token, scope: scope))
        } catch let error as PythonError {
            let text = spec.text.trimmingWhitespace()
            let hint = error.exceptionType == "NameError" || error.kind == .syntax
                ? "; under the spiff dialect timers are Python expressions, so write a literal in quotes: \"\(text)\"" : ""
            throw RunError(message: "\(kind) '\(text)' of timer event '\(element.id)' failed: \(error)\(hint)",
                           element: element.id, location: spec.location)
        }
        switch value {
        case .string(let s): return s
        case .date(let d): return DateFormats.iso8601String(d)
        default:
            throw RunError(message: "\(kind) '\(spec.text.trimmingWhitespace())' of timer event '\(element.id)' must give an ISO 8601 string, got \(value)",
                           element: element.id, location: spec.location)
        }
    }
}
