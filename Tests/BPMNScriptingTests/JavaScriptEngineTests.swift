import BPMNExpressions
import BPMNModel
import BPMNScripting
import Foundation
import XCTest

final class JavaScriptEngineTests: XCTestCase {
    private var engine: JavaScriptEngine!

    override func setUp() {
        engine = JavaScriptEngine(timeLimit: 2)
    }

    private func run(_ source: String, _ context: VariableMapContext = VariableMapContext()) throws -> VariableValue {
        try engine.run(source, context: context, scriptName: "test")
    }

    private func runError(_ source: String, _ context: VariableMapContext = VariableMapContext(),
                          file: StaticString = #filePath, line: UInt = #line) -> ScriptError? {
        do {
            let value = try engine.run(source, context: context, scriptName: "test")
            XCTFail("expected an error, got \(value)", file: file, line: line)
            return nil
        } catch let error as ScriptError {
            return error
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: Bindings

    func testVariablesAreReadableByName() throws {
        let context = VariableMapContext(["amount": 150, "name": "Ann", "vip": true, "rate": 0.5])
        XCTAssertEqual(try run("amount > 100", context), true)
        XCTAssertEqual(try run("name + ' ' + amount * rate", context), "Ann 75")
        XCTAssertEqual(try run("vip ? 'yes' : 'no'", context), "yes")
        XCTAssertEqual(try run("typeof unknownName", context), "undefined")
    }

    func testUnknownNameIsReferenceError() {
        let error = runError("missing + 1")
        XCTAssertEqual(error?.kind, .runtime)
        XCTAssertEqual(error?.message, "ReferenceError: Can't find variable: missing")
        XCTAssertEqual(error?.line, 1)
    }

    func testBindingsSeeCurrentValues() throws {
        let context = VariableMapContext(["n": 1])
        XCTAssertEqual(try run("execution.setVariable('n', n + 1); n", context), 2)
        XCTAssertEqual(context.variables["n"], 2)
        context.variables["n"] = 10
        XCTAssertEqual(try run("n", context), 10)
    }

    func testObjectVariableKeepsInScriptMutationsButDoesNotStoreThem() throws {
        let context = VariableMapContext(["order": ["total": 1, "items": ["a"]]])
        XCTAssertEqual(try run("order.total = 5; order.items.push('b'); [order.total, order.items.length]", context), [5, 2])
        XCTAssertEqual(context.variables["order"], ["total": 1, "items": ["a"]])
    }

    func testAssignmentsAreNotStoredAsProcessVariables() throws {
        let context = VariableMapContext(["amount": 10])
        XCTAssertEqual(try run("var foo = 1; bar = 2; amount = amount * 2; var amount2 = amount; amount2", context), 20)
        XCTAssertEqual(context.variables, ["amount": 10])
    }

    func testRedeclaringProcessVariableWithVarReadsItsValue() throws {
        // GraalJS copies bindings into globals, so `var x = x + 1` sees the variable's value.
        let context = VariableMapContext(["counter": 4])
        XCTAssertEqual(try run("var counter = counter + 1; counter", context), 5)
        XCTAssertEqual(context.variables["counter"], 4)
    }

    func testScriptDeclarationsDoNotLeakIntoNextRun() throws {
        let context = VariableMapContext()
        XCTAssertEqual(try run("var foo = 1; let bar = 2; const baz = 3; function f() { return 4 } implicitGlobal = 5; foo", context), 1)
        XCTAssertEqual(context.variables, [:])
        XCTAssertEqual(try run("[typeof foo, typeof bar, typeof baz, typeof f, typeof implicitGlobal].join()", context),
                       "undefined,undefined,undefined,undefined,undefined")
        // Declaring the same let/const again must work (it would be a redeclaration error in a shared global scope).
        XCTAssertEqual(try run("let bar = 7; const baz = 8; bar + baz", context), 15)
    }

    func testBuiltinOverwritesDoNotLeakIntoNextRun() throws {
        XCTAssertEqual(try run("JSON = null; Math.max = function () { return -1 }; Array.prototype.extra = 1; 1"), 1)
        XCTAssertEqual(try run("[JSON.stringify({a: 1}), Math.max(1, 2), typeof [].extra].join('|')"), #"{"a":1}|2|undefined"#)
        XCTAssertEqual(try run("this.leak = 1; typeof leak"), "number")
        XCTAssertEqual(try run("typeof leak"), "undefined")
    }

    func testProcessVariableDoesNotShadowBuiltinsOrExecution() throws {
        let context = VariableMapContext(["JSON": "x", "execution": "y", "Math": 1, "value": 3])
        XCTAssertEqual(try run("JSON.stringify(Math.max(value, 2)) + execution.getVariable('JSON')", context), "3x")
    }

    func testDynamicCodeUsesLazyBindings() throws {
        // Sources with eval/Function/with resolve names through the JSClass scope object.
        let context = VariableMapContext(["amount": 7, "order": ["total": 1]])
        XCTAssertEqual(try run("eval('am' + 'ount') + 1", context), 8)
        XCTAssertEqual(try run("execution.setVariable('amount', 9); eval('amount')", context), 9)
        XCTAssertEqual(try run("order.total = 5; eval('order.total')", context), 5)
        XCTAssertEqual(try run("var amount = amount * 2; eval('amount')", context), 18)
        XCTAssertEqual(try run("new Function('return typeof amount')()", context), "undefined")
        XCTAssertEqual(context.variables["amount"], 9)
        XCTAssertEqual(context.variables["order"], ["total": 1])
        let error = runError("eval('nothing')", context)
        XCTAssertEqual(error?.message, "ReferenceError: Can't find variable: nothing")
        XCTAssertEqual(try run("typeof amount", context), "number")
    }

    func testNativeFunctionsBehaveLikeFunctions() throws {
        let context = VariableMapContext(["x": 1])
        XCTAssertEqual(try run("[typeof execution.getVariable, execution.getVariable.call(null, 'x'), execution.getVariable.name]", context),
                       ["function", 1, "getVariable"])
        XCTAssertEqual(try run("const get = execution.getVariable; get('x')", context), 1)
    }

    // MARK: Results

    func testCompletionValues() throws {
        let context = VariableMapContext(["a": 2, "b": 3])
        XCTAssertEqual(try run("a + b;", context), 5)
        XCTAssertEqual(try run("if (a > 1) { 'big' } else { 'small' }", context), "big")
        XCTAssertEqual(try run("function twice(x) { return 2 * x }\ntwice(a)", context), 4)
        XCTAssertEqual(try run("var x = 1;", context), .null)
        XCTAssertEqual(try run("'first'; var y = 2;", context), "first")
        XCTAssertEqual(try run("undefined", context), .null)
        XCTAssertEqual(try run("", context), .null)
        XCTAssertEqual(try run("(function () {})", context), .null)
    }

    func testResultConversion() throws {
        XCTAssertEqual(try run("[1, 2.5, 'x', true, null, undefined, () => 1]"), [1, 2.5, "x", true, nil, nil, nil])
        XCTAssertEqual(try run("({a: {b: [1]}, f() {}, u: undefined})"), ["a": ["b": [1]]])
        XCTAssertEqual(try run("new Date(Date.UTC(2024, 0, 2, 3, 4, 5))"), .date(Date(timeIntervalSince1970: 1_704_164_645)))
        XCTAssertEqual(try run("2 ** 53"), .integer(9_007_199_254_740_992))
        XCTAssertEqual(try run("2 ** 53 + 2"), .double(9_007_199_254_740_994))
        XCTAssertEqual(try run("-0"), .double(-0.0))
        XCTAssertEqual(try run("1 / 3"), .double(1.0 / 3.0))
        XCTAssertEqual(try run("-42"), .integer(-42))
        XCTAssertEqual(try run("12345678901234567890n"), .double(12_345_678_901_234_567_890))
        XCTAssertEqual(try run("42n"), .integer(42))
        XCTAssertTrue(try run("NaN").doubleValue!.isNaN)
    }

    func testCyclicResultIsRejected() {
        let error = runError("var o = {}; o.self = o; o")
        XCTAssertEqual(error?.kind, .unsupported)
        XCTAssertTrue(error?.message.contains("cycle") ?? false, "\(String(describing: error))")
    }

    func testSharedButAcyclicReferencesAreFine() throws {
        XCTAssertEqual(try run("var s = {v: 1}; ({a: s, b: s, c: [s, s]})"), ["a": ["v": 1], "b": ["v": 1], "c": [["v": 1], ["v": 1]]])
    }

    // MARK: execution API

    func testSetVariableRoundTripsEveryType() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000.5)
        let values: [String: VariableValue] = [
            "nothing": .null, "flag": true, "count": 42, "big": .integer(9_007_199_254_740_992), "ratio": 2.5,
            "text": "héllo \u{1F600}", "when": .date(date), "list": [1, "two", [3.5], nil],
            "record": ["name": "x", "nested": ["deep": [true]], "empty": [:]],
        ]
        let source = VariableMapContext(values)
        let target = VariableMapContext()
        for name in values.keys.sorted() {
            source.variables["__name"] = .string(name)
            // read through the binding and through getVariable, write through setVariable
            _ = try engine.run("execution.setVariable('copy', \(name)); execution.setVariable('got', execution.getVariable(__name))",
                               context: source, scriptName: "copy")
            XCTAssertEqual(source.variables["copy"], values[name], name)
            XCTAssertEqual(source.variables["got"], values[name], name)
            try target.setVariable(name, source.variables["copy"]!)
        }
        XCTAssertEqual(try run("[typeof count, typeof ratio, when instanceof Date, when.getTime(), Array.isArray(list), record.nested.deep[0]]",
                               VariableMapContext(values)),
                       ["number", "number", true, .integer(1_700_000_000_500), true, true])
    }

    func testIntegralNumbersAreStoredAsLongs() throws {
        let context = VariableMapContext()
        _ = try run("execution.setVariable('a', 3); execution.setVariable('b', 3.0); execution.setVariable('c', 3.25); execution.setVariable('d', 6 / 2)", context)
        XCTAssertEqual(context.variables["a"], .integer(3))
        XCTAssertEqual(context.variables["b"], .integer(3))
        XCTAssertEqual(context.variables["c"], .double(3.25))
        XCTAssertEqual(context.variables["d"], .integer(3))
    }

    func testSetVariableWithIterationIncrement() throws {
        let context = VariableMapContext(["iteration": 0])
        for _ in 0..<5 { _ = try run("execution.setVariable(\"iteration\", iteration + 1)", context) }
        XCTAssertEqual(context.variables["iteration"], 5)
    }

    func testExecutionMethods() throws {
        let context = VariableMapContext(["x": 1, "y": "two"], activityId: "Task_1")
        context.currentActivityName = "Compute"
        context.businessKey = "BK-7"
        context.executionId = "exec-3"
        context.processInstanceId = "pi-9"
        context.processDefinitionId = "proc:2:abc"
        let result = try run("""
            execution.setVariableLocal('z', true);
            [execution.getId(), execution.getProcessInstanceId(), execution.getProcessDefinitionId(),
             execution.getCurrentActivityId(), execution.getCurrentActivityName(), execution.getProcessBusinessKey(),
             execution.getBusinessKey(), execution.hasVariable('x'), execution.hasVariable('nope'),
             execution.getVariable('nope'), execution.getVariableLocal('y'), execution.getVariables()]
            """, context)
        XCTAssertEqual(result, ["exec-3", "pi-9", "proc:2:abc", "Task_1", "Compute", "BK-7", "BK-7", true, false, nil, "two",
                                ["x": 1, "y": "two", "z": true]])
        XCTAssertEqual(context.variables["z"], true)
        let plain = VariableMapContext()
        XCTAssertEqual(try run("[execution.getCurrentActivityName(), execution.getBusinessKey()]", plain), [nil, nil])
    }

    func testSetVariableErrors() {
        XCTAssertEqual(runError("execution.setVariable(1, 2)")?.message,
                       "TypeError: execution.setVariable expects a variable name (string) as first argument")
        let function = runError("\nexecution.setVariable('f', function () {})")
        XCTAssertEqual(function?.message, "TypeError: execution.setVariable: a function cannot be stored as a process variable")
        XCTAssertEqual(function?.line, 2)
        XCTAssertEqual(runError("var a = []; a.push(a); execution.setVariable('a', a)")?.kind, .runtime)
        // the script can catch those errors
        XCTAssertEqual(try run("try { execution.setVariable(5) } catch (e) { e instanceof TypeError }"), true)
    }

    func testExecutionCannotBeReplaced() throws {
        XCTAssertEqual(try run("execution = 1; execution.getVariable = null; typeof execution.getVariable"), "function")
    }

    // MARK: Errors

    func testRuntimeErrorCarriesNameMessageAndPosition() {
        let error = runError("var a = 1;\nvar b = 2;\nnull.foo")
        XCTAssertEqual(error?.kind, .runtime)
        XCTAssertEqual(error?.message, "TypeError: null is not an object (evaluating 'null.foo')")
        XCTAssertEqual(error?.line, 3)
        XCTAssertNotNil(error?.column)
        let thrown = runError("\n\nfunction fail() {\n  throw new RangeError('too far') }\nfail()")
        XCTAssertEqual(thrown?.message, "RangeError: too far")
        XCTAssertEqual(thrown?.line, 4)
        XCTAssertEqual(runError("throw 'plain'")?.message, "Uncaught plain")
    }

    func testSyntaxErrors() {
        XCTAssertNil(engine.checkSyntax("var a = 1;\nlet b = a => a + 1;"))
        let error = engine.checkSyntax("var a = 1;\n\n  x = {;")
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.hasPrefix("SyntaxError: ") ?? false)
        let viaRun = runError("var ok = 1;\nif (")
        XCTAssertEqual(viaRun?.kind, .syntax)
        XCTAssertEqual(viaRun?.line, 2)
        // checkSyntax never runs anything
        let context = VariableMapContext()
        XCTAssertNil(engine.checkSyntax("execution.setVariable('ran', true); while (true) {}"))
        XCTAssertEqual(context.variables, [:])
        // a SyntaxError thrown at run time (JSON.parse) is a runtime error
        XCTAssertEqual(runError("JSON.parse('{')")?.kind, .runtime)
    }

