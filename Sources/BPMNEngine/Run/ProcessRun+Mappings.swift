import BPMNExpressions
import BPMNModel

/// `camunda:inputOutput` parameters and `camunda:in`/`camunda:out` variable mappings, with Camunda's
/// scoping: inputs are local to the activity (or sub-process) scope and evaluated in the enclosing
/// one; outputs are evaluated in the activity's scope and written to the enclosing one.
extension ProcessRun {
    func applyInputParameters(_ n: FlowNode, scope target: Int, token: Int) throws {
        let outer = state.scopes[target]?.parent ?? 1
        for parameter in n.extensions.inputParameters {
            let value = try evaluate(parameter.value, scope: outer, element: n, what: "input parameter '\(parameter.name)'")
            setVariableLocal(parameter.name, value, scope: target, token: token, source: "input")
        }
    }

    func applyOutputParameters(_ n: FlowNode, from inner: Int, token: Int) throws {
        let outer = state.scopes[inner]?.parent ?? 1
        for parameter in n.extensions.outputParameters {
            let value = try evaluate(parameter.value, scope: inner, element: n, what: "output parameter '\(parameter.name)'")
            setVariable(parameter.name, value, fromScope: outer, token: token, source: "output")
        }
    }

    /// The value of an I/O parameter: text (with `${}` evaluated), a script's result, a list or a map.
    func evaluate(_ value: IOValue, scope: Int, element: FlowNode, what: String) throws -> VariableValue {
        switch value {
        case .none:
            return .null
        case .text(let text):
            guard JUELExpression.containsExpression(text) else { return .string(text) }
            return try evaluateJUEL(text, token: nil, scope: scope, element: element, what: what)
        case .script(let spec):
            return try runScript(compile(spec, element: element, what: what), token: nil, scope: scope, element: element, what: what)
        case .list(let items):
            return .array(try items.map { try evaluate($0, scope: scope, element: element, what: what) })
        case .map(let entries):
            var object: [String: VariableValue] = [:]
            for entry in entries { object[entry.key] = try evaluate(entry.value, scope: scope, element: element, what: what) }
            return .object(object)
        }
    }

    /// `camunda:in` of a call activity: what the called process starts with.
    func inVariables(for callActivity: FlowNode, callerToken: Int) throws -> [String: VariableValue] {
        let t = state.tokens[callerToken]!
        var result: [String: VariableValue] = [:]
        for m in callActivity.extensions.inMappings {
            if m.allVariables {
                let source = m.local ? (state.scopes[t.scope]?.variables ?? [:]) : visibleVariables(fromScope: t.scope)
                result.merge(source) { _, new in new }
            } else if let expression = m.sourceExpression, let target = m.target {
                result[target] = try evaluateJUEL(expression, token: callerToken, element: callActivity, what: "camunda:in sourceExpression")
            } else if let source = m.source, let target = m.target {
                let value = m.local ? state.scopes[t.scope]?.variables[source] : lookupVariable(source, fromScope: t.scope)
                result[target] = value ?? .null
            }
        }
        return result
    }

    /// `camunda:out` of a call activity: copies results back when the called process ends (also
    /// when it ends with a BPMN error caught outside, as Camunda does).
    func applyOutMappings(calledScope: Int, callerToken: Int) throws {
        guard let caller = state.tokens[callerToken] else { return }
        let n = processes[caller.process].spec.nodes[caller.node]
        for m in n.extensions.outMappings {
            if m.allVariables {
                let vars = state.scopes[calledScope]?.variables ?? [:]
                for name in vars.keys.sorted() {
                    if m.local { setVariableLocal(name, vars[name]!, scope: caller.scope, token: callerToken, source: "out") }
                    else { setVariable(name, vars[name]!, fromScope: caller.scope, token: callerToken, source: "out") }
                }
            } else if let target = m.target {
                let value: VariableValue
                if let expression = m.sourceExpression {
                    value = try evaluateJUEL(expression, token: nil, scope: calledScope, element: n, what: "camunda:out sourceExpression")
                } else if let source = m.source {
                    value = lookupVariable(source, fromScope: calledScope) ?? .null
                } else {
                    continue
                }
                if m.local { setVariableLocal(target, value, scope: caller.scope, token: callerToken, source: "out") }
                else { setVariable(target, value, fromScope: caller.scope, token: callerToken, source: "out") }
            }
        }
    }
}
