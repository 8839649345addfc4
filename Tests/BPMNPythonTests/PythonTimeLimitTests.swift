import BPMNModel
import BPMNPython
import XCTest

/// Runaway scripts are interrupted by the watchdog with a clear error.
final class PythonTimeLimitTests: XCTestCase {
    func testEndlessLoopIsStopped() throws {
        let engine = try PythonEngine(timeLimit: 0.3)
        XCTAssertThrowsError(try engine.run("n = 0\nwhile True:\n    n += 1", variables: [:])) { error in
            let error = error as! PythonError
            XCTAssertEqual(error.kind, .timeout)
            XCTAssertEqual(error.message, "the script ran longer than the time limit of 0.3 s and was stopped")
            XCTAssertTrue([2, 3].contains(error.line), "line \(String(describing: error.line))")
        }
        // The interpreter and the engine are usable afterwards, and the interruption does not land later.
        XCTAssertEqual(try engine.run("x = sum(range(1000))", variables: [:]).variables, ["x": 499_500])
    }

    func testExceptExceptionDoesNotSwallowTheTimeout() throws {
        let engine = try PythonEngine(timeLimit: 0.3)
        let script = """
        while True:
            try:
                while True:
                    pass
            except Exception:
                pass
        """
        XCTAssertThrowsError(try engine.run(script, variables: [:])) { error in
            XCTAssertEqual((error as! PythonError).kind, .timeout)
        }
    }

    func testRunawayConditionIsStopped() throws {
        let engine = try PythonEngine(timeLimit: 0.3)
        XCTAssertThrowsError(try engine.evaluateCondition("any(x < 0 for x in iter(int, 1))", variables: [:])) { error in
            XCTAssertEqual((error as! PythonError).kind, .timeout)
        }
    }

    func testRunawayFunctionCallsAreStopped() throws {
        let engine = try PythonEngine(timeLimit: 0.3)
        let script = "def spin(n):\n    while n >= 0:\n        n = n + 1\nspin(0)"
        XCTAssertThrowsError(try engine.run(script, variables: [:])) { error in
            let error = error as! PythonError
            XCTAssertEqual(error.kind, .timeout)
            XCTAssertEqual(error.line.map { [2, 3].contains($0) }, true)
        }
    }

    func testQuickScriptsAfterALimitAreUnaffected() throws {
        let engine = try PythonEngine(timeLimit: 0.2)
        XCTAssertThrowsError(try engine.run("while True: pass", variables: [:]))
        for i in 0..<200 {
            XCTAssertEqual(try engine.run("y = x * 2", variables: ["x": .integer(Int64(i))]).variables["y"], .integer(Int64(i * 2)))
        }
    }
}
