import BPMNModel
import CPythonBridge
import Foundation

/// Evaluates Python conditions and runs Python scripts the way SpiffWorkflow 3.x does
/// (`bpmn/script_engine/python_engine.py` `PythonScriptEngine` with the default
/// `python_environment.py` `TaskDataEnvironment`), in the process's embedded CPython.
///
/// - **Expressions** (`evaluate`, `evaluateCondition`) see the variables as global names; they
///   cannot add or remove variables (they run on a copy of the namespace).
/// - **Scripts** (`run`) run with the variables as their module globals: assignments change them,
///   new names become new variables, `del x` removes one. Afterwards functions, classes, other
///   callables and imported modules are dropped, as SpiffWorkflow drops them (see
///   `docs/dialects.md`). Nothing a script defines survives into the next run except through the
///   returned variables.
/// - **Restrictions** (a guard against accidents, not a security sandbox): a fixed set of builtins
///   (no `open`, `eval`, `exec`, `compile`, `input`, `getattr`, `globals`, `vars`, ...), imports
///   limited to `allowedModules` (each seen through a read-only view of its public names), and a
///   static check that refuses `__dunder__` names and the attributes that lead out of the
///   namespace (`__class__`, `__globals__`, `f_globals`, ...). `print` writes to standard error.
/// - **Time limit**: `timeLimit` seconds of wall-clock time per call (see `PythonWatchdog`).
///
/// **Threads**: an engine is meant to be used by one thread at a time (it keeps per-call state for
/// its watchdog). All engines share the one interpreter; calls take the GIL for their duration, so
/// calls from different threads are serialized, never concurrent.
public final class PythonEngine {
    /// Modules a script may import when no other list is given. Deliberately without modules
    /// that walk attributes by name (`string.Formatter.get_field`, `operator.attrgetter`): they
    /// would bypass the static check of attribute names.
    public static let defaultAllowedModules: Set<String> = [
        "math", "datetime", "json", "re", "decimal", "random",
        "statistics", "itertools", "collections", "calendar",
    ]

    public let timeLimit: Double
    public let allowedModules: Set<String>

    private let interpreter: PythonInterpreter
    private let builtinsTable: PyObjectPointer
    private let allowedObject: PyObjectPointer
    private let watchdog: PythonWatchdog
    private let values: PythonValues
    /// Compiled code by mode and source (bounded), so repeated conditions compile once.
    private var codeCache: [CodeKey: PyObjectPointer] = [:]
    private static let codeCacheLimit = 1024

    private struct CodeKey: Hashable {
        var mode: Mode
        var source: String
    }

    enum Mode: String {
        case eval, exec
    }

    public init(timeLimit: Double = 5.0, allowedModules: Set<String> = PythonEngine.defaultAllowedModules) throws(PythonError) {
        self.timeLimit = timeLimit
        self.allowedModules = allowedModules
        interpreter = try PythonInterpreter.shared.get()
        let helpers = interpreter.helpers
        let made: (PyObjectPointer, PyObjectPointer) = try interpreter.withGIL { () throws(PythonError) in
            let names = try PythonValues.check(bpy_PyList_New(0))
            for name in allowedModules.sorted() {
                let item = try PythonValues.makeString(name)
                bpy_PyList_Append(names, item)
                bpmnpy_decref(item)
            }
            let pair = try PythonValues.check(PythonValues.call(helpers.makeBuiltins, [names]))
            defer { bpmnpy_decref(pair) }
            let table = bpy_PyTuple_GetItem(pair, 0)!, allowed = bpy_PyTuple_GetItem(pair, 1)!
            return (PythonValues.newReference(table), PythonValues.newReference(allowed))
        }
        (builtinsTable, allowedObject) = made
        watchdog = PythonWatchdog(exception: helpers.timeLimitException)
        values = PythonValues(helpers: helpers, dateKinds: PythonDateKinds())
    }

    deinit {
        watchdog.stop()
        interpreter.withGIL {
            for code in codeCache.values { bpmnpy_decref(code) }
            bpmnpy_decref(builtinsTable)
            bpmnpy_decref(allowedObject)
        }
    }

    // MARK: Checking

    /// Compiles a script (nothing runs): nil when it parses and passes the restrictions, else
    /// the syntax error or refused construct with its line and column.
    public func checkSyntax(script source: String) -> PythonError? {
        check(source, mode: .exec)
    }

    /// Compiles an expression (a condition) without evaluating it.
    public func checkSyntax(expression source: String) -> PythonError? {
        check(source, mode: .eval)
    }

    private func check(_ source: String, mode: Mode) -> PythonError? {
        interpreter.withGIL { () -> PythonError? in
            do throws(PythonError) {
                _ = try code(source, mode: mode)
                return nil
            } catch {
                return error
            }
        }
    }

    // MARK: Evaluating

    /// The value of a Python expression over the variables.
    public func evaluate(_ expression: String, variables: [String: VariableValue]) throws(PythonError) -> VariableValue {
        try interpreter.withGIL { () throws(PythonError) in
            let result = try call(interpreter.helpers.evaluate, source: expression, mode: .eval, variables: variables)
            defer { bpmnpy_decref(result) }
            return try values.fromPython(result, path: "the expression's value")
        }
    }

