import BPMNExpressions
import BPMNModel
import CJavaScriptCore
import Foundation

/// A native function: gets the runtime, the context and the arguments; returns a value or throws
/// a `NativeThrow` that becomes a JS exception.
typealias NativeFunction = @Sendable (JSRuntime, JSContextRef, [JSValueRef?]) throws(NativeThrow) -> JSValueRef?

struct NativeThrow: Error {
    var constructor: String
    var message: String
    static func type(_ message: String) -> NativeThrow { NativeThrow(constructor: "TypeError", message: message) }
}

/// One reusable JavaScriptCore global context, prepared for running Camunda scripts:
///
/// * `execution`, `print` and `console` are read-only, non-enumerable globals;
/// * scripts run as a *direct eval inside a sloppy-mode function, inside `with (variables)`*:
///   `var`/`let`/`const`/function declarations stay local to the run, the eval returns the
///   completion value, and process variables resolve lazily through `variables`, a JSClass whose
///   hasProperty/getProperty callbacks ask the `ExpressionContext` (see `JSRuntime.scopeClass`);
/// * after each run the global object is checked against a snapshot: new globals (implicit
///   `foo = 1`) are deleted; anything that cannot be undone marks the runtime dirty and the engine
///   replaces it with a fresh one.
final class JSRuntime {
    let group: JSContextGroupRef
    let ctx: JSGlobalContextRef
    private var runner: JSObjectRef!
    private var scope: JSObjectRef!
    private var restoreGlobals: JSObjectRef!
    private var probe: JSObjectRef!
    /// Per-run plain scope object (see `call(_:bindings:)`), nil in lazy mode.
    private var bound: JSObjectRef?
    /// Names bound in `bound` for this run (the source's free identifiers).
    private var boundNames: Set<String> = []
    /// Native function objects (protected) and the boxes their private data points to.
    private var natives: [JSObjectRef] = []
    private var nativeBoxes: [NativeBox] = []
    /// Global names present after setup (builtins, `execution`, `print`, `console`): they are never
    /// shadowed by process variables, so a variable called `JSON` or `Math` cannot break scripts.
    private(set) var pristineGlobals: Set<String> = []

    // Per-run state.
    var context: ExpressionContext?
    var scriptName = ""
    /// Values the script assigned to process-variable names, and the converted copies of the
    /// variables it read (so `order.total = 1; order.total` sees the change). Protected from GC.
    private var overlay: [String: JSValueRef] = [:]
    /// Cleared when a run leaves state behind that `restoreGlobals` cannot undo.
    private(set) var isClean = true

    init(group: JSContextGroupRef) {
        self.group = group
        // A plain global object (no JSClass): a class on the global would make JSC treat its
        // property enumeration as overridden and disable the for-in cache the runner relies on.
        ctx = JSGlobalContextCreateInGroup(group, nil)
        setUp(JSContextGetGlobalObject(ctx)!)
    }

    deinit {
        clearOverlay()
        for function in natives { JSObjectSetPrivate(function, nil); JSValueUnprotect(ctx, function) }
        for object in [runner, scope, restoreGlobals, probe] { if let object { JSValueUnprotect(ctx, object) } }
        JSObjectSetPrivate(scope, nil)
        JSGlobalContextRelease(ctx)
    }


    // MARK: Setup

    private func evaluate(_ source: String) -> JSValueRef {
        var exception: JSValueRef?
        let result = JS.withString(source) { JSEvaluateScript(ctx, $0, nil, nil, 1, &exception) }
        precondition(exception == nil, "JS setup failed: \(JS.toString(ctx, exception))")
        return result!
    }

    private func protectedFunction(_ source: String) -> JSObjectRef {
        let object = JSValueToObject(ctx, evaluate(source), nil)!
        JSValueProtect(ctx, object)
        return object
    }

