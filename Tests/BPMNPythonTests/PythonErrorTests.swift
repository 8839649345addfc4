import BPMNModel
import BPMNPython
import XCTest

/// Syntax and runtime errors carry the exception type, message and the line inside the script.
final class PythonErrorTests: XCTestCase {
    private var engine: PythonEngine!

    override func setUpWithError() throws {
        engine = try PythonEngine(timeLimit: 2)
    }

    private func runError(_ script: String, _ variables: [String: VariableValue] = [:],
                          file: StaticString = #filePath, line: UInt = #line) -> PythonError? {
        do {
            let result = try engine.run(script, variables: variables)
            XCTFail("expected an error, got \(result.variables)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testSyntaxErrorHasLineAndColumn() throws {
        let error = try XCTUnwrap(engine.checkSyntax(script: "a = 1\nb = (2 +\nc = 3"))
        XCTAssertEqual(error.kind, .syntax)
        XCTAssertEqual(error.exceptionType, "SyntaxError")
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.column, 5)
        XCTAssertEqual(error.lineText, "b = (2 +")
        XCTAssertEqual(error.message, "'(' was never closed")
    }

    func testIndentationErrorIsReportedAtItsLine() throws {
        let error = try XCTUnwrap(engine.checkSyntax(script: "if x:\n    y = 1\n  z = 2"))
        XCTAssertEqual(error.kind, .syntax)
        XCTAssertEqual(error.exceptionType, "IndentationError")
        XCTAssertEqual(error.line, 3)
    }

    func testValidSourcesPassTheCheckWithoutRunning() {
        XCTAssertNil(engine.checkSyntax(script: "while True:\n    pass"), "checking never runs the script")
        XCTAssertNil(engine.checkSyntax(script: "x = undefined_name + 1"))
        XCTAssertNil(engine.checkSyntax(expression: "proceed == True"))
        XCTAssertNotNil(engine.checkSyntax(expression: "proceed = True"))
        XCTAssertNotNil(engine.checkSyntax(expression: "${proceed}"), "a Camunda expression is not Python")
    }

    func testRunningASyntaxErrorReportsIt() {
        let error = runError("x = = 1")
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.line, 1)
    }

    /// SpiffWorkflow's book case `dams_login.missing_var`: NameError `valid_doc`, line 1.
    func testRuntimeErrorLineInsideTheScript() {
        let error = runError("if valid_doc == True:\n    auth_user = True\nelse:\n    auth_user = False")
        XCTAssertEqual(error?.kind, .runtime)
        XCTAssertEqual(error?.exceptionType, "NameError")
        XCTAssertEqual(error?.message, "name 'valid_doc' is not defined")
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.lineText, "if valid_doc == True:")
    }

    /// The oracle's `dams_login.missing_var`: "Did you mean one of '['role', 'password', 'role_val']'?"
    func testNameErrorSuggestsTheClosestVariables() {
        let error = runError("if valid_doc == True:\n    auth_user = True",
                             ["username": "drhouse", "password": "secret", "role": "doctor", "role_val": 1])
        XCTAssertEqual(error?.suggestions, ["role", "password", "role_val"])
        XCTAssertEqual(error?.description, "NameError: name 'valid_doc' is not defined. "
            + "Did you mean one of 'role', 'password', 'role_val'? (line 1: if valid_doc == True:)")
        XCTAssertEqual(runError("x = amout + 1", ["amount": 1])?.suggestions, ["amount"])
        XCTAssertEqual(runError("x = 1 / 0", ["amount": 1])?.suggestions, [])
    }

    func testRuntimeErrorInAFunctionPointsAtTheFailingLine() {
        let script = """
        def ratio(a, b):
            return a / b

        values = [ratio(x, x - 2) for x in range(4)]
        """
        let error = runError(script)
        XCTAssertEqual(error?.exceptionType, "ZeroDivisionError")
        XCTAssertEqual(error?.line, 2, "the innermost line of the script, as SpiffWorkflow reports")
        XCTAssertEqual(error?.description, "ZeroDivisionError: division by zero (line 2: return a / b)")
    }

    func testErrorsRaisedByTheScript() {
        let error = runError("\n\nraise ValueError('amount must be positive')")
        XCTAssertEqual(error?.exceptionType, "ValueError")
        XCTAssertEqual(error?.message, "amount must be positive")
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(runError("d = {}\nx = d['missing']")?.exceptionType, "KeyError")
        XCTAssertEqual(runError("x = [1][5]")?.exceptionType, "IndexError")
        XCTAssertEqual(runError("x = 'a' + 1")?.exceptionType, "TypeError")
        XCTAssertEqual(runError("assert amount > 0, 'no amount'", ["amount": 0])?.message, "no amount")
    }

    func testSystemExitDoesNotEndTheProcess() {
        let error = runError("raise SystemExit(3)")
        XCTAssertEqual(error?.exceptionType, "SystemExit")
        XCTAssertEqual(error?.kind, .runtime)
    }

    func testDeepRecursionIsARecursionError() {
        let error = runError("def f(n):\n    return f(n + 1)\nf(0)")
        XCTAssertEqual(error?.exceptionType, "RecursionError")
        XCTAssertEqual(error?.line, 2)
    }

    func testEngineKeepsWorkingAfterErrors() throws {
        for _ in 0..<20 {
            _ = runError("x = 1 / 0")
            XCTAssertEqual(try engine.run("x = 1", variables: [:]).variables, ["x": 1])
        }
    }
}
