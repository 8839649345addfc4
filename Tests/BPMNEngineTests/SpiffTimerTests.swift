import BPMNEngine
import BPMNModel
import BPMNPython
import XCTest

/// Spiff-dialect timers: SpiffWorkflow refreshes timers at the end of every engine step, and a
/// non-interrupting boundary event starts a branch of its own. The behaviour was compared with
/// SpiffWorkflow 3.2.0 through ../shared/tools/spiff's oracle on SpiffWorkflow's own
/// Timer-Intermediate and timer-non-interrupt-boundary diagrams, of which these are small versions.
final class SpiffTimerTests: XCTestCase {
    func testTimerAlreadyDueFiresWithoutAdvancingTheClock() throws {
        let h = try Harness(document: diagram("""
            <bpmn:startEvent id="s"/>
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDate>due_time</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="e"/>
            \(chain("s", "wait", "e"))
            """), dialect: .spiff, options: options()).start(["due_time": .string("2000-01-01T00:00:00Z")])
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.completed, ["s", "wait", "e"])
    }

    /// The boundary branch's data survives the sub-process handing its end data back: both
    /// branches end, and the process data is their merge.
    func testNonInterruptingBoundaryBranchKeepsItsData() throws {
        let h = try Harness(document: diagram("""
            <bpmn:startEvent id="s"/>
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="is"/><bpmn:userTask id="work"/><bpmn:endEvent id="ie"/>
              \(chain("is", "work", "ie"))
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="late" attachedToRef="sub" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDuration>"PT1H"</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:userTask id="reason"/><bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
            \(chain("s", "sub", "e1"))\(chain("late", "reason", "e2"))
            """), dialect: .spiff, options: options()).start()
        XCTAssertTrue(try h.run.fireNextTimer())
        try h.complete("reason", ["delay_reason": .string("Just Because")])
        try h.complete("work", ["work_done": .string("Yes")])
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["delay_reason": .string("Just Because"), "work_done": .string("Yes")])
    }
}