    private func setUp(_ global: JSObjectRef) {
        let readOnly = JSPropertyAttributes(kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontDelete
            | kJSPropertyAttributeDontEnum)

        let execution = JSObjectMake(ctx, nil, nil)!
        for (name, function) in JSRuntime.executionMethods {
            JS.setProperty(ctx, execution, name, makeNative(name, function), attributes: readOnly)
        }
        JS.setProperty(ctx, global, "execution", execution, attributes: readOnly)
        // Task listener scripts see the task as `task` (Camunda's DelegateTask); its variable
        // methods are the execution's, and getName/getTaskDefinitionKey name the user task.
        JS.setProperty(ctx, global, "task", execution, attributes: readOnly)

        let log = makeNative("log", JSRuntime.printToStandardError)
        JS.setProperty(ctx, global, "print", log, attributes: readOnly)
        let console = JSObjectMake(ctx, nil, nil)!
        for name in ["log", "info", "warn", "error", "debug", "trace"] {
            JS.setProperty(ctx, console, name, log, attributes: readOnly)
        }
        JS.setProperty(ctx, global, "console", console, attributes: readOnly)
        _ = evaluate("Object.freeze(execution); Object.freeze(console);")

        // arguments: [source, scope object, probe]. The scope object never claims `eval` or
        // `arguments`, so they resolve to the intrinsic eval (a direct eval) and the runner's own
        // arguments. The `finally` records in `probe.found` whether the global object gained an
        // enumerable own property (implicit globals such as `foo = 1`; builtins and ours are not
        // enumerable); for-in over an unchanged structure hits JSC's enumerator cache.
        runner = protectedFunction("""
            (function () {
              try { with (arguments[1]) { return eval(arguments[0]); } }
              finally { for (arguments[2].found in this) break; }
            })
            """)
        probe = JSObjectMake(ctx, nil, nil)
        JSValueProtect(ctx, probe)

        // Snapshot of the global object; the returned function restores it after a run and
        // answers whether the global object is back to its snapshot. Only captured intrinsics are
        // used, so a script replacing `Object.keys` etc. cannot fool it (that marks it dirty).
        restoreGlobals = protectedFunction("""
            (function (g) {
              'use strict';
              const getNames = Object.getOwnPropertyNames, getDescriptor = Object.getOwnPropertyDescriptor;
              const deleteProperty = Reflect.deleteProperty;
              const names = getNames(g), values = [], accessor = [], known = Object.create(null);
              for (let i = 0; i < names.length; i++) {
                const d = getDescriptor(g, names[i]);
                accessor[i] = !('value' in d);
                values[i] = accessor[i] ? d.get : d.value;
                known[names[i]] = true;
              }
              return function () {
                const now = getNames(g);
                let clean = true;
                if (now.length !== names.length) {
                  for (let i = 0; i < now.length; i++) {
                    if (known[now[i]] !== true && !deleteProperty(g, now[i])) clean = false;
                  }
                }
                for (let i = 0; i < names.length; i++) {
                  if (accessor[i]) {
                    const d = getDescriptor(g, names[i]);
                    if (d === undefined || d.get !== values[i]) return false;
                  } else if (g[names[i]] !== values[i]) {
                    if (!getDescriptor(g, names[i])) return false;
                    try { g[names[i]] = values[i]; } catch (e) { return false; }
                    if (g[names[i]] !== values[i]) return false;
                  }
                }
                return clean;
              };
            })(this)
            """)
        var exception: JSValueRef?
        let namesValue = evaluate("Object.getOwnPropertyNames(this)")
        let namesArray = JSValueToObject(ctx, namesValue, &exception)!
        for index in 0..<(JS.intProperty(ctx, namesArray, "length") ?? 0) {
            pristineGlobals.insert(JS.toString(ctx, JSObjectGetPropertyAtIndex(ctx, namesArray, UInt32(index), nil)))
        }

        scope = JSObjectMake(ctx, JSRuntime.scopeClass, Unmanaged.passUnretained(self).toOpaque())
        JSObjectSetPrototype(ctx, scope, JSValueMakeNull(ctx))
        JSValueProtect(ctx, scope)
    }

    /// A callable object of `nativeClass` whose private data is a `NativeBox`; it inherits from
    /// `Function.prototype` (so `call`/`apply`/`bind` work) and `typeof` says "function".
    private func makeNative(_ name: String, _ function: @escaping NativeFunction) -> JSObjectRef {
        let box = NativeBox(runtime: self, function: function)
        nativeBoxes.append(box)
        let object = JSObjectMake(ctx, JSRuntime.nativeClass, Unmanaged.passUnretained(box).toOpaque())!
        JSValueProtect(ctx, object)
        // `name` first: once Function.prototype (read-only `name`) is the prototype, setting fails.
        JS.setProperty(ctx, object, "name", JS.makeString(ctx, name),
                       attributes: JSPropertyAttributes(kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontEnum))
        JSObjectSetPrototype(ctx, object, functionPrototype)
        natives.append(object)
        return object
    }

