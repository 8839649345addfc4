import BPMNScripting

/// Syntax checks of the JavaScript in one diagram, one JavaScriptCore parse per distinct text.
/// Generated and copy-pasted diagrams repeat the same script thousands of times (the 20,000-task
/// benchmark file has 8 distinct texts), and each `JSCheckScriptSyntax` call costs several
/// microseconds, which made checking a quarter of loading such a file.
struct JavaScriptSyntaxChecks {
    private var engine: JavaScriptEngine?
    /// Result per source text: nil when it parses.
    private var results: [String: ScriptError?] = [:]

    /// nil when `source` parses, else JavaScriptCore's syntax error.
    mutating func error(in source: String) -> ScriptError? {
        if let known = results[source] { return known }
        if engine == nil { engine = JavaScriptEngine(timeLimit: 1) }
        let result = engine!.checkSyntax(source)
        results[source] = .some(result)
        return result
    }
}
