import BPMNEngine
import BPMNModel
import BPMNPython
import XCTest

/// Which elements a spiff run lists as completed, and in which order, where SpiffWorkflow's task
/// tree differs from Camunda's history (docs/dialects.md); checked against SpiffWorkflow 3.2.0
/// through the oracle on SpiffWorkflow's own test diagrams.
final class SpiffCompletionOrderTests: XCTestCase {
    private func run(_ body: String, dialect: Dialect = .spiff) throws -> Harness {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="\(camundaNS)" id="d" targetNamespace="t">
        <bpmn:message id="Paid" name="Paid"/>
        <bpmn:process id="p" isExecutable="true">
        \(body)
        </bpmn:process>
        </bpmn:definitions>
        """
        return try Harness(document: xml, dialect: dialect, options: options()).start()
    }

    private let eventGateway = """
        <bpmn:startEvent id="start"/><bpmn:eventBasedGateway id="gw"/>
        <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="Paid"/></bpmn:intermediateCatchEvent>
        <bpmn:receiveTask id="letter" messageRef="Paid"/>
        <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
        \(flow("f1", "start", "gw"))\(flow("f2", "gw", "paid"))\(flow("f3", "gw", "letter"))\(flow("f4", "paid", "e1"))\(flow("f5", "letter", "e2"))
        """

    func testEventBasedGatewayIsCompletedBeforeTheEventThatHappened() throws {
        // SpiffWorkflow's event_gateway.bpmn: StartEvent_1 Gateway_1434v9l message_1_event message_1_end.
        let h = try run(eventGateway)
        try h.run.deliverMessage("Paid")
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.completed, ["start", "gw", "paid", "e1"])
        // The gateway caught the message, so its payload is the gateway's (None without variables).
        XCTAssertEqual(h.variables["gw_Response"], .null)
        XCTAssertNil(h.variables["paid_Response"])
    }

    func testUnderCamundaTheEventBasedGatewayIsCancelledNotCompleted() throws {
        let h = try run(eventGateway, dialect: .camunda)
        try h.run.deliverMessage("Paid")
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.completed, ["start", "paid", "e1"])
    }
}
