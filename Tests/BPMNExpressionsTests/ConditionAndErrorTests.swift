import BPMNExpressions
import BPMNModel
import XCTest

final class ConditionAndErrorTests: XCTestCase {
    private func condition(_ text: String, _ vars: [String: VariableValue]) throws -> Bool {
        try JUELExpression(parsing: text).evaluateCondition(in: VariableMapContext(vars))
    }

    private func conditionError(_ text: String, _ vars: [String: VariableValue] = [:]) -> String? {
        do {
            let v = try condition(text, vars)
            XCTFail("\(text) should fail, got \(v)")
            return nil
        } catch {
            return (error as? ExpressionError)?.message
        }
    }

    func testBooleanConditions() throws {
        let vars: [String: VariableValue] = ["iteration": 12, "approved": true, "amount": 1500.5, "status": "OK"]
        XCTAssertTrue(try condition("${iteration < 300}", vars))
        XCTAssertFalse(try condition("${iteration >= 300}", vars))
        XCTAssertTrue(try condition("${approved}", vars))
        XCTAssertTrue(try condition("#{approved && amount > 1000}", vars))
        XCTAssertTrue(try condition("${status == 'OK'}", vars))
        XCTAssertFalse(try condition("${!approved}", vars))
        XCTAssertTrue(try condition("${true}", vars))
    }

    func testConditionsAreNotCoerced() {
        XCTAssertEqual(conditionError("${'true'}"),
                       "condition expression returns non-Boolean: result has class java.lang.String and not java.lang.Boolean")
        XCTAssertEqual(conditionError("${a}", ["a": 1]),
                       "condition expression returns non-Boolean: result has class java.lang.Long and not java.lang.Boolean")
        XCTAssertEqual(conditionError("${a / 1}", ["a": 1]),
                       "condition expression returns non-Boolean: result has class java.lang.Double and not java.lang.Boolean")
        XCTAssertEqual(conditionError("${approved} ", ["approved": true]),
                       "condition expression returns non-Boolean: result has class java.lang.String and not java.lang.Boolean")
        XCTAssertEqual(conditionError("${list}", ["list": [true]]),
                       "condition expression returns non-Boolean: result has class java.util.ArrayList and not java.lang.Boolean")
        XCTAssertEqual(conditionError("true"),
                       "condition expression returns non-Boolean: result has class java.lang.String and not java.lang.Boolean")
    }

    func testNullConditionIsAnError() {
        XCTAssertEqual(conditionError("${x}", ["x": .null]), "condition expression returns null: result is null")
        XCTAssertEqual(conditionError("${m.missing}", ["m": [:]]), "condition expression returns null: result is null")
    }

    func testUnknownIdentifierMessage() {
        XCTAssertEqual(juelError("${x}"), "Unknown property used in expression: ${x}. Cause: Cannot resolve identifier 'x'")
        XCTAssertEqual(conditionError("${approved == true}"),
                       "Unknown property used in expression: ${approved == true}. Cause: Cannot resolve identifier 'approved'")
        XCTAssertEqual(juelError("Dear ${user.name},"),
                       "Unknown property used in expression: Dear ${user.name},. Cause: Cannot resolve identifier 'user'")
        XCTAssertEqual(juelError("#{a + b}", ["a": 1]),
                       "Unknown property used in expression: #{a + b}. Cause: Cannot resolve identifier 'b'")
    }

    func testErrorKinds() {
        func error(_ text: String) -> ExpressionError? {
            do { _ = try JUELExpression(parsing: text).evaluate(in: VariableMapContext(["s": "x"])); return nil } catch { return error as? ExpressionError }
        }
        XCTAssertEqual(error("${x}")?.isUnknownProperty, true)
        XCTAssertEqual(error("${s.nope()}")?.isUnknownMethod, true)
        XCTAssertEqual(error("${s.nope()}")?.isUnknownProperty, false)
        XCTAssertEqual(error("${'a' + 1}")?.isUnknownProperty, false)
    }

    func testTryEvaluateTreatsUnknownPropertiesAsFalse() throws {
        let e = try JUELExpression(parsing: "${temperature > 30}")
        XCTAssertFalse(try e.tryEvaluateCondition(in: VariableMapContext()))
        XCTAssertTrue(try e.tryEvaluateCondition(in: VariableMapContext(["temperature": 31])))
        XCTAssertThrowsError(try JUELExpression(parsing: "${'x'}").tryEvaluateCondition(in: VariableMapContext()))
    }

    func testExpressionIsReusableAcrossContexts() throws {
        let e = try JUELExpression(parsing: "${n * 2}")
        XCTAssertEqual(try e.evaluate(in: VariableMapContext(["n": 2])), 4)
        XCTAssertEqual(try e.evaluate(in: VariableMapContext(["n": 2.5])), 5.0)
        XCTAssertEqual(try e.evaluate(in: VariableMapContext(["n": "3"])), 6)
    }
}