    /// The truth of a Python expression over the variables, as Python decides it (`bool(value)`):
    /// how SpiffWorkflow takes conditional flows.
    public func evaluateCondition(_ expression: String, variables: [String: VariableValue]) throws(PythonError) -> Bool {
        try interpreter.withGIL { () throws(PythonError) in
            let result = try call(interpreter.helpers.evaluateCondition, source: expression, mode: .eval, variables: variables)
            defer { bpmnpy_decref(result) }
            return result == bpmnpy_true()
        }
    }

    // MARK: Running scripts

    /// Runs a script over the variables and returns the data afterwards. On an error nothing of
    /// the script's changes is returned.
    public func run(_ script: String, variables: [String: VariableValue]) throws(PythonError) -> PythonScriptResult {
        try interpreter.withGIL { () throws(PythonError) in
            let data = try call(interpreter.helpers.execute, source: script, mode: .exec, variables: variables)
            defer { bpmnpy_decref(data) }
            var after: [String: VariableValue] = [:]
            var position = 0
            var key: PyObjectPointer?, value: PyObjectPointer?
            while bpy_PyDict_Next(data, &position, &key, &value) != 0 {
                guard let key, let value else { continue }
                guard let name = PythonValues.string(key) else {
                    bpy_PyErr_Clear()
                    continue
                }
                after[name] = try values.fromPython(value, path: "variable '\(name)'")
            }
            return PythonScriptResult(before: variables, after: after)
        }
    }

    // MARK: Internals (GIL held)

    /// Calls `function(code, data, builtins)` with the time limit; a new reference to its result.
    private func call(_ function: PyObjectPointer, source: String, mode: Mode,
                      variables: [String: VariableValue]) throws(PythonError) -> PyObjectPointer {
        let code = try code(source, mode: mode)
        let data = try values.makeDict(variables)
        watchdog.begin(timeLimit: timeLimit)
        let result = PythonValues.call(function, [PythonValues.newReference(code), data,
                                                  PythonValues.newReference(builtinsTable)])
        _ = watchdog.end()
        guard let result else { throw pendingError(source: source, names: Array(variables.keys)) }
        return result
    }

    /// The compiled code for a source (borrowed from the cache).
    private func code(_ source: String, mode: Mode) throws(PythonError) -> PyObjectPointer {
        let key = CodeKey(mode: mode, source: source)
        if let cached = codeCache[key] { return cached }
        guard let compiled = PythonValues.call(interpreter.helpers.compileSource, [
            try PythonValues.makeString(source), try PythonValues.makeString(mode.rawValue),
            PythonValues.newReference(allowedObject),
        ]) else {
            throw pendingError(source: source)
        }
        if codeCache.count >= Self.codeCacheLimit {
            for stale in codeCache.values { bpmnpy_decref(stale) }
            codeCache.removeAll(keepingCapacity: true)
        }
        codeCache[key] = compiled
        return compiled
    }

    /// The pending Python exception as a `PythonError`, described by the helper module.
    private func pendingError(source: String, names: [String] = []) -> PythonError {
        var type: PyObjectPointer?, value: PyObjectPointer?, traceback: PyObjectPointer?
        bpy_PyErr_Fetch(&type, &value, &traceback)
        bpy_PyErr_NormalizeException(&type, &value, &traceback)
        defer {
            if let type { bpmnpy_decref(type) }
            if let value { bpmnpy_decref(value) }
            if let traceback { bpmnpy_decref(traceback) }
        }
        guard let value else {
            return PythonError(kind: .interpreter, message: "Python reported an error without an exception")
        }
        if let traceback { bpy_PyException_SetTraceback(value, traceback) }
        guard let sourceObject = try? PythonValues.makeString(source),
              let nameList = try? values.toPython(.array(names.map(VariableValue.string))),
              let described = PythonValues.call(interpreter.helpers.describe,
                                                [PythonValues.newReference(value), sourceObject, nameList])
        else {
            return PythonError(kind: .interpreter, message: PythonInterpreter.fetchErrorText())
        }
        defer { bpmnpy_decref(described) }
        func text(_ i: Int) -> String? {
            let item = bpy_PyTuple_GetItem(described, i)!
            return bpmnpy_is_unicode(item) != 0 ? PythonValues.string(item) : nil
        }
        func number(_ i: Int) -> Int? {
            let item = bpy_PyTuple_GetItem(described, i)!
            return bpmnpy_is_long(item) != 0 ? bpy_PyLong_AsLong(item) : nil
        }
        let kind = PythonError.Kind(rawValue: text(0) ?? "") ?? .runtime
        var message = text(2) ?? ""
        if kind == .timeout {
            message = "the script ran longer than the time limit of \(Self.seconds(timeLimit)) and was stopped"
        }
        var suggestions: [String] = []
        if let list = bpy_PyTuple_GetItem(described, 6), case .array(let items)? = try? values.fromPython(list, path: "suggestions") {
            suggestions = items.compactMap(\.stringValue)
        }
        return PythonError(kind: kind, exceptionType: kind == .timeout ? nil : text(1), message: message,
                           line: number(3), column: number(4), lineText: text(5), suggestions: suggestions)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
