import BPMNEngine
import BPMNModel
import XCTest

/// Compensating a completed sub-process, as Camunda 7 does: the sub-process is re-created with the
/// variables it ended with (its "event scope") and its compensation event sub-process runs there;
/// without one, the compensation goes on into the activities that completed inside it.
final class SubProcessCompensationTests: XCTestCase {
    /// A task with a compensation boundary event whose handler appends `undo <id>` to `log`.
    private func compensable(_ id: String) -> String {
        """
        <bpmn:task id="\(id)"/>
        <bpmn:boundaryEvent id="\(id)Comp" attachedToRef="\(id)"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
        <bpmn:scriptTask id="undo_\(id)" isForCompensation="true" scriptFormat="javascript"><bpmn:script>execution.setVariable("log", (execution.getVariable("log") || "") + "undo \(id);")</bpmn:script></bpmn:scriptTask>
        <bpmn:association id="assoc_\(id)" sourceRef="\(id)Comp" targetRef="undo_\(id)"/>
        """
    }

    func testCompensationEventSubProcessRunsInTheCompletedSubProcessScope() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:subProcess id="booking">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="bookingRef">B-17</camunda:inputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
              <bpmn:startEvent id="s1"/>\(compensable("flight"))\(compensable("hotel"))<bpmn:endEvent id="e1"/>
              \(chain("s1", "flight", "hotel", "e1"))
              <bpmn:subProcess id="onCompensation" triggeredByEvent="true" isForCompensation="true">
                <bpmn:startEvent id="cs"><bpmn:compensateEventDefinition/></bpmn:startEvent>
                <bpmn:intermediateThrowEvent id="undoFlight"><bpmn:compensateEventDefinition activityRef="flight" waitForCompletion="true"/></bpmn:intermediateThrowEvent>
                <bpmn:intermediateThrowEvent id="undoHotel"><bpmn:compensateEventDefinition activityRef="hotel" waitForCompletion="true"/></bpmn:intermediateThrowEvent>
                <bpmn:userTask id="tellCustomer"/>
                <bpmn:endEvent id="ce"/>
                \(chain("cs", "undoFlight", "undoHotel", "tellCustomer", "ce"))
              </bpmn:subProcess>
            </bpmn:subProcess>
            <bpmn:userTask id="validate"/>
            <bpmn:endEvent id="undoAll"><bpmn:compensateEventDefinition waitForCompletion="true"/></bpmn:endEvent>
            \(chain("start", "booking", "validate", "undoAll"))
            """).start()
        XCTAssertEqual(h.waiting, ["validate"])
        XCTAssertNil(h.variables["log"], "nothing is compensated before the throw event")
        try h.complete("validate")
        XCTAssertEqual(h.waiting, ["tellCustomer"], "the compensation event sub-process runs and waits at its task")
        XCTAssertEqual(h.variables["log"], .string("undo flight;undo hotel;"),
                       "activityRef order inside the handler, not newest first")
        let task = try h.waitingTask("tellCustomer")
        XCTAssertEqual(h.run.variables(visibleTo: task.token)["bookingRef"], .string("B-17"),
                       "the handler sees the sub-process's local variables as they were when it completed")
        XCTAssertNil(h.variables["bookingRef"])
        XCTAssertEqual(h.status, .waiting, "the compensation end event waits for the handler")
        try h.complete("tellCustomer")
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed.last, "undoAll")
    }

    func testSubProcessWithoutHandlerCompensatesWhatCompletedInsideNewestFirst() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:subProcess id="booking">
              <bpmn:startEvent id="s1"/>\(compensable("flight"))\(compensable("hotel"))<bpmn:endEvent id="e1"/>
              \(chain("s1", "flight", "hotel", "e1"))
            </bpmn:subProcess>
            \(compensable("car"))
            <bpmn:intermediateThrowEvent id="undoAll"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="end"/>
            \(chain("start", "booking", "car", "undoAll", "end"))
            """).start()
        XCTAssertEqual(h.status, .completed, "\(String(describing: h.error))")
        XCTAssertEqual(h.variables["log"], .string("undo car;undo hotel;undo flight;"))
        XCTAssertEqual(h.completed.suffix(2), ["undoAll", "end"], "the throw event waits for the nested handlers")
    }

    func testEachCompletedSubProcessIsCompensatedOnlyOnce() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:subProcess id="booking">
              <bpmn:startEvent id="s1"/>\(compensable("flight"))<bpmn:endEvent id="e1"/>
              \(chain("s1", "flight", "e1"))
            </bpmn:subProcess>
            <bpmn:intermediateThrowEvent id="undo1"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>
            <bpmn:intermediateThrowEvent id="undo2"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="end"/>
            \(chain("start", "booking", "undo1", "undo2", "end"))
            """).start()
        XCTAssertEqual(h.status, .completed, "\(String(describing: h.error))")
        XCTAssertEqual(h.variables["log"], .string("undo flight;"))
    }
}
