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

    func testReceiveTaskAndCatchEventWaitUntilCompleted() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:receiveTask id="receive" messageRef="Msg"/>
            <bpmn:intermediateCatchEvent id="catch"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end"/>
            \(chain("start", "receive", "catch", "end"))
            """).start()
        XCTAssertEqual(h.waiting, ["receive"])
        XCTAssertEqual(try h.waitingTask("receive").reason, "receive task (message Msg)")
        try h.complete("receive")
        XCTAssertEqual(h.waiting, ["catch"])
        try h.complete("catch")
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "receive", "catch", "end"])
    }
}
