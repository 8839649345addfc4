import BPMNModel
import BPMNPython
import XCTest

/// Conditions and expressions, as SpiffWorkflow evaluates sequence-flow conditions.
final class PythonConditionTests: XCTestCase {
    private var engine: PythonEngine!

    override func setUpWithError() throws {
        engine = try PythonEngine(timeLimit: 2)
    }

    func testBookConditionsCompareFormValues() throws {
        XCTAssertTrue(try engine.evaluateCondition("proceed == True", variables: ["proceed": true]))
        XCTAssertFalse(try engine.evaluateCondition("proceed == True", variables: ["proceed": false]))
        XCTAssertTrue(try engine.evaluateCondition("role_val == 0", variables: ["role_val": 0]))
        XCTAssertFalse(try engine.evaluateCondition("role_val == 0", variables: ["role_val": 2]))
        XCTAssertTrue(try engine.evaluateCondition("auth_user == False", variables: ["auth_user": false]))
    }

    func testConditionsUsePythonTruthiness() throws {
        XCTAssertFalse(try engine.evaluateCondition("items", variables: ["items": []]))
        XCTAssertTrue(try engine.evaluateCondition("items", variables: ["items": [0]]))
        XCTAssertFalse(try engine.evaluateCondition("name", variables: ["name": ""]))
        XCTAssertFalse(try engine.evaluateCondition("None", variables: [:]))
        XCTAssertTrue(try engine.evaluateCondition("amount", variables: ["amount": 0.5]))
        XCTAssertFalse(try engine.evaluateCondition("{}", variables: [:]))
    }

    func testPythonOperatorsAndBuiltins() throws {
        let vars: [String: VariableValue] = ["amount": 750, "category": "travel", "tags": ["a", "b"],
                                             "order": ["total": 12.5, "lines": [1, 2, 3]]]
        XCTAssertTrue(try engine.evaluateCondition("amount > 500 and category in ('travel', 'food')", variables: vars))
        XCTAssertTrue(try engine.evaluateCondition("'b' in tags and len(tags) == 2", variables: vars))
        XCTAssertTrue(try engine.evaluateCondition("order['total'] > 10 and sum(order['lines']) == 6", variables: vars))
        XCTAssertTrue(try engine.evaluateCondition("not (amount < 100) if category else False", variables: vars))
        XCTAssertTrue(try engine.evaluateCondition("category.upper().startswith('TRA')", variables: vars))
        XCTAssertTrue(try engine.evaluateCondition("any(t == 'a' for t in tags)", variables: vars))
    }

    func testExpressionValues() throws {
        XCTAssertEqual(try engine.evaluate("amount * 2", variables: ["amount": 21]), 42)
        XCTAssertEqual(try engine.evaluate("amount / 2", variables: ["amount": 21]), 10.5)
        XCTAssertEqual(try engine.evaluate("amount // 2", variables: ["amount": 21]), 10)
        XCTAssertEqual(try engine.evaluate("f'{name}-{n:03d}'", variables: ["name": "inv", "n": 7]), "inv-007")
        XCTAssertEqual(try engine.evaluate("[x * x for x in range(4)]", variables: [:]), [0, 1, 4, 9])
        XCTAssertEqual(try engine.evaluate("{'a': a, 'b': [a, None]}", variables: ["a": true]),
                       ["a": true, "b": [true, nil]])
        XCTAssertEqual(try engine.evaluate("'\"PT0.25S\"'[1:-1]", variables: [:]), "PT0.25S")
    }

    /// Built-in `eval` skips leading spaces and tabs; conditions typed with a leading space work,
    /// as they do in SpiffWorkflow.
    func testLeadingSpacesAreSkippedLikeBuiltinEval() throws {
        XCTAssertTrue(try engine.evaluateCondition("  x == 1", variables: ["x": 1]))
        XCTAssertTrue(try engine.evaluateCondition("\tx == 1\n", variables: ["x": 1]))
        XCTAssertTrue(try engine.evaluateCondition("\nx == 1\n", variables: ["x": 1]))
    }

    func testUnknownNameIsANameErrorNamingIt() {
        XCTAssertThrowsError(try engine.evaluateCondition("valid_doc == True", variables: [:])) { error in
            let error = error as! PythonError
            XCTAssertEqual(error.kind, .runtime)
            XCTAssertEqual(error.exceptionType, "NameError")
            XCTAssertEqual(error.message, "name 'valid_doc' is not defined")
            XCTAssertEqual(error.line, 1)
            XCTAssertEqual(error.description, "NameError: name 'valid_doc' is not defined (line 1: valid_doc == True)")
        }
    }

    func testAStatementIsNotAnExpression() {
        XCTAssertThrowsError(try engine.evaluate("x = 1", variables: [:])) { error in
            XCTAssertEqual((error as! PythonError).kind, .syntax)
        }
    }

    func testExpressionsCannotChangeTheVariables() throws {
        // A walrus binds in the evaluation's own namespace only.
        XCTAssertEqual(try engine.evaluate("(y := 5) + x", variables: ["x": 1]), 6)
        XCTAssertThrowsError(try engine.evaluate("y", variables: ["x": 1]))
    }

    func testUnmappableResultNamesItsType() {
        XCTAssertThrowsError(try engine.evaluate("{1, 2}", variables: [:])) { error in
            let error = error as! PythonError
            XCTAssertEqual(error.kind, .unsupportedValue)
            XCTAssertTrue(error.message.contains("'set'"), error.message)
        }
    }

    func testManyEvaluationsInARowSeeOnlyTheirOwnVariables() throws {
        for i in 0..<2000 {
            let name = "v\(i % 50)"
            XCTAssertEqual(try engine.evaluate("\(name) + 1", variables: [name: .integer(Int64(i))]), .integer(Int64(i + 1)))
            if i % 50 == 49 {
                XCTAssertThrowsError(try engine.evaluate("v0", variables: ["other": 1]), "v0 leaked into a later evaluation")
            }
        }
    }

    func testEngineWorksFromAnotherThread() throws {
        nonisolated(unsafe) let engine = self.engine!
        let done = expectation(description: "evaluated on a background thread")
        let result = LockedBox<Bool?>(nil)
        Thread {
            result.value = try? engine.evaluateCondition("x > 1", variables: ["x": 2])
            done.fulfill()
        }.start()
        wait(for: [done], timeout: 10)
        XCTAssertEqual(result.value, true)
    }
}

final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
