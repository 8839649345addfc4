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

    /// After quick runs the watchdog is still waiting for an earlier run's deadline; a runaway
    /// started then is stopped at its own deadline, not missed.
    func testRunawayAfterQuickRunsIsStopped() throws {
        let engine = try PythonEngine(timeLimit: 0.4)
        for i in 0..<50 {
            _ = try engine.evaluate("x + 1", variables: ["x": .integer(Int64(i))])
        }
        let start = Date()
        XCTAssertThrowsError(try engine.run("while True:\n    pass", variables: [:])) { error in
            XCTAssertEqual((error as! PythonError).kind, .timeout)
        }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(elapsed, 0.4, "stopped before its own deadline")
    }

    /// Two engines on two threads: the watchdog interrupts the runaway script's thread only.
    func testTimeoutHitsOnlyTheRunawayThread() throws {
        nonisolated(unsafe) let runaway = try PythonEngine(timeLimit: 0.5)
        nonisolated(unsafe) let busy = try PythonEngine(timeLimit: 5)
        let runawayResult = LockedBox<PythonError?>(nil)
        let busyResult = LockedBox<VariableValue?>(nil)
        let done = expectation(description: "both threads finished")
        done.expectedFulfillmentCount = 2
        Thread {
            do {
                _ = try runaway.run("while True:\n    pass", variables: [:])
            } catch {
                runawayResult.value = error as? PythonError
            }
            done.fulfill()
        }.start()
        Thread {
            var total: Int64 = 0
            for i in 0..<300 {
                if case .integer(let v)? = try? busy.run("s = sum(range(n))", variables: ["n": .integer(Int64(i))]).variables["s"] {
                    total += v
                }
            }
            busyResult.value = .integer(total)
            done.fulfill()
        }.start()
        wait(for: [done], timeout: 30)
        XCTAssertEqual(runawayResult.value?.kind, .timeout)
        XCTAssertEqual(busyResult.value, .integer((0..<300).reduce(0) { $0 + Int64($1 * ($1 - 1) / 2) }))
    }
}
