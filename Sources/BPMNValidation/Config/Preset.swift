/// Built-in rule sets a configuration can `extends`.
public enum Preset: String, Sendable, CaseIterable {
    /// Every rule at its default level (what `bpmnrun validate` uses without a configuration).
    case recommended
    /// Only what matters to a Camunda 7 deployment: structure, deployability, expressions and flow
    /// soundness; Camunda 7's configurable checks (history time to live, missing isExecutable, a
    /// file with no executable process) become errors, and the modelling-style rules are off.
    case camunda7

    public var levels: [String: RuleLevel] {
        var out: [String: RuleLevel] = [:]
        for rule in RuleRegistry.all { out[rule.id] = rule.defaultLevel }
        switch self {
        case .recommended:
            break
        case .camunda7:
            for rule in RuleRegistry.all where rule.category == .modelling { out[rule.id] = .off }
            out["camunda-history-time-to-live"] = .error
            out["camunda-is-executable-missing"] = .error
            out["camunda-executable-process"] = .error
        }
        return out
    }
}
