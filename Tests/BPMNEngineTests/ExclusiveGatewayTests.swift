import BPMNEngine
import BPMNModel
import XCTest

/// Exclusive gateway as Camunda 7's ExclusiveGatewayActivityBehavior: the first outgoing flow in
/// document order whose condition holds, else the default flow, else ENGINE-02004.
final class ExclusiveGatewayTests: XCTestCase {
    /// The default flow comes first in the document: it must still only be taken when nothing else holds.
    let routing = """
        <bpmn:startEvent id="start"/>
        <bpmn:exclusiveGateway id="route" name="Amount?" default="toSmall"/>
        <bpmn:task id="small"/>
        <bpmn:task id="large"/>
        <bpmn:task id="huge"/>
        <bpmn:endEvent id="end"/>
        \(chain("start", "route"))
        \(flow("toSmall", "route", "small"))
        \(flow("toLarge", "route", "large", "${amount > 100}"))
        \(flow("toHuge", "route", "huge", "#{amount > 1000}"))
        \(chain("small", "end"))
        \(chain("large", "end"))
        \(chain("huge", "end"))
        """

    func testTheFirstTrueConditionInDocumentOrderWins() throws {
        let h = try Harness(routing).start(["amount": 5000])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "route", "large", "end"], "toLarge comes before toHuge, both hold")
        let decision = try XCTUnwrap(h.events(.gatewayDecision).first)
        XCTAssertEqual(decision.element, "route")
        XCTAssertEqual(decision.type, "exclusiveGateway")
        XCTAssertEqual(decision.name, "Amount?")
        XCTAssertEqual(decision["conditions"], [["flow": "toLarge", "condition": "${amount > 100}", "result": true]],
                       "evaluation stops at the first true condition")
        XCTAssertEqual(decision["taken"], ["toLarge"])
    }

    func testTheDefaultFlowIsTakenWhenNoConditionHolds() throws {
        let h = try Harness(routing).start(["amount": 5])
        XCTAssertEqual(h.completed, ["start", "route", "small", "end"])
        let decision = try XCTUnwrap(h.events(.gatewayDecision).first)
        XCTAssertEqual(decision["conditions"], [
            ["flow": "toLarge", "condition": "${amount > 100}", "result": false],
            ["flow": "toHuge", "condition": "#{amount > 1000}", "result": false],
            ["flow": "toSmall", "default": true, "result": true],
        ])
        XCTAssertEqual(decision["taken"], ["toSmall"])
    }

    func testHashBraceConditionsAreEvaluatedLikeDollarBrace() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:exclusiveGateway id="route"/>
            <bpmn:task id="a"/>
            <bpmn:task id="b"/>
            \(chain("start", "route"))
            \(flow("toA", "route", "a", "#{amount > 1000}"))
            \(flow("toB", "route", "b", "#{amount <= 1000}"))
            """).start(["amount": 5000])
        XCTAssertEqual(h.completed, ["start", "route", "a"])
    }

    func testNoSelectableFlowFailsWithCamundasError() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:exclusiveGateway id="route"/>
            <bpmn:task id="a"/>
            <bpmn:task id="b"/>
            \(chain("start", "route"))
            \(flow("toA", "route", "a", "${x == 1}"))
            \(flow("toB", "route", "b", "${x == 2}"))
            """).start(["x": 3])
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.message,
                       "ENGINE-02004 No outgoing sequence flow for the element with id 'route' could be selected for continuing the process.")
        XCTAssertEqual(h.error?.element, "route")
        XCTAssertGreaterThan(h.error?.line ?? 0, 0, "the error carries the element's line")
        XCTAssertEqual(h.events(.processFailed).first?["message"], .string(h.error!.message))
        // The failing gateway started but did not complete, as a failing script task.
        XCTAssertEqual(h.completed, ["start"])
    }

    func testAnUnconditionalFlowCountsAsTrue() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:exclusiveGateway id="route"/>
            <bpmn:task id="a"/>
            <bpmn:task id="b"/>
            \(chain("start", "route"))
            \(flow("toA", "route", "a", "${false}"))
            \(flow("toB", "route", "b"))
            """).start()
        XCTAssertEqual(h.completed, ["start", "route", "b"])
    }

    func testALoopRunsUntilItsConditionChanges() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:scriptTask id="count" scriptFormat="javascript"><bpmn:script>execution.setVariable('n', n + 1)</bpmn:script></bpmn:scriptTask>
            <bpmn:exclusiveGateway id="again" default="done"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "count", "again"))
            \(flow("more", "again", "count", "${n < 3}"))
            \(flow("done", "again", "end"))
            """).start(["n": 0])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "count", "again", "count", "again", "count", "again", "end"])
        XCTAssertEqual(h.variables["n"], .integer(3))
    }

    func testAMergingExclusiveGatewayLetsEveryTokenThrough() throws {
        // Exclusive gateways do not synchronise: two tokens arriving pass one after the other.
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:exclusiveGateway id="merge"/>
            <bpmn:userTask id="after"/>
            \(chain("start", "fork"))
            \(flow("a", "fork", "merge"))
            \(flow("b", "fork", "merge"))
            \(chain("merge", "after"))
            """).start()
        XCTAssertEqual(h.active, ["after", "after"])
        XCTAssertEqual(h.completed.filter { $0 == "merge" }.count, 2)
        XCTAssertEqual(h.events(.gatewayDecision).compactMap { $0["taken"] }, [["merge_after"], ["merge_after"]])
    }
}
