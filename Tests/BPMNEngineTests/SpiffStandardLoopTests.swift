import BPMNEngine
import BPMNModel
import BPMNPython
import XCTest

/// A standard loop under the spiff dialect is listed as SpiffWorkflow's `StandardLoopTask` lists it:
/// the iterations, then the loop itself (`<id>#loopBody`). Expected paths from SpiffWorkflow 3.2.0's
/// own `standard_loop.bpmn` through ../shared/tools/spiff's oracle.
final class SpiffStandardLoopTests: XCTestCase {
    private func standardLoop(_ condition: String) -> String { """
        <bpmn:startEvent id="s"/>
        <bpmn:task id="any_task">
        <bpmn:standardLoopCharacteristics testBefore="true" loopMaximum="3">
        <bpmn:loopCondition>\(condition)</bpmn:loopCondition>
        </bpmn:standardLoopCharacteristics>
        </bpmn:task>
        <bpmn:endEvent id="e"/>
        \(chain("s", "any_task", "e"))
        """
    }

    private func start(_ dialect: Dialect, done: Bool) throws -> Harness {
        try Harness(document: diagram(standardLoop(dialect == .spiff ? "not done" : "${not done}")), dialect: dialect, options: options()).start(["done": .boolean(done)])
    }

    /// Oracle (`standard_loop.max`): StartEvent_1, any_task ×3 (instances 0-2), the loop body, the end.
    func testLoopUpToItsMaximumListsTheBodyAfterTheIterations() throws {
        let h = try start(.spiff, done: false)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.completed, ["s", "any_task", "any_task", "any_task", "any_task#loopBody", "e"])
        XCTAssertEqual(h.variables, ["done": .boolean(false)])
    }

    /// Oracle (`standard_loop.skip`): a test-before loop whose condition is false at once runs the
    /// task no time; only the loop body is completed.
    func testTestBeforeLoopThatNeverRunsListsOnlyTheBody() throws {
        let h = try start(.spiff, done: true)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.completed, ["s", "any_task#loopBody", "e"])
    }

    func testUnderCamundaNoLoopBodyIsListed() throws {
        let h = try start(.camunda, done: false)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertFalse(h.completed.contains("any_task#loopBody"))
        XCTAssertEqual(h.completed.filter { $0 == "any_task" }.count, 3)
    }
}
