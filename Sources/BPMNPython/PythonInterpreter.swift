import CPythonBridge
import Foundation

/// The one embedded CPython interpreter of the process, started on first use.
///
/// **Threads and the GIL**: after starting, the interpreter's global lock is released, and every
/// entry from Swift takes it with `PyGILState_Ensure` and gives it back when done (`withGIL`), so
/// any thread may call in; calls from different threads take turns. The watchdog thread of a
/// `PythonEngine` takes the lock the same way to interrupt a script (CPython hands the lock over
/// every 5 ms while a script runs).
///
/// **Configuration**: isolated (`PYTHON*` environment variables, the user's site-packages and the
/// current directory are ignored), no `site` import, no `.pyc` writing, and no signal handlers,
/// so Ctrl-C stays with bpmnrun's terminal handling. The standard library comes from the Python
/// installation bpmnrun was linked against (Debian `python3-dev`).
final class PythonInterpreter: @unchecked Sendable {
    /// The helper module's functions and constants; owned references kept for the process's life.
    struct Helpers {
        let makeBuiltins: PyObjectPointer
        let compileSource: PyObjectPointer
        let evaluate: PyObjectPointer
        let evaluateCondition: PyObjectPointer
        let execute: PyObjectPointer
        let describe: PyObjectPointer
        let dateParts: PyObjectPointer
        let makeDate: PyObjectPointer
        let timeLimitException: PyObjectPointer
    }

    let helpers: Helpers

    /// The interpreter, or why it could not start (then every engine call fails with that error).
    static let shared: Result<PythonInterpreter, PythonError> = {
        do throws(PythonError) {
            return .success(try PythonInterpreter())
        } catch {
            return .failure(error)
        }
    }()

    private init() throws(PythonError) {
        if bpy_Py_IsInitialized() == 0 {
            try Self.start()
        }
        let state = bpy_PyGILState_Ensure()
        defer { bpy_PyGILState_Release(state) }
        helpers = try Self.loadHelpers()
    }

    private static func start() throws(PythonError) {
        var buffer = [CChar](repeating: 0, count: 512)
        if bpy_initialize(&buffer, buffer.count) != 0 {
            let detail = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw PythonError(kind: .interpreter, message: "The embedded Python interpreter could not start: \(detail)")
        }
    }

    private static func loadHelpers() throws(PythonError) -> Helpers {
        guard let code = bpy_Py_CompileString(PythonHelperSource.text, "<bpmnrun-python-helpers>", 1),
              let module = bpy_PyImport_ExecCodeModule(PythonHelperSource.moduleName, code)
        else {
            throw PythonError(kind: .interpreter, message: "bpmnrun's Python helper module failed to load: \(fetchErrorText())")
        }
        func get(_ name: String) throws(PythonError) -> PyObjectPointer {
            guard let value = bpy_PyObject_GetAttrString(module, name) else {
                throw PythonError(kind: .interpreter, message: "bpmnrun's Python helper module lacks '\(name)'")
            }
            return value
        }
        return Helpers(
            makeBuiltins: try get("make_builtins"), compileSource: try get("compile_source"),
            evaluate: try get("evaluate"), evaluateCondition: try get("evaluate_condition"),
            execute: try get("execute"), describe: try get("describe"), dateParts: try get("date_parts"),
            makeDate: try get("make_date"), timeLimitException: try get("ScriptTimeLimitExceeded"))
    }

    /// Runs `body` holding the GIL.
    func withGIL<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let state = bpy_PyGILState_Ensure()
        defer { bpy_PyGILState_Release(state) }
        return try body()
    }

    /// The pending Python exception as `Type: message`, clearing it (GIL held).
    static func fetchErrorText() -> String {
        var type: PyObjectPointer?, value: PyObjectPointer?, traceback: PyObjectPointer?
        bpy_PyErr_Fetch(&type, &value, &traceback)
        defer {
            if let type { bpmnpy_decref(type) }
            if let value { bpmnpy_decref(value) }
            if let traceback { bpmnpy_decref(traceback) }
        }
        let name = type.flatMap { bpy_PyObject_GetAttrString($0, "__name__") }.flatMap(PythonValues.takeString) ?? "error"
        let message = value.flatMap { bpy_PyObject_Str($0) }.flatMap(PythonValues.takeString) ?? ""
        bpy_PyErr_Clear()
        return message.isEmpty ? name : "\(name): \(message)"
    }
}

/// A `PyObject *` (opaque to Swift).
typealias PyObjectPointer = OpaquePointer