    private lazy var functionPrototype: JSValueRef = evaluate("Function.prototype")

    final class NativeBox {
        unowned let runtime: JSRuntime
        let function: NativeFunction
        init(runtime: JSRuntime, function: @escaping NativeFunction) {
            self.runtime = runtime
            self.function = function
        }
    }

    nonisolated(unsafe) static let nativeClass: JSClassRef = {
        var definition = kJSClassDefinitionEmpty
        definition.callAsFunction = { ctx, function, _, count, arguments, exception in
            guard let ctx, let function, let raw = JSObjectGetPrivate(function) else { return nil }
            let box = Unmanaged<NativeBox>.fromOpaque(raw).takeUnretainedValue()
            let args = (0..<count).map { arguments![$0] }
            do throws(NativeThrow) {
                return try box.function(box.runtime, ctx, args) ?? JSValueMakeUndefined(ctx)
            } catch {
                exception?.pointee = JS.makeError(ctx, error.constructor, error.message)
                return nil
            }
        }
        return "BPMNNativeFunction".withCString { name in
            definition.className = name
            return JSClassCreate(&definition)
        }
    }()

    // MARK: Running

    /// Calls the runner; returns the completion value or the exception.
    ///
    /// `bindings` nil: the lazy scope object (JSClass callbacks ask the context on every lookup).
    /// Otherwise a plain object holding, for each name in `bindings` that is a visible variable,
    /// its current value: used when the source's free identifiers are known (no dynamic code),
    /// because every JSClass callback costs ~0.8 µs (JSC drops and retakes its API lock around
    /// it) and a script resolves `execution`, `eval`, `arguments` … through the scope object.
    /// `execution.setVariable*` refreshes the bound value, so both modes see current values.
    func call(_ source: String, bindings: [String]?) -> (value: JSValueRef?, exception: JSValueRef?) {
        var exception: JSValueRef?
        var scopeObject: JSObjectRef = scope
        if let bindings, let context {
            let object = JSObjectMake(ctx, nil, nil)!
            JSValueProtect(ctx, object)
            JSObjectSetPrototype(ctx, object, JSValueMakeNull(ctx))
            for name in bindings {
                if let variable = context.variable(name) {
                    JS.setProperty(ctx, object, name, JSConvert.toJS(ctx, variable))
                }
            }
            bound = object
            boundNames = Set(bindings)
            scopeObject = object
        }
        let sourceValue = JS.makeString(ctx, source)
        var arguments: [JSValueRef?] = [sourceValue, scopeObject, probe]
        let value = arguments.withUnsafeMutableBufferPointer {
            JSObjectCallAsFunction(ctx, runner, nil, 3, $0.baseAddress, &exception)
        }
        return (value, exception)
    }

    /// Ends a run: forgets the per-run state and puts the global object back (deleting implicit
    /// globals). `checkValues` also compares every builtin global with the snapshot (for scripts
    /// whose source may reassign one). Returns whether the runtime can be reused.
    func finishRun(checkValues: Bool) -> Bool {
        context = nil
        clearOverlay()
        if let bound {
            JSValueUnprotect(ctx, bound)
            self.bound = nil
            boundNames.removeAll(keepingCapacity: true)
        }
        guard isClean else { return false }
        var exception: JSValueRef?
        if !checkValues {
            let found = JS.property(ctx, probe, "found")
            if let found, JSValueIsUndefined(ctx, found) { return true }
            JS.setProperty(ctx, probe, "found", JSValueMakeUndefined(ctx))
        }
        let result = JSObjectCallAsFunction(ctx, restoreGlobals, nil, 0, nil, &exception)
        if exception != nil || result == nil || !JSValueToBoolean(ctx, result) { isClean = false }
        return isClean
    }

    func markDirty() { isClean = false }

    private func clearOverlay() {
        for value in overlay.values { JSValueUnprotect(ctx, value) }
        overlay.removeAll(keepingCapacity: true)
    }

    private func setOverlay(_ name: String, _ value: JSValueRef?) {
        if let old = overlay.removeValue(forKey: name) { JSValueUnprotect(ctx, old) }
        if let value {
            JSValueProtect(ctx, value)
            overlay[name] = value
        }
    }

