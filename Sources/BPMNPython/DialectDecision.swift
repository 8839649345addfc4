/// A mix of dialects that no engine can run: one clue of each side.
public struct DialectConflict: Error, Hashable, Sendable, CustomStringConvertible {
    public var camunda: DialectClue
    public var spiff: DialectClue

    public var description: String {
        var text = "the diagram mixes Camunda 7 and SpiffWorkflow (Python) notation, which no engine runs together: "
            + "\(camunda) (Camunda), but \(spiff) (SpiffWorkflow)"
        if spiff.kind == .pythonScriptFormat, camunda.kind == .juelExpression {
            text += "; Camunda would need Jython for Python scripts, which bpmnrun does not provide"
        } else if camunda.kind == .camundaScriptFormat {
            text += "; SpiffWorkflow would run the \(camunda.excerpt) script as Python"
        }
        return text + ". Write all expressions and scripts in one dialect, or choose one with --dialect."
    }
}

/// The dialect chosen for a diagram, why, and whether the diagram mixes dialects fatally.
public struct DialectDecision: Sendable {
    public var dialect: Dialect
    /// One line for the terminal and the trace: `spiff: 2 Python-looking conditions without ${} ...`.
    public var reason: String
    public var clues: [DialectClue]
    /// Set when decisive clues of both dialects are present.
    public var conflict: DialectConflict?
}
