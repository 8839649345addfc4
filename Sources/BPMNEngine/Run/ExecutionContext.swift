import BPMNExpressions
import BPMNModel

/// The `execution` seen by expressions and scripts: a token of a run. One instance is reused for
/// every evaluation (re-pointed at the current token) to keep the hot path free of allocations.
final class ExecutionContext: ExpressionContext {
    unowned let run: ProcessRun
    var token: Int = 0
    /// Where values written through this context come from, for the trace.
    var source: String = "expression"
    /// Evaluate in this scope instead of the token's (output mappings, scope-level conditions).
    var scopeOverride: Int?

    init(run: ProcessRun) { self.run = run }

    private var scopeId: Int { scopeOverride ?? run.state.tokens[token]?.scope ?? 1 }

    func variable(_ name: String) -> VariableValue? { run.lookupVariable(name, fromScope: scopeId) }

    func setVariable(_ name: String, _ value: VariableValue) throws {
        run.setVariable(name, value, fromScope: scopeId, token: token, source: source)
    }

    func setVariableLocal(_ name: String, _ value: VariableValue) throws {
        run.setVariableLocal(name, value, scope: scopeId, token: token, source: source)
    }

    func visibleVariables() -> [String: VariableValue] { run.visibleVariables(fromScope: scopeId) }

    var currentActivityId: String? { run.state.tokens[token].map { run.processes[$0.process].spec.nodes[$0.node].id } }
    var currentActivityName: String? { run.state.tokens[token].flatMap { run.processes[$0.process].spec.nodes[$0.node].name } }
    var processInstanceId: String { "1" }
    var processDefinitionId: String { "\(run.processes[run.state.tokens[token]?.process ?? 0].spec.id):1" }
    var businessKey: String? { nil }
    var executionId: String { String(token) }
}
