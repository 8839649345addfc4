import BPMNEngine
import BPMNModel
import XCTest

/// Interrupting a run (Ctrl-C, SIGTERM): it stops where it is and says so.
final class InterruptTests: XCTestCase {
    func testARunawayLoopStopsWhenAskedTo() throws {
        var o = options()
        o.shouldInterrupt = { true }
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:task id="spin"/>
            <bpmn:exclusiveGateway id="again"/>
            \(chain("start", "spin", "again"))
            \(flow("loop", "again", "spin", "${true}"))
            """, options: o).start()
        XCTAssertEqual(h.status, .interrupted)
        XCTAssertGreaterThan(h.run.nodeExecutions, 100, "the loop ran until the interrupt check")
        XCTAssertTrue(h.events(.processCompleted).isEmpty && h.events(.processFailed).isEmpty)
        h.run.finishTrace()
        XCTAssertEqual(h.trace.summary?.status, .interrupted)
    }

    func testAWaitingRunCanBeInterruptedAndThenTakesNoInput() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="task"/>
            \(chain("start", "task"))
            """).start()
        let token = try h.waitingTask("task").token
        h.run.interrupt()
        XCTAssertEqual(h.status, .interrupted)
        XCTAssertEqual(h.active, ["task"], "tokens stay where they were")
        XCTAssertEqual(thrownMessage { try h.run.complete(token: token, variables: [:]) },
                       "the run has stopped (interrupted); nothing can be completed")
    }

    func testAnEndedRunStaysEnded() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "end"))
            """).start()
        h.run.interrupt()
        XCTAssertEqual(h.status, .completed)
    }
}