    func testTimeoutStopsRunawayScript() throws {
        let fast = JavaScriptEngine(timeLimit: 0.2)
        let start = Date()
        var caught: ScriptError?
        do { _ = try fast.run("var i = 0; while (true) { i++ }", context: VariableMapContext(), scriptName: "loop") } catch let error as ScriptError { caught = error }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(caught?.kind, .timeout)
        XCTAssertEqual(caught?.message, "Script 'loop' exceeded the time limit of 0.2 s and was terminated")
        XCTAssertGreaterThanOrEqual(elapsed, 0.19)
        XCTAssertLessThan(elapsed, 1.5)
        // try/catch cannot swallow the termination, and the engine keeps working afterwards
        do { _ = try fast.run("try { for (;;) {} } catch (e) { 'caught' }", context: VariableMapContext(), scriptName: "loop") } catch let error as ScriptError { caught = error }
        XCTAssertEqual(caught?.kind, .timeout)
        XCTAssertEqual(try fast.run("1 + 1", context: VariableMapContext(), scriptName: "after"), 2)
    }

    func testDeepRecursionIsARangeError() throws {
        let error = runError("function down(n) { return down(n + 1) + 1 }\ndown(0)")
        XCTAssertEqual(error?.kind, .runtime)
        XCTAssertEqual(error?.message, "RangeError: Maximum call stack size exceeded.")
        XCTAssertEqual(try run("'still fine'"), "still fine")
    }

