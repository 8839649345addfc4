import BPMNEngine
import BPMNModel
import XCTest

/// An error end event whose BPMN error nothing catches fails the run, naming the error code and
/// the element (catching is covered in EventAndScopeTests).
final class ErrorEndEventTests: XCTestCase {
    func testAnUncaughtErrorFailsTheRun() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="check"/>
            <bpmn:endEvent id="rejected"><bpmn:errorEventDefinition errorRef="Error_1"/></bpmn:endEvent>
            \(chain("start", "check", "rejected"))
            """).start()
        try h.complete("check")
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "rejected")
        XCTAssertEqual(h.error?.message, "BPMN error 'REJECTED' thrown by end event 'rejected' was not caught")
        XCTAssertEqual(h.completed, ["start", "check", "rejected"])
        XCTAssertEqual(h.events(.processFailed).first?.element, "rejected")
        XCTAssertTrue(h.events(.processCompleted).isEmpty)
    }

    func testAnErrorWithoutReferenceIsStillReported() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:endEvent id="boom"><bpmn:errorEventDefinition/></bpmn:endEvent>
            \(chain("start", "boom"))
            """).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.message, "BPMN error '(none)' thrown by end event 'boom' was not caught")
    }
}
