import Foundation
import XCTest

/// The wait menu on a real pseudo-terminal: after a parallel split the run waits for a user task,
/// a message and a timer at once. The user delivers the message (with a variable), fires the timer
/// on the virtual clock, then leaves the task with Ctrl-D: the run stops as waiting (exit 3).
final class EventWaitMenuTerminalTests: XCTestCase {
    private var files: [URL] = []

    override func tearDown() {
        for f in files { try? FileManager.default.removeItem(at: f) }
        super.tearDown()
    }

    private static let diagram = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_Wait" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:message id="Message_Paid" name="paymentReceived"/>
          <bpmn:process id="order" name="Order" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="review" name="Review order"/>
            <bpmn:intermediateCatchEvent id="paid" name="Payment received">
              <bpmn:messageEventDefinition messageRef="Message_Paid"/>
            </bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="reminder" name="One hour later">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="reviewed"/><bpmn:endEvent id="settled"/><bpmn:endEvent id="reminded"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="review"/>
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="paid"/>
            <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="reminder"/>
            <bpmn:sequenceFlow id="f5" sourceRef="review" targetRef="reviewed"/>
            <bpmn:sequenceFlow id="f6" sourceRef="paid" targetRef="settled"/>
            <bpmn:sequenceFlow id="f7" sourceRef="reminder" targetRef="reminded"/>
          </bpmn:process>
        </bpmn:definitions>
        """

    func testPickingTheMessageThenTheTimerThenCtrlDLeavesTheTaskWaiting() throws {
        let file = try TemporaryFiles.write(Self.diagram, name: "wait-menu.bpmn")
        let trace = TemporaryFiles.url("wait-menu-trace.json")
        files += [file, trace]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "xterm-256color"
        let tty = try PseudoTerminal(
            executable: try BPMNRunBinary.path(),
            arguments: [file.path, "--trace", trace.path, "--start-time", "2026-03-02T09:00:00Z"],
            environment: environment)

        try tty.expect("The run waits. What next?")
        try tty.expect("1) Review order (review, user task)")
        try tty.expect("2) deliver message 'paymentReceived' (Payment received)")
        try tty.expect("3) fire the next timer: One hour later (PT1H, due 2026-03-02T10:00:00Z, in 60 min)")
        try tty.expect("Choose (1-3, default 1): ")
        try tty.typeLine("2")
        try tty.expect("Variables for message 'paymentReceived' (name=value ..., Enter for none): ")
        try tty.typeLine("amount=42")

        // The message branch ran to its end; the task and the timer still wait.
        try tty.expect("The run waits. What next?")
        try tty.expect("1) Review order (review, user task)")
        try tty.expect("2) fire the next timer: One hour later")
        try tty.expect("Choose (1-2, default 1): ")
        try tty.typeLine("2")

        // Only the task is left: its prompt comes straight away; Ctrl-D leaves it waiting.
        try tty.expect("Review order (review, user task)")
        try tty.type("\u{04}")
        XCTAssertEqual(try tty.waitForExit(), 3, tty.screen)
        XCTAssertTrue(tty.screen.contains("Stopped while waiting: waiting at review"), tty.screen)

        let document = try TraceDocument(file: trace)
        XCTAssertEqual(document.status, "waiting")
        XCTAssertEqual(document.active, ["review"])
        XCTAssertEqual(document.variables["amount"], .number(42), "the message's variable reached the process")
        let received = document.events("messageReceived")
        XCTAssertEqual(received.compactMap { $0["name"]?.string }, ["paymentReceived"])
        let fired = document.events("timerFired")
        XCTAssertEqual(fired.compactMap { $0["element"]?.string }, ["reminder"])
        XCTAssertEqual(fired.first?["at"]?.string, "2026-03-02T10:00:00Z", "the virtual clock jumped to the timer's due time")
        XCTAssertEqual(Set(document.completedElements).intersection(["settled", "reminded", "reviewed"]), ["settled", "reminded"])
        XCTAssertEqual(document.json["pending"]?.array?.count, 0, "nothing but the task is left to wait for")
    }
}
