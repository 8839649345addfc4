import BPMNEngine
import BPMNModel
import BPMNPython
import XCTest

/// Under the spiff dialect a message's payload lands in the catcher's data as one value under
/// `<catching id>_Response` (or the thrower's `camunda:resultVariable`), and messages thrown inside
/// the run are caught inside it. Expected paths and data were checked against SpiffWorkflow 3.2.0
/// through ../shared/tools/spiff's oracle on the same diagrams.
final class SpiffMessageTests: XCTestCase {
    private let messages = """
        </bpmn:process>
        <bpmn:message id="Message_Go" name="go" /><bpmn:message id="Message_Stop" name="stop" />
        <bpmn:process id="unused" isExecutable="false">
        """

    private func spiff(_ body: String) throws -> Harness {
        try Harness(document: diagram(body + messages), dialect: .spiff, options: options()).start()
    }

    private func catchEvent(_ id: String, _ message: String) -> String {
        "<bpmn:intermediateCatchEvent id=\"\(id)\"><bpmn:messageEventDefinition messageRef=\"\(message)\" /></bpmn:intermediateCatchEvent>"
    }

    /// Oracle: {WaitGo_Response: {amount: 21, who: 'ann'}, doubled: 42, WaitStop_Response: None}.
    func testMessageVariablesArriveAsOnePayloadUnderTheCatchersResponseName() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(catchEvent("WaitGo", "Message_Go"))
            <bpmn:scriptTask id="use"><bpmn:script>doubled = WaitGo_Response['amount'] * 2</bpmn:script></bpmn:scriptTask>
            \(catchEvent("WaitStop", "Message_Stop"))
            <bpmn:endEvent id="e"/>
            \(chain("s", "WaitGo", "use", "WaitStop", "e"))
            """)
        try h.run.deliverMessage("go", variables: ["amount": .integer(21), "who": .string("ann")])
        try h.run.deliverMessage("stop")
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["WaitGo_Response": .object(["amount": .integer(21), "who": .string("ann")]),
                                     "doubled": .integer(42), "WaitStop_Response": .null])
    }

    /// Oracle (SpiffWorkflow's external_message test): an application's message carries one value
    /// of any type into the result variable it names (`{"payload": x, "result_var": v}`), else
    /// into `<catching id>_Response`.
    func testOutsideMessageCarriesOneValueIntoTheResultVariableItNames() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(catchEvent("WaitGo", "Message_Go"))
            \(catchEvent("WaitStop", "Message_Stop"))
            <bpmn:endEvent id="e"/>
            \(chain("s", "WaitGo", "WaitStop", "e"))
            """)
        try h.run.deliverMessage("go", payload: .string("SomethingDrastic"), resultVariable: "reset_var")
        try h.run.deliverMessage("stop", payload: .integer(7), resultVariable: nil)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["reset_var": .string("SomethingDrastic"), "WaitStop_Response": .integer(7)])
    }

    func testUnderCamundaAMessageWithAPayloadIsRefused() throws {
        let h = try Harness(document: diagram("""
            <bpmn:startEvent id="s"/>\(catchEvent("WaitGo", "Message_Go"))<bpmn:endEvent id="e"/>\(chain("s", "WaitGo", "e"))
            """ + messages), dialect: .camunda, options: options()).start()
        XCTAssertThrowsError(try h.run.deliverMessage("go", payload: .string("x"), resultVariable: "v")) { error in
            XCTAssertTrue("\(error)".contains("needs the spiff dialect"), "\(error)")
        }
    }

    /// Oracle (SpiffWorkflow's Message-Interrupts test diagrams): a message event definition
    /// without messageRef waits for the message named like its event.
    func testMessageWithoutRefIsNamedAfterItsEvent() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            <bpmn:intermediateCatchEvent id="wait" name="Test Message"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="e"/>
            \(chain("s", "wait", "e"))
            """)
        try h.run.deliverMessage("Test Message", variables: ["ok": .boolean(true)])
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["wait_Response": .object(["ok": .boolean(true)])])
    }

    /// Oracle (SpiffWorkflow's event_gateway test): at an event-based gateway the gateway is the
    /// catching task, so the payload is `<gateway id>_Response`.
    func testEventBasedGatewayIsTheCatcher() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/><bpmn:eventBasedGateway id="gate"/>
            \(catchEvent("WaitGo", "Message_Go"))\(catchEvent("WaitStop", "Message_Stop"))
            <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
            \(chain("s", "gate"))\(flow("g1", "gate", "WaitGo"))\(flow("g2", "gate", "WaitStop"))
            \(flow("x1", "WaitGo", "e1"))\(flow("x2", "WaitStop", "e2"))
            """)
        try h.run.deliverMessage("go")
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["gate_Response": .null])
    }

    private func throwingDiagram(_ definition: String) -> String {
        """
        <bpmn:startEvent id="s"/><bpmn:parallelGateway id="split"/><bpmn:parallelGateway id="join"/>
        \(catchEvent("WaitGo", "Message_Go"))
        <bpmn:scriptTask id="prepare"><bpmn:script>amount = 21</bpmn:script></bpmn:scriptTask>
        <bpmn:intermediateThrowEvent id="SendGo">\(definition)</bpmn:intermediateThrowEvent>
        <bpmn:endEvent id="e"/>
        \(flow("f1", "s", "split"))\(flow("f2", "split", "WaitGo"))\(flow("f3", "split", "prepare"))
        \(flow("f4", "WaitGo", "join"))\(chain("prepare", "SendGo", "join", "e"))
        """
    }

    /// Oracle: completed … prepare, SendGo, WaitGo, join …; data {WaitGo_Response: {amount: 42}, amount: 21}.
    func testMessageThrownInsideTheRunCarriesItsPythonPayload() throws {
        let h = try spiff(throwingDiagram("<bpmn:messageEventDefinition messageRef=\"Message_Go\" camunda:expression=\"{'amount': amount * 2}\" />"))
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        let completed = h.completed
        XCTAssertLessThan(try XCTUnwrap(completed.firstIndex(of: "SendGo")), try XCTUnwrap(completed.firstIndex(of: "WaitGo")))
        XCTAssertEqual(h.variables, ["WaitGo_Response": .object(["amount": .integer(42)]), "amount": .integer(21)])
    }

    /// Oracle: the thrower's camunda:resultVariable names where the payload lands: {got: 21, amount: 21}.
    func testThrowersResultVariableNamesThePayload() throws {
        let h = try spiff(throwingDiagram("<bpmn:messageEventDefinition messageRef=\"Message_Go\" camunda:expression=\"amount\" camunda:resultVariable=\"got\" />"))
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["got": .integer(21), "amount": .integer(21)])
    }

    /// SpiffWorkflow 3.2.0 fails ("Error evaluating expression 'None'"); bpmnrun sends None.
    func testThrowWithoutExpressionSendsNone() throws {
        let h = try spiff(throwingDiagram("<bpmn:messageEventDefinition messageRef=\"Message_Go\" />"))
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables["WaitGo_Response"], .null)
    }
}
