import BPMNModel
import BPMNPython
import XCTest

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
    }
}