    /// `execution.setVariable` makes later reads of the name see the stored value.
    fileprivate func invalidate(_ name: String) {
        setOverlay(name, nil)
        if let bound, boundNames.contains(name), let context {
            let value = context.variable(name).map { JSConvert.toJS(ctx, $0) } ?? JSValueMakeUndefined(ctx)
            JS.setProperty(ctx, bound, name, value)
        }
    }

    // MARK: Scope object (lazy process-variable bindings)

    /// Names the scope object never claims, so they resolve to the runner's own bindings.
    private static let unscoped: Set<String> = ["arguments", "eval"]

    /// Called for every free identifier the script resolves. A found variable is converted right
    /// away and cached, so the `getProperty` that follows is a dictionary hit.
    fileprivate func scopeHas(_ name: String) -> Bool {
        if overlay[name] != nil { return true }
        guard let context, !pristineGlobals.contains(name), !JSRuntime.unscoped.contains(name),
              let variable = context.variable(name) else { return false }
        setOverlay(name, JSConvert.toJS(ctx, variable))
        return true
    }

    fileprivate func scopeGet(_ name: String) -> JSValueRef? {
        if let value = overlay[name] { return value }
        guard let context, let variable = context.variable(name) else { return nil }
        let value = JSConvert.toJS(ctx, variable)
        setOverlay(name, value)
        return value
    }

    fileprivate func scopeSet(_ name: String, _ value: JSValueRef?) {
        setOverlay(name, value ?? JSValueMakeUndefined(ctx))
    }

    nonisolated(unsafe) static let scopeClass: JSClassRef = {
        var definition = kJSClassDefinitionEmpty
        definition.attributes = JSClassAttributes(kJSClassAttributeNoAutomaticPrototype)
        definition.hasProperty = { _, object, name in
            guard let object, let name, let raw = JSObjectGetPrivate(object) else { return false }
            return Unmanaged<JSRuntime>.fromOpaque(raw).takeUnretainedValue().scopeHas(JS.swiftString(name))
        }
        definition.getProperty = { _, object, name, _ in
            guard let object, let name, let raw = JSObjectGetPrivate(object) else { return nil }
            return Unmanaged<JSRuntime>.fromOpaque(raw).takeUnretainedValue().scopeGet(JS.swiftString(name))
        }
        definition.setProperty = { _, object, name, value, _ in
            guard let object, let name, let raw = JSObjectGetPrivate(object) else { return false }
            Unmanaged<JSRuntime>.fromOpaque(raw).takeUnretainedValue().scopeSet(JS.swiftString(name), value)
            return true
        }
        definition.deleteProperty = { _, object, name, _ in
            guard let object, let name, let raw = JSObjectGetPrivate(object) else { return false }
            Unmanaged<JSRuntime>.fromOpaque(raw).takeUnretainedValue().invalidate(JS.swiftString(name))
            return true
        }
        return "BPMNVariables".withCString { name in
            definition.className = name
            return JSClassCreate(&definition)
        }
    }()
}

// MARK: - execution, print, console

extension JSRuntime {
    fileprivate static func name(_ args: [JSValueRef?], _ ctx: JSContextRef, _ method: String) throws(NativeThrow) -> String {
        guard let first = args.first, let first, JSValueIsString(ctx, first) else {
            throw .type("execution.\(method) expects a variable name (string) as first argument")
        }
        return JS.toString(ctx, first)
    }

    fileprivate func requireContext(_ method: String) throws(NativeThrow) -> ExpressionContext {
        guard let context else { throw .type("execution.\(method) is only available while a script runs") }
        return context
    }

    fileprivate func variableValue(_ ctx: JSContextRef, _ value: JSValueRef?, _ method: String) throws(NativeThrow) -> VariableValue {
        if let value, JSValueIsObject(ctx, value), let object = JSValueToObject(ctx, value, nil),
           JSObjectIsFunction(ctx, object)
        {
            throw .type("execution.\(method): a function cannot be stored as a process variable")
        }
        do {
            return try JSConvert.toVariable(ctx, value) ?? .null
        } catch {
            if let exception = error.exception {
                throw NativeThrow(constructor: "Error", message: JS.toString(ctx, exception))
            }
            throw .type("execution.\(method): \(error.message)")
        }
    }

    fileprivate static func string(_ ctx: JSContextRef, _ s: String?) -> JSValueRef {
        s.map { JS.makeString(ctx, $0) } ?? JSValueMakeNull(ctx)
    }

