import BPMNExpressions
import BPMNModel
import CJavaScriptCore
import Foundation

/// Runs Camunda 7 JavaScript (`scriptFormat` javascript/ecmascript/js) with JavaScriptCore.
///
/// **Bindings** (like Camunda's `ScriptBindings` with `autoStoreScriptVariables` off): every
/// variable visible in the context reads as a global name, resolved lazily and freshly per run;
/// `execution` offers getVariable/setVariable & co. Assigning to a name (`x = 1`, `var x`) never
/// stores a process variable; only `execution.setVariable*` and the result variable (the returned
/// completion value) do. Nothing a script declares survives into the next run.
///
/// **Isolation and cost**: a fresh JSC global context costs ~185 µs, so one context is reused. Each
/// script runs as a direct `eval` inside a function, inside `with (variables)`; declarations stay
/// local to the run, implicit globals are deleted afterwards, and when a run changed the builtins
/// (global values such as `JSON = 1`, or — detected from the source — prototypes and other
/// intrinsics) the context is thrown away and the next run gets a fresh one.
///
/// **Limits**: `timeLimit` seconds of wall-clock time per run (checked by JSC's watchdog every
/// ≤ 50 ms of script CPU time; the script is terminated, `try/catch` cannot intercept it) and a
/// resident-memory growth limit checked at the same points. Stack overflows are `RangeError`s.
/// Scripts have no file, network or process access: JavaScriptCore's core has none, and the only
/// additions are `execution`, `print` and `console.*` (which write to standard error).
///
/// **Threads**: an engine must be used by one thread at a time (it keeps per-run state). Separate
/// engines have separate JSC VMs (context groups) and may run on different threads concurrently.
public final class JavaScriptEngine {
    public let timeLimit: Double
    /// How much the process's resident memory may grow during one run before the script is
    /// stopped (bytes).
    public let memoryLimit: Int

    private let group: JSContextGroupRef
    private var runtime: JSRuntime?
    private let watchdog: Watchdog
    /// Sources already known to parse (bounded), and what each may alter.
    private var checkedSources: [String: SourceTraits] = [:]
    private static let checkedSourcesLimit = 512

    public init(timeLimit: Double = 5.0, memoryLimit: Int = 1 << 30) {
        self.timeLimit = timeLimit
        self.memoryLimit = memoryLimit
        group = JSContextGroupCreate()
        watchdog = Watchdog(memoryLimit: memoryLimit, interval: max(0.001, min(0.05, timeLimit)))
        watchdog.arm(group)
    }

    deinit {
        runtime = nil
        JSContextGroupClearExecutionTimeLimit(group)
        JSContextGroupRelease(group)
    }

    // MARK: Syntax

    /// Syntax check only (nothing runs): nil when the source parses, else the error with its line
    /// inside the script (JavaScriptCore reports no column for syntax errors).
    public func checkSyntax(_ source: String) -> ScriptError? {
        let ctx = currentRuntime().ctx
        var exception: JSValueRef?
        let ok = JS.withString(source) { JSCheckScriptSyntax(ctx, $0, nil, 1, &exception) }
        if ok { return nil }
        return makeError(kind: .syntax, exception, in: ctx)
    }

    // MARK: Running

