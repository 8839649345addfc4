/// The level a rule is configured at (`.bpmnrunrc.json`, `--rule id=level`, presets).
public enum RuleLevel: String, Sendable, Codable, CaseIterable {
    case off, warn, error

    /// The severity of findings at this level; nil when the rule is off.
    public var severity: Severity? {
        switch self {
        case .off: return nil
        case .warn: return .warning
        case .error: return .error
        }
    }

    /// Accepts `off`/`warn`/`error` and the usual aliases (`warning`, `0`/`1`/`2` as in ESLint).
    public init?(text: String) {
        switch text.lowercased() {
        case "off", "0", "none": self = .off
        case "warn", "warning", "1": self = .warn
        case "error", "2": self = .error
        default: return nil
        }
    }
}
