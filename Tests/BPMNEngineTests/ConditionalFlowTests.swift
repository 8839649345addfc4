import BPMNEngine
import BPMNModel
import XCTest

/// Conditional and default flows leaving tasks and events, as Camunda 7's BpmnActivityBehavior
/// leaves an activity: every flow whose condition holds (an implicit inclusive split), the default
/// flow when none does, ENGINE-02006 when conditional flows exist but none holds.
final class ConditionalFlowTests: XCTestCase {
    let split = """
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="enter" default="toManual"/>
        <bpmn:userTask id="ship"/>
        <bpmn:userTask id="invoice"/>
        <bpmn:userTask id="manual"/>
        \(chain("start", "enter"))
        \(flow("toShip", "enter", "ship", "${inStock}"))
        \(flow("toInvoice", "enter", "invoice", "${amount > 0}"))
        \(flow("toManual", "enter", "manual"))
        """

    func testEveryTrueConditionalFlowGetsAToken() throws {
        let h = try Harness(split).start()
        try h.complete("enter", ["inStock": true, "amount": 10])
        XCTAssertEqual(h.active, ["ship", "invoice"])
        let decision = try XCTUnwrap(h.events(.gatewayDecision).first)
        XCTAssertEqual(decision.element, "enter")
        XCTAssertEqual(decision.type, "userTask")
        XCTAssertEqual(decision["conditions"], [
            ["flow": "toShip", "condition": "${inStock}", "result": true],
            ["flow": "toInvoice", "condition": "${amount > 0}", "result": true],
        ])
        XCTAssertEqual(decision["taken"], ["toShip", "toInvoice"])
    }

    func testOnlyTheTrueFlowIsTaken() throws {
        let h = try Harness(split).start()
        try h.complete("enter", ["inStock": false, "amount": 10])
        XCTAssertEqual(h.active, ["invoice"])
    }

    func testTheTasksDefaultFlowIsTakenWhenNoConditionHolds() throws {
        let h = try Harness(split).start()
        try h.complete("enter", ["inStock": false, "amount": 0])
        XCTAssertEqual(h.active, ["manual"])
        XCTAssertEqual(h.events(.gatewayDecision).first?["taken"], ["toManual"])
    }

    func testNoTrueConditionAndNoDefaultFailsWithCamundasError() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:task id="check"/>
            <bpmn:task id="a"/>
            <bpmn:task id="b"/>
            \(chain("start", "check"))
            \(flow("toA", "check", "a", "${x == 1}"))
            \(flow("toB", "check", "b", "${x == 2}"))
            """).start(["x": 0])
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.message,
                       "ENGINE-02006 No conditional sequence flow leaving the Flow Node 'check' could be selected for continuing the process.")
        XCTAssertEqual(h.error?.element, "check")
    }

    func testUnconditionalFlowsAreAlwaysTakenBesideConditionalOnes() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="always"/>
            <bpmn:userTask id="sometimes"/>
            \(flow("toAlways", "start", "always"))
            \(flow("toSometimes", "start", "sometimes", "${flag}"))
            """).start(["flag": false])
        XCTAssertEqual(h.status, .waiting, "a false condition beside an unconditional flow is no error")
        XCTAssertEqual(h.active, ["always"])
        let decision = try XCTUnwrap(h.events(.gatewayDecision).first)
        XCTAssertEqual(decision.element, "start", "conditional flows out of an event are evaluated too")
        XCTAssertEqual(decision["taken"], ["toAlways"])
    }
}
