import BPMNPython
import BPMNScripting

/// Python (the SpiffWorkflow dialect) through the embedded interpreter: scripts and expressions
/// are compiled under the engine's restrictions, never run. Registered in
/// `ScriptCheckerRegistry` for `.python`; used only on diagrams checked as spiff (Camunda 7 runs
/// `scriptFormat="python"` through Jython 2.7, whose syntax this does not check).
public final class PythonSyntaxChecker: ScriptSyntaxChecker {
    /// Nil when the interpreter could not start; every check then reports that.
    public let engine: PythonEngine?
    private let startError: PythonError?

    public init() {
        do throws(PythonError) {
            engine = try PythonEngine()
            startError = nil
        } catch {
            engine = nil
            startError = error
        }
    }

    public func check(_ source: String) -> ScriptSyntaxProblem? {
        guard let engine else { return unavailable }
        return engine.checkSyntax(script: source).map(Self.problem)
    }

    /// The interpreter's start failure as a finding, so that nothing passes unchecked silently.
    public var unavailable: ScriptSyntaxProblem? {
        startError.map { ScriptSyntaxProblem(message: "Python could not be started to check it: \($0.message)") }
    }

    static func problem(_ error: PythonError) -> ScriptSyntaxProblem {
        ScriptSyntaxProblem(message: error.description, line: error.line, column: error.column)
    }
}
