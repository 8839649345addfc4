import BPMNModel

/// One thing in a diagram that only makes sense in one dialect.
public struct DialectClue: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// A condition or other expression written as `${...}` / `#{...}` (JUEL).
        case juelExpression
        /// A script (or script condition) with `scriptFormat`/`language` javascript, groovy, ...
        case camundaScriptFormat
        /// A script loaded from `camunda:resource`.
        case externalScript
        /// A timer written as a bare ISO 8601 literal (`PT5M`): Camunda reads it as text,
        /// SpiffWorkflow evaluates it as Python (a NameError).
        case literalTimer
        /// A condition or expression without `${}`: Python, as SpiffWorkflow evaluates it (Camunda 7
        /// would read it as a literal string and reject it as non-boolean).
        case pythonExpression
        /// A script task or condition declared `python`.
        case pythonScriptFormat
        /// A script task without `scriptFormat` (Camunda 7 refuses to deploy it; SpiffWorkflow runs
        /// every script as Python).
        case scriptWithoutFormat
        /// A timer written as a Python string literal (`"PT5M"`), as SpiffWorkflow needs.
        case pythonStringTimer
        /// A `camunda:` attribute, I/O parameter or listener with `${...}`: Camunda evaluates it,
        /// SpiffWorkflow ignores it. Decides only when nothing else does.
        case camundaAttributeExpression

        public var dialect: Dialect {
            switch self {
            case .juelExpression, .camundaScriptFormat, .externalScript, .literalTimer, .camundaAttributeExpression:
                return .camunda
            case .pythonExpression, .pythonScriptFormat, .scriptWithoutFormat, .pythonStringTimer:
                return .spiff
            }
        }

        /// Whether the clue can decide the dialect (and conflict) on its own.
        public var isDecisive: Bool { self != .camundaAttributeExpression }
    }

    public var kind: Kind
    public var processId: String
    public var elementId: String
    /// What was looked at: `condition`, `script`, `timeDuration`, `camunda:assignee`, ...
    public var part: String
    /// The text or format concerned, shortened.
    public var excerpt: String
    public var location: SourceLocation

    public var dialect: Dialect { kind.dialect }

    public var description: String {
        switch kind {
        case .juelExpression: return "\(part) '\(excerpt)' of \(elementId) is a ${...} expression"
        case .camundaScriptFormat: return "\(part) of \(elementId) has scriptFormat=\(excerpt)"
        case .externalScript: return "\(part) of \(elementId) is loaded from camunda:resource '\(excerpt)'"
        case .literalTimer: return "\(part) '\(excerpt)' of \(elementId) is a bare timer literal (Python would read it as a name)"
        case .pythonExpression: return "\(part) '\(excerpt)' of \(elementId) is Python-looking, without ${}"
        case .pythonScriptFormat: return "\(part) of \(elementId) has scriptFormat=\(excerpt)"
        case .scriptWithoutFormat: return "script task \(elementId) has no scriptFormat"
        case .pythonStringTimer: return "\(part) \(excerpt) of \(elementId) is a Python string"
        case .camundaAttributeExpression: return "\(part) '\(excerpt)' of \(elementId) is a ${...} expression"
        }
    }
}