    /// Runs a script and returns its completion value (what Camunda stores in
    /// `camunda:resultVariable`): the value of the last expression statement evaluated, `.null`
    /// when there is none (`var x = 1;`) or it is `undefined`. Values are converted JSON-like;
    /// functions and symbols become `.null`.
    public func run(_ source: String, context: ExpressionContext, scriptName: String) throws -> VariableValue {
        let touchesIntrinsics = try gate(source)
        let runtime = currentRuntime()
        runtime.context = context
        runtime.scriptName = scriptName
        watchdog.start(timeLimit: timeLimit)
        let (value, exception) = runtime.call(source, bindings: touchesIntrinsics.freeNames)
        watchdog.stop()
        let ctx = runtime.ctx

        defer {
            if touchesIntrinsics.intrinsics { runtime.markDirty() }
            if !runtime.finishRun(checkValues: touchesIntrinsics.globals) { self.runtime = nil }
        }
        switch watchdog.verdict {
        case .timeout:
            throw ScriptError(kind: .timeout, message:
                "Script '\(scriptName)' exceeded the time limit of \(Self.seconds(timeLimit)) and was terminated")
        case .memory:
            throw ScriptError(kind: .timeout, message:
                "Script '\(scriptName)' grew memory by more than \(memoryLimit >> 20) MiB and was terminated")
        case .none: break
        }
        if let exception { throw makeError(kind: .runtime, exception, in: ctx) }
        do {
            return try JSConvert.toVariable(ctx, value) ?? .null
        } catch {
            if let exception = error.exception { throw makeError(kind: .runtime, exception, in: ctx) }
            throw ScriptError(kind: .unsupported, message: "The script's result cannot be stored as a variable: \(error.message)")
        }
    }

    private func currentRuntime() -> JSRuntime {
        if let runtime { return runtime }
        let fresh = JSRuntime(group: group)
        runtime = fresh
        return fresh
    }

    /// Syntax-checks a source the first time it is seen (so a `SyntaxError` thrown while running
    /// is a runtime one, e.g. from `JSON.parse`), and classifies it. Returns whether the source
    /// looks like it may modify intrinsics (then the context is replaced after the run).
    private func gate(_ source: String) throws(ScriptError) -> SourceTraits {
        if let known = checkedSources[source] { return known }
        if let error = checkSyntax(source) { throw error }
        let traits = SourceTraits(source, builtins: currentRuntime().pristineGlobals)
        if checkedSources.count >= Self.checkedSourcesLimit { checkedSources.removeAll(keepingCapacity: true) }
        checkedSources[source] = traits
        return traits
    }

