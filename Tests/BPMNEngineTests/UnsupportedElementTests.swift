import BPMNEngine
import BPMNModel
import XCTest

/// Elements bpmnrun cannot run yet stop the run with an error naming the element and the reason,
/// instead of being skipped silently.
final class UnsupportedElementTests: XCTestCase {
    func run(_ element: String, id: String) throws -> Harness {
        try Harness("""
            <bpmn:startEvent id="start"/>
            \(element)
            <bpmn:endEvent id="end"/>
            \(chain("start", id, "end"))
            """).start()
    }

    func testEachUnsupportedElementFailsNamingIt() throws {
        let cases: [(String, String, String)] = [
            (#"<bpmn:complexGateway id="complex"/>"#, "complex",
             "cannot run complexGateway 'complex': complex gateways are not supported (Camunda 7 does not run them either)"),
            (#"<bpmn:adHocSubProcess id="adhoc"/>"#, "adhoc",
             "cannot run adHocSubProcess 'adhoc': ad-hoc sub-processes are not supported (Camunda 7 does not run them either)"),
        ]
        for (element, id, message) in cases {
            let h = try run(element, id: id)
            XCTAssertEqual(h.status, .failed, id)
            XCTAssertEqual(h.error?.element, id)
            XCTAssertEqual(h.error?.message, message)
            XCTAssertGreaterThan(h.error?.line ?? 0, 0, "\(id): the error carries the element's line")
            XCTAssertEqual(h.completed, ["start"], id)
        }
    }

    func testACancelEndEventIsNotTreatedAsANoneEndEvent() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:endEvent id="odd"><bpmn:cancelEventDefinition/></bpmn:endEvent>
            \(chain("start", "odd"))
            """).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "odd")
        XCTAssertEqual(h.error?.message, "cannot run endEvent 'odd': cancel end events are not supported (they belong to transactions)")
    }
}

/// Flows that point at nothing are rejected before the run, as Camunda's parser rejects them,
/// instead of silently ending the token that takes them.
final class DanglingFlowTests: XCTestCase {
    func testAFlowToAMissingElementIsRejected() {
        let problems = compileFailure(diagram("""
            <bpmn:startEvent id="start"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "end"))
            \(flow("lost", "start", "nowhere"))
            \(flow("stray", "ghost", "end"))
            """))
        XCTAssertEqual(problems.map(\.message), ["Invalid destination 'nowhere' of sequence flow 'lost'",
                                                 "Invalid source 'ghost' of sequence flow 'stray'"])
        XCTAssertEqual(problems.map(\.elementId), ["lost", "stray"])
        XCTAssertTrue(problems.allSatisfy { $0.location.line > 0 }, "each problem has its file line")
    }
}
