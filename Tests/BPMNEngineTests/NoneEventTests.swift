import BPMNEngine
import BPMNModel
import XCTest

/// None start and end events: the instance starts at the none start event and completes when its
/// last token reaches an end.
final class NoneEventTests: XCTestCase {
    func testStartToEndCompletesWithTheDocumentedTrace() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start" name="Go"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "end"))
            """).start(["amount": 5])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.active, [])
        XCTAssertEqual(h.trace.events.map(\.kind), [
            .processStarted, .variableSet, .activityStarted, .activityCompleted, .flowTaken,
            .activityStarted, .activityCompleted, .tokenEnded, .processCompleted,
        ])
        XCTAssertEqual(h.trace.events.map(\.seq), Array(1...9), "seq counts from 1 without gaps")
        let started = h.trace.events[0]
        XCTAssertEqual(started.element, "p")
        XCTAssertEqual(started["variables"], ["amount": 5])
        let set = h.events(.variableSet)[0]
        XCTAssertEqual(set["variable"], "amount")
        XCTAssertEqual(set["value"], 5)
        XCTAssertEqual(set["source"], "start")
        XCTAssertEqual(set.scope, 1)
        let taken = h.events(.flowTaken)[0]
        XCTAssertEqual(taken.element, "start_end")
        XCTAssertEqual(taken.type, "sequenceFlow")
        XCTAssertEqual(taken["source"], "start")
        XCTAssertEqual(taken["target"], "end")
        let first = h.events(.activityStarted)[0]
        XCTAssertEqual(first.element, "start")
        XCTAssertEqual(first.type, "startEvent")
        XCTAssertEqual(first.name, "Go")
        XCTAssertEqual(first.token, 1)
        XCTAssertEqual(first.scope, 1)
        XCTAssertEqual(h.trace.events.map(\.at), Array(repeating: "2027-01-15T08:00:00Z", count: 9),
                       "a fixed start time fixes the clock")
        XCTAssertEqual(h.variables, ["amount": 5])
    }

    func testTypedStartVariablesKeepTheirTypes() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "end"))
            """).start(["n": 3, "x": 1.5, "s": "text", "b": true, "list": [1, "two"], "map": ["k": nil]])
        XCTAssertEqual(h.variables["n"], .integer(3))
        XCTAssertEqual(h.variables["x"], .double(1.5))
        XCTAssertEqual(h.variables["s"], .string("text"))
        XCTAssertEqual(h.variables["b"], .boolean(true))
        XCTAssertEqual(h.variables["list"], .array([.integer(1), .string("two")]))
        XCTAssertEqual(h.variables["map"], .object(["k": .null]))
        XCTAssertEqual(h.events(.variableSet).compactMap { $0["variable"]?.stringValue }, ["b", "list", "map", "n", "s", "x"],
                       "start variables are set in name order, so traces are reproducible")
    }

    func testAFlowNodeWithoutOutgoingFlowEndsItsToken() throws {
        // Camunda ends an execution that has nowhere to go (BpmnActivityBehavior: no outgoing flow).
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:task id="last"/>
            \(chain("start", "last"))
            """).start()
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "last"])
        XCTAssertEqual(h.events(.tokenEnded).map(\.element), ["last"])
    }

    func testTwoEndEventsCompleteOnlyWhenTheLastTokenEnds() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:endEvent id="endA"/>
            <bpmn:userTask id="review"/>
            <bpmn:endEvent id="endB"/>
            \(chain("start", "fork", "endA"))
            \(chain("fork", "review", "endB"))
            """).start()
        XCTAssertEqual(h.status, .waiting, "one token has ended, the other waits")
        XCTAssertEqual(h.active, ["review"])
        XCTAssertTrue(h.events(.processCompleted).isEmpty)
        try h.complete("review")
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.events(.tokenEnded).map(\.element), ["endA", "endB"])
        XCTAssertEqual(h.events(.processCompleted).count, 1)
    }

    func testAProcessWithoutANoneStartEventFailsNamingTheProcess() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"><bpmn:messageEventDefinition/></bpmn:startEvent>
            <bpmn:endEvent id="end"/>
            \(chain("start", "end"))
            """).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "p")
        XCTAssertTrue(h.error?.message.contains("has no none start event") == true, h.error?.message ?? "")
        XCTAssertEqual(h.events(.processFailed).count, 1)
    }
}
