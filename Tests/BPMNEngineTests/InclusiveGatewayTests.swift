import BPMNEngine
import BPMNModel
import XCTest

/// Inclusive gateway as Camunda 7's InclusiveGatewayActivityBehavior: the fork takes every flow
/// whose condition holds (the default only when none does); the join fires when a token arrives
/// and no other token of the scope can still reach it.
final class InclusiveGatewayTests: XCTestCase {
    /// Three conditional branches, each a user task, merged by an inclusive join.
    let review = """
        <bpmn:startEvent id="start"/>
        <bpmn:inclusiveGateway id="split" default="toNone"/>
        <bpmn:userTask id="legal"/>
        <bpmn:userTask id="finance"/>
        <bpmn:userTask id="security"/>
        <bpmn:task id="none"/>
        <bpmn:inclusiveGateway id="join"/>
        <bpmn:endEvent id="end"/>
        \(chain("start", "split"))
        \(flow("toLegal", "split", "legal", "${legalCheck}"))
        \(flow("toFinance", "split", "finance", "${amount > 1000}"))
        \(flow("toSecurity", "split", "security", "${amount > 100000}"))
        \(flow("toNone", "split", "none"))
        \(chain("legal", "join"))
        \(chain("finance", "join"))
        \(chain("security", "join"))
        \(chain("none", "join"))
        \(chain("join", "end"))
        """

    func testTheForkTakesEveryTrueFlowAndRecordsEachCondition() throws {
        let h = try Harness(review).start(["legalCheck": true, "amount": 5000])
        XCTAssertEqual(h.active, ["legal", "finance"])
        let decision = try XCTUnwrap(h.events(.gatewayDecision).first)
        XCTAssertEqual(decision.type, "inclusiveGateway")
        XCTAssertEqual(decision["conditions"], [
            ["flow": "toLegal", "condition": "${legalCheck}", "result": true],
            ["flow": "toFinance", "condition": "${amount > 1000}", "result": true],
            ["flow": "toSecurity", "condition": "${amount > 100000}", "result": false],
        ])
        XCTAssertEqual(decision["taken"], ["toLegal", "toFinance"])
    }

    func testTheJoinWaitsForEveryTakenBranch() throws {
        let h = try Harness(review).start(["legalCheck": true, "amount": 5000])
        try h.complete("finance")
        XCTAssertEqual(h.active, ["legal", "join"], "legal can still reach the join, so it waits")
        XCTAssertEqual(h.events(.waiting).last?.element, "join")
        XCTAssertFalse(h.completed.contains("join"))
        try h.complete("legal")
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed.filter { $0 == "join" }.count, 1, "the join fires once for both tokens")
        XCTAssertEqual(h.completed.last, "end")
        XCTAssertEqual(h.events(.tokenEnded).count, 1)
    }

    func testABranchNotTakenIsNotWaitedFor() throws {
        let h = try Harness(review).start(["legalCheck": false, "amount": 5000])
        XCTAssertEqual(h.active, ["finance"])
        try h.complete("finance")
        XCTAssertEqual(h.status, .completed, "only one token was created, and nothing else can reach the join")
        XCTAssertEqual(h.completed, ["start", "split", "finance", "join", "end"])
        XCTAssertFalse(h.events(.waiting).contains { $0.element == "join" })
    }

    func testTheDefaultFlowIsTakenWhenNoConditionHolds() throws {
        let h = try Harness(review).start(["legalCheck": false, "amount": 5])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "split", "none", "join", "end"])
        let decision = try XCTUnwrap(h.events(.gatewayDecision).first)
        XCTAssertEqual(decision["taken"], ["toNone"])
        XCTAssertEqual(decision["conditions"]?.description.contains(#""default":true"#), true)
    }

    func testTheDefaultFlowIsNotTakenWhenAConditionHolds() throws {
        let h = try Harness(review).start(["legalCheck": false, "amount": 500000])
        XCTAssertEqual(h.active, ["finance", "security"])
    }

    func testNoSelectableFlowFailsWithCamundasError() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:inclusiveGateway id="inclusiveGw"/>
            <bpmn:task id="a"/>
            <bpmn:task id="b"/>
            \(chain("start", "inclusiveGw"))
            \(flow("toA", "inclusiveGw", "a", "${input == 1}"))
            \(flow("toB", "inclusiveGw", "b", "${input == 2}"))
            """).start(["input": 4])
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.message,
                       "ENGINE-02004 No outgoing sequence flow for the element with id 'inclusiveGw' could be selected for continuing the process.")
        XCTAssertEqual(h.error?.element, "inclusiveGw")
        XCTAssertEqual(h.completed, ["start"], "a gateway that finds no flow is not completed")
    }

    func testAJoinWaitsForATokenUpstreamThatCanStillArrive() throws {
        // A token arrives at the join while another one waits at a task that leads to it through
        // an exclusive gateway: the join must wait for it.
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="check"/>
            <bpmn:exclusiveGateway id="ok" default="retry"/>
            <bpmn:inclusiveGateway id="join"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "fork"))
            \(flow("direct", "fork", "join"))
            \(flow("toCheck", "fork", "check"))
            \(chain("check", "ok"))
            \(flow("retry", "ok", "check"))
            \(flow("pass", "ok", "join", "${passed}"))
            \(chain("join", "end"))
            """).start()
        XCTAssertEqual(h.active, ["join", "check"])
        try h.complete("check", ["passed": false])
        XCTAssertEqual(h.active, ["join", "check"], "the loop brings the token back to check, which still reaches the join")
        try h.complete("check", ["passed": true])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed.filter { $0 == "join" }.count, 1)
    }

    func testLikeCamunda7AWaitingJoinIsOnlyReleasedByAnArrivingToken() throws {
        // Camunda 7 evaluates the join when a token arrives at it. When the other token ends
        // elsewhere instead, nothing re-evaluates the join and its token keeps waiting.
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="check"/>
            <bpmn:exclusiveGateway id="ok"/>
            <bpmn:endEvent id="rejected"/>
            <bpmn:inclusiveGateway id="join"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "fork"))
            \(flow("direct", "fork", "join"))
            \(flow("toCheck", "fork", "check"))
            \(chain("check", "ok"))
            \(flow("stop", "ok", "rejected", "${!passed}"))
            \(flow("pass", "ok", "join", "${passed}"))
            \(chain("join", "end"))
            """).start()
        try h.complete("check", ["passed": false])
        XCTAssertEqual(h.status, .waiting)
        XCTAssertEqual(h.active, ["join"])
        XCTAssertEqual(h.waiting, [], "no task is left for the user to complete")
        XCTAssertFalse(h.run.hasWaitingTasks)
    }

    func testAJoinReachedFromInsideASubProcessWaitsForIt() throws {
        // A token inside a sub-process can reach a join after the sub-process: Camunda follows the
        // sub-process's own outgoing flows when the inner path ends.
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:inclusiveGateway id="split"/>
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart"/>
              <bpmn:userTask id="inner"/>
              <bpmn:endEvent id="subEnd"/>
              \(chain("subStart", "inner", "subEnd"))
            </bpmn:subProcess>
            <bpmn:inclusiveGateway id="join"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "split"))
            \(flow("toSub", "split", "sub", "${true}"))
            \(flow("toJoin", "split", "join", "${true}"))
            \(chain("sub", "join", "end"))
            """).start()
        XCTAssertEqual(h.active, ["join", "inner"])
        try h.complete("inner")
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed.filter { $0 == "join" }.count, 1)
    }
}
