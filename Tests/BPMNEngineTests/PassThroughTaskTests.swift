import BPMNEngine
import BPMNModel
import XCTest

/// Manual tasks, plain tasks and none intermediate throw events pass straight through, as in Camunda.
final class PassThroughTaskTests: XCTestCase {
    func testManualAndPlainTasksDoNotWait() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:manualTask id="sign" name="Sign the paper"/>
            <bpmn:task id="file"/>
            <bpmn:intermediateThrowEvent id="reached"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "sign", "file", "reached", "end"))
            """).start()
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "sign", "file", "reached", "end"])
        XCTAssertTrue(h.events(.waiting).isEmpty)
        XCTAssertEqual(h.events(.activityCompleted).first { $0.element == "sign" }?.type, "manualTask")
        XCTAssertEqual(h.events(.activityCompleted).first { $0.element == "sign" }?.name, "Sign the paper")
    }

    func testReceiveTaskAndCatchEventWaitForTheirMessages() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:receiveTask id="receive" messageRef="Msg"/>
            <bpmn:intermediateCatchEvent id="catch"><bpmn:messageEventDefinition messageRef="Msg2"/></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end"/>
            \(chain("start", "receive", "catch", "end"))
            """).start()
        XCTAssertEqual(h.status, .waiting)
        XCTAssertTrue(h.run.waitingTasks.isEmpty, "message waits are events, not tasks a person completes")
        XCTAssertEqual(h.run.pendingEvents.map(\.element), ["receive"])
        XCTAssertThrowsError(try h.run.deliverMessage("Msg2"), "only the receive task waits now")
        try h.run.deliverMessage("Msg", variables: ["paid": .integer(5)])
        XCTAssertEqual(h.run.pendingEvents.map(\.name), ["Msg2"])
        try h.run.deliverMessage("Msg2")
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "receive", "catch", "end"])
        XCTAssertEqual(h.variables["paid"], .integer(5))
    }
}
