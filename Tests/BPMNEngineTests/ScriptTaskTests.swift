import BPMNEngine
import BPMNModel
import XCTest

/// JavaScript script tasks in the embedded JavaScriptCore engine.
final class ScriptTaskTests: XCTestCase {
    func scriptProcess(_ script: String, format: String = "javascript", result: String? = nil) -> String {
        let resultAttribute = result.map { " camunda:resultVariable=\"\($0)\"" } ?? ""
        return """
            <bpmn:startEvent id="start"/>
            <bpmn:scriptTask id="script" scriptFormat="\(format)"\(resultAttribute)>
              <bpmn:script>\(xmlEscaped(script))</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:endEvent id="end"/>
            \(chain("start", "script", "end"))
            """
    }

    func testTheLastValueGoesToTheResultVariableWithItsType() throws {
        let cases: [(String, VariableValue)] = [
            ("amount * 2", .integer(20)),
            ("amount / 4", .double(2.5)),
            ("'n=' + amount", .string("n=10")),
            ("amount > 5", .boolean(true)),
            ("({total: amount, tags: ['a', null]})", ["total": 10, "tags": ["a", nil]]),
            ("null", .null),
        ]
        for (script, expected) in cases {
            let h = try Harness(scriptProcess(script, result: "out")).start(["amount": 10])
            XCTAssertEqual(h.status, .completed, script)
            XCTAssertEqual(h.variables["out"], expected, script)
        }
    }

    func testScriptsSetVariablesThroughExecution() throws {
        let h = try Harness(scriptProcess("""
            var greeting = 'Hello ' + execution.getVariable('name');
            execution.setVariable('greeting', greeting);
            execution.setVariable('names', [name, 'Bob']);
            """)).start(["name": "Anna"])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.variables["greeting"], .string("Hello Anna"))
        XCTAssertEqual(h.variables["names"], ["Anna", "Bob"])
        XCTAssertEqual(Set(h.variables.keys), ["name", "greeting", "names"], "script-local variables are not kept")
        let set = h.events(.variableSet).first { $0["variable"] == "greeting" }
        XCTAssertEqual(set?.element, "script")
        XCTAssertEqual(set?["source"], "script")
    }

    func testEcmascriptAndJsAreJavaScriptToo() throws {
        for format in ["ecmascript", "js", "JavaScript"] {
            let h = try Harness(scriptProcess("[1, 2, 3].map(x => x * x).reduce((a, b) => a + b)", format: format, result: "r")).start()
            XCTAssertEqual(h.variables["r"], .integer(14), format)
        }
    }

    func testAThrowingScriptFailsTheRunNamingTheElement() throws {
        let h = try Harness(scriptProcess("execution.setVariable('before', 1);\nthrow new Error('no stock');", result: "r")).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "script")
        let message = h.error?.message ?? ""
        XCTAssertTrue(message.hasPrefix("script task 'script' failed at line 2 of the script"), message)
        XCTAssertTrue(message.contains("no stock"), message)
        let failed = h.events(.scriptFailed)
        XCTAssertEqual(failed.map(\.element), ["script"])
        XCTAssertEqual(failed.first?["line"], 2)
        XCTAssertTrue(failed.first?["message"]?.stringValue?.contains("no stock") == true)
        XCTAssertEqual(h.events(.processFailed).count, 1)
        XCTAssertEqual(h.completed, ["start"], "the script task did not complete")
        XCTAssertEqual(h.active, [], "a failed run has no waiting tokens to offer")
        XCTAssertThrowsError(try h.run.complete(token: 1, variables: [:]))
    }

    func testAReferenceToAnUnknownVariableFails() throws {
        let h = try Harness(scriptProcess("undefinedThing + 1", result: "r")).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "script")
        XCTAssertTrue(h.error?.message.contains("undefinedThing") == true, h.error?.message ?? "")
    }

    func testARunawayScriptIsStoppedAtTheTimeLimit() throws {
        let h = try Harness(scriptProcess("while (true) {}"), options: options(scriptTimeout: 0.3)).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "script")
        XCTAssertEqual(h.error?.message, "script task 'script' was stopped after running longer than 0.3 s (--script-timeout)")
        XCTAssertEqual(h.events(.scriptFailed).count, 1)
        h.run.finishTrace()
        XCTAssertEqual(h.trace.summary?.status, .failed, "the trace is still written")
    }

    func testAScriptThatDoesNotCompileIsRejectedBeforeTheRun() {
        let problems = compileFailure(diagram(scriptProcess("var x = ;")))
        XCTAssertEqual(problems.map(\.elementId), ["script"])
        XCTAssertTrue(problems.first?.message.hasPrefix("JavaScript does not compile") == true, problems.first?.message ?? "")
        XCTAssertGreaterThan(problems.first?.location.line ?? 0, 0, "the problem has a file line")
    }

    func testTheSameBrokenScriptIsReportedForEveryTaskThatHasIt() {
        // Each distinct script text is checked once; every task carrying it must still be named.
        func task(_ id: String, _ script: String) -> String {
            "<bpmn:scriptTask id=\"\(id)\" scriptFormat=\"javascript\"><bpmn:script>\(xmlEscaped(script))</bpmn:script></bpmn:scriptTask>"
        }
        let problems = compileFailure(diagram("""
            <bpmn:startEvent id="start"/>
            \(task("a", "var x = ;"))
            \(task("b", "x = 1;"))
            \(task("c", "var x = ;"))
            <bpmn:endEvent id="end"/>
            \(chain("start", "a", "b", "c", "end"))
            """))
        XCTAssertEqual(problems.map(\.elementId), ["a", "c"])
        XCTAssertEqual(problems.map(\.message), Array(repeating: problems.first?.message ?? "", count: 2))
        XCTAssertNotEqual(problems.first?.location.line, problems.last?.location.line, "each problem points at its own task")
    }

    func testUnsupportedScriptFormatsAreRejectedNamingElementAndFormat() {
        let groovy = compileFailure(diagram(scriptProcess("println 'hi'", format: "groovy")))
        XCTAssertEqual(groovy.map(\.elementId), ["script"])
        XCTAssertEqual(groovy.first?.message,
                       "scriptFormat 'groovy' is not supported: bpmnrun runs javascript (also ecmascript, js) and juel scripts")
        let python = compileFailure(diagram(scriptProcess("x = 1", format: "python")))
        XCTAssertTrue(python.first?.message.contains("is Python, which runs only under the SpiffWorkflow dialect") == true)
    }

    func testAScriptTaskWithoutAScriptIsRejected() {
        let problems = compileFailure(diagram("""
            <bpmn:startEvent id="start"/>
            <bpmn:scriptTask id="empty" scriptFormat="javascript"/>
            \(chain("start", "empty"))
            """))
        XCTAssertEqual(problems.map(\.elementId), ["empty"])
        XCTAssertTrue(problems.first?.message.contains("has no script") == true)
    }
}