    fileprivate static func setter(local: Bool) -> NativeFunction {
        let method = local ? "setVariableLocal" : "setVariable"
        return { runtime, ctx, args throws(NativeThrow) in
            let name = try JSRuntime.name(args, ctx, method)
            let context = try runtime.requireContext(method)
            let value = try runtime.variableValue(ctx, args.count > 1 ? args[1] : nil, method)
            do {
                if local { try context.setVariableLocal(name, value) } else { try context.setVariable(name, value) }
            } catch {
                throw NativeThrow(constructor: "Error", message: "\(error)")
            }
            runtime.invalidate(name)
            return nil
        }
    }

    fileprivate static func getter(_ method: String) -> NativeFunction {
        return { runtime, ctx, args throws(NativeThrow) in
            let name = try JSRuntime.name(args, ctx, method)
            let context = try runtime.requireContext(method)
            return context.variable(name).map { JSConvert.toJS(ctx, $0) } ?? JSValueMakeNull(ctx)
        }
    }

    fileprivate static func has(_ method: String) -> NativeFunction {
        return { runtime, ctx, args throws(NativeThrow) in
            let name = try JSRuntime.name(args, ctx, method)
            return JSValueMakeBoolean(ctx, try runtime.requireContext(method).variable(name) != nil)
        }
    }

    fileprivate static func all(_ method: String) -> NativeFunction {
        return { runtime, ctx, _ throws(NativeThrow) in
            JSConvert.toJS(ctx, .object(try runtime.requireContext(method).visibleVariables()))
        }
    }

    fileprivate static func info(_ method: String, _ read: @escaping @Sendable (ExpressionContext) -> String?) -> NativeFunction {
        return { runtime, ctx, _ throws(NativeThrow) in
            JSRuntime.string(ctx, read(try runtime.requireContext(method)))
        }
    }

    /// The `execution` object's methods. `ExpressionContext` has no scope-local read, so the
    /// `...Local` readers see the same visible variables as their plain counterparts.
    static let executionMethods: [(String, NativeFunction)] = [
        ("getVariable", getter("getVariable")),
        ("getVariableLocal", getter("getVariableLocal")),
        ("setVariable", setter(local: false)),
        ("setVariableLocal", setter(local: true)),
        ("hasVariable", has("hasVariable")),
        ("hasVariableLocal", has("hasVariableLocal")),
        ("getVariables", all("getVariables")),
        ("getVariablesLocal", all("getVariablesLocal")),
        ("getVariableNames", { runtime, ctx, _ throws(NativeThrow) in
            let names = try runtime.requireContext("getVariableNames").visibleVariables().keys.sorted()
            return JSConvert.toJS(ctx, .array(names.map { .string($0) }))
        }),
        ("getId", info("getId") { $0.executionId }),
        ("getProcessInstanceId", info("getProcessInstanceId") { $0.processInstanceId }),
        ("getProcessDefinitionId", info("getProcessDefinitionId") { $0.processDefinitionId }),
        ("getCurrentActivityId", info("getCurrentActivityId") { $0.currentActivityId }),
        ("getActivityId", info("getActivityId") { $0.currentActivityId }),
        ("getCurrentActivityName", info("getCurrentActivityName") { $0.currentActivityName }),
        ("getProcessBusinessKey", info("getProcessBusinessKey") { $0.businessKey }),
        ("getBusinessKey", info("getBusinessKey") { $0.businessKey }),
        ("getName", info("getName") { $0.currentActivityName }),
        ("getTaskDefinitionKey", info("getTaskDefinitionKey") { $0.currentActivityId }),
    ]

    /// `print(...)` and `console.log(...)`: one line on standard error, `[scriptName] a b c`.
    /// Objects print as JSON when they can. Nothing here touches files or the network.
    static let printToStandardError: NativeFunction = { runtime, ctx, args throws(NativeThrow) in
        let parts = args.map { value -> String in
            guard let value else { return "undefined" }
            if JSValueIsObject(ctx, value), let object = JSValueToObject(ctx, value, nil), !JSObjectIsFunction(ctx, object),
               !JSValueIsDate(ctx, value), let json = JSValueCreateJSONString(ctx, value, 0, nil)
            {
                defer { JSStringRelease(json) }
                return JS.swiftString(json)
            }
            return JS.toString(ctx, value)
        }
        let line = "[\(runtime.scriptName)] " + parts.joined(separator: " ") + "\n"
        FileHandle.standardError.write(Data(line.utf8))
        return nil
    }
}
