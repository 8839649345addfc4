import BPMNExpressions
import BPMNModel
import XCTest

final class ScriptTests: XCTestCase {
    func testScriptsEvaluateAsOneCompositeExpression() throws {
        let c = VariableMapContext(["a": 41, "name": "Ann"])
        XCTAssertEqual(try JUELScript.run("${a + 1}", in: c), 42)
        XCTAssertEqual(try JUELScript.run("Hello ${name}", in: c), "Hello Ann")
        XCTAssertEqual(try JUELScript.run("#{a > 40}", in: c), true)
        XCTAssertEqual(try JUELScript.run("just text", in: c), "just text")
    }

    func testScriptsCanSetVariables() throws {
        let c = VariableMapContext(["a": 1])
        XCTAssertEqual(try JUELScript.run("${execution.setVariable('result', a * 100)}", in: c), .null)
        XCTAssertEqual(c.variables["result"], 100)
    }

    func testScriptErrors() {
        XCTAssertThrowsError(try JUELScript.run("${a +}", in: VariableMapContext())) { error in
            XCTAssertEqual((error as? ExpressionError)?.message,
                           "Error parsing '${a +}': syntax error at position 5, encountered '}', expected \(SyntaxErrorTests.exprFirst)")
        }
        XCTAssertThrowsError(try JUELScript.run("${missing}", in: VariableMapContext())) { error in
            XCTAssertEqual((error as? ExpressionError)?.message,
                           "Unknown property used in expression: ${missing}. Cause: Cannot resolve identifier 'missing'")
        }
    }
}
