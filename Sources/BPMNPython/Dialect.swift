/// Which engine's semantics a diagram is written for.
public enum Dialect: String, Sendable, CaseIterable {
    /// Camunda 7: JUEL `${...}` expressions, JavaScript (or other JSR-223) scripts with a `scriptFormat`.
    case camunda
    /// SpiffWorkflow running a Camunda Modeler diagram: Python conditions and scripts.
    case spiff
}
