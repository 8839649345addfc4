import BPMNScripting
import Foundation

/// A syntax error found in a script without running it. `line`/`column` are inside the script.
public struct ScriptSyntaxProblem: Sendable, Hashable {
    public var message: String
    public var line: Int?
    public var column: Int?
    public init(message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }
}

/// Compiles or syntax-checks scripts of one language; never runs them. One checker is used by one
/// thread at a time (the validator makes one per file being checked).
public protocol ScriptSyntaxChecker: AnyObject {
    func check(_ source: String) -> ScriptSyntaxProblem?
}

/// Which languages can be checked, and how to make a checker for each: JavaScript through
/// JavaScriptCore, Python (the SpiffWorkflow dialect) through the embedded CPython. Scripts in a
/// language with no checker get a warning from `script-format-unsupported`.
public final class ScriptCheckerRegistry: @unchecked Sendable {
    public typealias Factory = @Sendable () -> any ScriptSyntaxChecker

    public static let shared = ScriptCheckerRegistry()

    private let lock = NSLock()
    private var factories: [ScriptLanguage: Factory] = [
        .javascript: { JavaScriptSyntaxChecker() },
        .python: { PythonSyntaxChecker() },
    ]

    public init() {}

    public func register(_ language: ScriptLanguage, factory: @escaping Factory) {
        lock.lock()
        factories[language] = factory
        lock.unlock()
    }

    public func factory(for language: ScriptLanguage) -> Factory? {
        lock.lock()
        defer { lock.unlock() }
        return factories[language]
    }

    /// Checkers not in use, per language: making one (a JavaScriptCore VM) costs far more than
    /// checking a script, so files checked one after the other reuse them.
    private var idle: [ScriptLanguage: [any ScriptSyntaxChecker]] = [:]

    /// A checker for the language (an idle one if any), or nil when there is none. Give it back
    /// with `checkIn` when done; a checker is used by one thread at a time.
    func checkOut(_ language: ScriptLanguage) -> (any ScriptSyntaxChecker)? {
        lock.lock()
        if let c = idle[language]?.popLast() {
            lock.unlock()
            return c
        }
        let make = factories[language]
        lock.unlock()
        return make?()
    }

    func checkIn(_ checker: any ScriptSyntaxChecker, for language: ScriptLanguage) {
        lock.lock()
        idle[language, default: []].append(checker)
        lock.unlock()
    }
}

/// JavaScript through JavaScriptCore's `JSCheckScriptSyntax` (nothing is evaluated).
final class JavaScriptSyntaxChecker: ScriptSyntaxChecker {
    private let engine = JavaScriptEngine(timeLimit: 1)

    func check(_ source: String) -> ScriptSyntaxProblem? {
        guard let error = engine.checkSyntax(source) else { return nil }
        return ScriptSyntaxProblem(message: error.message, line: error.line, column: error.column)
    }
}