    func testMemoryGrowthIsStopped() throws {
        let small = JavaScriptEngine(timeLimit: 20, memoryLimit: 64 << 20)
        let start = Date()
        var caught: ScriptError?
        do {
            _ = try small.run("const keep = []; for (;;) keep.push(new Array(100000).fill(1.5))",
                              context: VariableMapContext(), scriptName: "hog")
        } catch let error as ScriptError { caught = error }
        XCTAssertEqual(caught?.kind, .timeout)
        XCTAssertEqual(caught?.message, "Script 'hog' grew memory by more than 64 MiB and was terminated")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testHugeAllocationFailsCleanly() {
        let error = runError("'x'.repeat(2 ** 31)")
        XCTAssertEqual(error?.kind, .runtime)
        XCTAssertTrue(error?.message.hasPrefix("RangeError") ?? false, "\(String(describing: error))")
    }

    // MARK: Language

    func testModernJavaScript() throws {
        let context = VariableMapContext(["items": [["price": 2, "qty": 3], ["price": 5, "qty": 1]], "customer": ["name": "Bo"]])
        let result = try run("""
            const total = items.map(({ price, qty }) => price * qty).reduce((a, b) => a + b, 0);
            let { name } = customer;
            const [first, ...rest] = [1, 2, 3];
            class Greeter { constructor(n) { this.n = n } greet() { return `Hi ${this.n}` } }
            const extra = { ...customer, total, rest, first: first ?? 0, opt: customer?.missing?.x };
            `${new Greeter(name).greet()}: ${total}|${JSON.stringify(extra)}`
            """, context)
        XCTAssertEqual(result, #"Hi Bo: 11|{"name":"Bo","total":11,"rest":[2,3],"first":1}"#)
    }

    func testPrintAndConsoleExist() throws {
        XCTAssertEqual(try run("[typeof print, typeof console.log, typeof console.error]"), ["function", "function", "function"])
        XCTAssertEqual(try run("typeof require + typeof load + typeof readFile + typeof XMLHttpRequest + typeof fetch"),
                       "undefinedundefinedundefinedundefinedundefined")
    }

    func testManyRunsStayConsistent() throws {
        let context = VariableMapContext(["iteration": 0])
        for _ in 0..<2000 { _ = try run("execution.setVariable(\"iteration\", iteration + 1)", context) }
        XCTAssertEqual(context.variables["iteration"], 2000)
    }
}

final class ScriptLanguageTests: XCTestCase {
    func testFormats() {
        for format in ["javascript", "JavaScript", "ECMAScript", "js", " JS ", "graal.js"] {
            XCTAssertEqual(ScriptLanguage(format: format), .javascript, format)
        }
        XCTAssertEqual(ScriptLanguage(format: "juel"), .juel)
        XCTAssertEqual(ScriptLanguage(format: nil), .juel)
        for format in ["python", "Jython", "py"] { XCTAssertEqual(ScriptLanguage(format: format), .python, format) }
        XCTAssertEqual(ScriptLanguage(format: "Groovy"), .groovy)
        XCTAssertEqual(ScriptLanguage(format: "ruby"), .other("ruby"))
        XCTAssertTrue(ScriptLanguage(format: "ecmascript").isJavaScript)
        XCTAssertFalse(ScriptLanguage(format: "groovy").isJavaScript)
    }
}

final class ScriptErrorTests: XCTestCase {
    func testDescription() {
        XCTAssertEqual(ScriptError(kind: .runtime, message: "TypeError: x", line: 3, column: 5).description, "TypeError: x (line 3, column 5)")
        XCTAssertEqual(ScriptError(kind: .syntax, message: "SyntaxError: y", line: 2).description, "SyntaxError: y (line 2)")
        XCTAssertEqual(ScriptError(kind: .timeout, message: "slow").description, "slow")
    }
}