    private func makeError(kind: ScriptError.Kind, _ exception: JSValueRef?, in ctx: JSContextRef) -> ScriptError {
        guard let exception, JSValueIsObject(ctx, exception), let object = JSValueToObject(ctx, exception, nil) else {
            return ScriptError(kind: kind, message: "Uncaught " + JS.toString(ctx, exception))
        }
        let name = JS.property(ctx, object, "name").map { JS.toString(ctx, $0) } ?? "Error"
        let message = JS.property(ctx, object, "message").map { JS.toString(ctx, $0) } ?? JS.toString(ctx, exception)
        let text = name.isEmpty ? message : "\(name): \(message)"
        return ScriptError(kind: kind, message: text,
                           line: JS.intProperty(ctx, object, "line"), column: JS.intProperty(ctx, object, "column"))
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Decides, when JSC's watchdog fires (every ≤ 50 ms of script CPU time), whether to stop the
/// script: past the wall-clock deadline, or resident memory grew past the limit.
final class Watchdog {
    enum Verdict { case none, timeout, memory }
    let memoryLimit: Int
    private(set) var verdict = Verdict.none
    private var deadline = 0.0
    private var residentAtStart = 0

    /// Script CPU time between checks (JSC's watchdog measures the thread's CPU time).
    let interval: Double

    init(memoryLimit: Int, interval: Double) {
        self.memoryLimit = memoryLimit
        self.interval = interval
    }

    /// Installs the check on the group. JSC does not re-arm its timer when the callback declines
    /// to terminate, so the callback re-installs the limit (this restarts the CPU-time interval).
    func arm(_ group: JSContextGroupRef) {
        JSContextGroupSetExecutionTimeLimit(group, interval, Watchdog.callback, Unmanaged.passUnretained(self).toOpaque())
    }

    private static let callback: JSShouldTerminateCallback = { ctx, info in
        guard let info else { return true }
        let watchdog = Unmanaged<Watchdog>.fromOpaque(info).takeUnretainedValue()
        if watchdog.shouldTerminate() { return true }
        if let ctx, let group = JSContextGetGroup(ctx) { watchdog.arm(group) }
        return false
    }

    func start(timeLimit: Double) {
        verdict = .none
        deadline = Self.now() + timeLimit
        residentAtStart = 0
    }

    func stop() { deadline = .infinity }

    func shouldTerminate() -> Bool {
        if Self.now() >= deadline {
            verdict = .timeout
            return true
        }
        let resident = Self.residentBytes()
        if residentAtStart == 0 {
            residentAtStart = resident
        } else if resident - residentAtStart > memoryLimit {
            verdict = .memory
            return true
        }
        return false
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Resident set size from /proc/self/statm (0 where unavailable).
    static func residentBytes() -> Int {
        #if os(Linux)
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { return 0 }
        let fields = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return 0
        #endif
    }
}

/// What a script's source text suggests it may change beyond its own scope. Found once per
/// distinct source (cached), so the per-run cleanup can stay cheap. Best effort: aliases
/// (`var m = Math; m.max = 1`) or computed names escape it; scripts are trusted process code, and
/// this only keeps accidental state from leaking between runs.
struct SourceTraits {
    /// May modify builtin objects (prototypes, members of builtins, reflection): the context is
    /// replaced after the run.
    var intrinsics: Bool
    /// May reassign a builtin global (`JSON = …`): every global is compared with the snapshot
    /// and restored after the run.
    var globals: Bool

    /// The identifiers in the source that could name a process variable (not keywords, builtins,
    /// or member names after `.`), including words inside string literals; nil when the source
    /// can build names at run time (`eval`, `Function`, `with`, `globalThis`): then lookups go
    /// through the lazy JSClass scope object.
    var freeNames: [String]?

    init(_ source: String, builtins: Set<String>) {
        if ["eval", "Function", "with", "globalThis"].contains(where: { source.contains($0) }) {
            freeNames = nil
        } else {
            let text = source as NSString
            var names = Set<String>()
            for match in SourceTraits.identifier.matches(in: source, range: NSRange(location: 0, length: text.length)) {
                let name = text.substring(with: match.range)
                if !builtins.contains(name), !SourceTraits.reserved.contains(name) { names.insert(name) }
            }
            freeNames = names.sorted()
        }
        let markers = ["prototype", "__proto__", "defineProperty", "setPrototypeOf", "assign", "freeze", "seal",
                       "preventExtensions", "Reflect", "globalThis", "delete", "__define", "Proxy"]
        intrinsics = markers.contains(where: { source.contains($0) })
            || Self.assigns(source, pattern: SourceTraits.memberAssignment, builtins: builtins)
        globals = source.contains("this") || source.contains("eval") || source.contains("Function")
            || Self.assigns(source, pattern: SourceTraits.plainAssignment, builtins: builtins)
    }

    static let identifier = try! NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}_$.\\])[\p{L}_$][\p{L}\p{N}_$]*"#)
    static let reserved: Set<String> = [
        "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
        "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
        "implements", "import", "in", "instanceof", "interface", "let", "new", "null", "of", "package",
        "private", "protected", "public", "return", "static", "super", "switch", "this", "throw", "true",
        "try", "typeof", "var", "void", "while", "with", "yield", "async", "get", "set",
    ]

    private static let assignmentOperator = #"\s*(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=(?!=)"#
    /// `<name> . member <op>=` or `<name> [ … ] <op>=`
    static let memberAssignment = try! NSRegularExpression(
        pattern: #"(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?:\??\.\s*[\w$]+|\[[^\]]*\])"# + assignmentOperator)
    /// `<name> <op>=` (also `++`/`--` on it)
    static let plainAssignment = try! NSRegularExpression(
        pattern: #"(?<![\w$.])([A-Za-z_$][\w$]*)(?:"# + assignmentOperator + #"|\s*(?:\+\+|--))"#)

    private static func assigns(_ source: String, pattern: NSRegularExpression, builtins: Set<String>) -> Bool {
        let text = source as NSString
        for match in pattern.matches(in: source, range: NSRange(location: 0, length: text.length)) {
            if builtins.contains(text.substring(with: match.range(at: 1))) { return true }
        }
        return false
    }
}
