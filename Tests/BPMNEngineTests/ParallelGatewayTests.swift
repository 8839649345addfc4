import BPMNEngine
import BPMNModel
import XCTest

/// Parallel gateway as Camunda 7's ParallelGatewayActivityBehavior: the fork takes every outgoing
/// flow (conditions ignored); the join waits for one token per incoming flow.
final class ParallelGatewayTests: XCTestCase {
    func testForkAndJoinRunEachBranchThenContinueOnce() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:task id="a1"/>
            <bpmn:task id="a2"/>
            <bpmn:task id="b1"/>
            <bpmn:parallelGateway id="join"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "fork", "a1", "a2", "join", "end"))
            \(chain("fork", "b1", "join"))
            """).start()
        XCTAssertEqual(h.status, .completed)
        // Depth-first: the first flow's token runs until it waits (here: at the join) before the next starts.
        XCTAssertEqual(h.completed, ["start", "fork", "a1", "a2", "b1", "join", "end"])
        let wait = try XCTUnwrap(h.events(.waiting).first)
        XCTAssertEqual(wait.element, "join")
        XCTAssertEqual(wait["arrived"], 1)
        XCTAssertEqual(wait["expected"], 2)
        let joined = try XCTUnwrap(h.events(.activityCompleted).first { $0.element == "join" })
        XCTAssertEqual(joined["merged"], [1, 2])
        XCTAssertEqual(h.events(.tokenEnded).count, 1, "one token leaves the join")
        XCTAssertEqual(h.events(.processCompleted).count, 1)
    }

    func testTheJoinWaitsForEveryIncomingFlow() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="a"/>
            <bpmn:userTask id="b"/>
            <bpmn:userTask id="c"/>
            <bpmn:parallelGateway id="join"/>
            <bpmn:userTask id="after"/>
            \(chain("start", "fork", "a", "join", "after"))
            \(chain("fork", "b", "join"))
            \(chain("fork", "c", "join"))
            """).start()
        XCTAssertEqual(h.active, ["a", "b", "c"])
        try h.complete("b")
        XCTAssertEqual(h.active, ["a", "join", "c"], "one element id per token, in token order")
        try h.complete("a")
        XCTAssertEqual(h.active, ["join", "join", "c"])
        XCTAssertEqual(h.waiting, ["c"], "tokens at a join are not tasks a user can complete")
        XCTAssertTrue(h.run.hasWaitingTasks)
        try h.complete("c")
        XCTAssertEqual(h.active, ["after"])
        XCTAssertEqual(h.completed.filter { $0 == "join" }.count, 1)
    }

    func testConditionsOnAForksFlowsAreIgnored() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="a"/>
            <bpmn:userTask id="b"/>
            \(chain("start", "fork"))
            \(flow("toA", "fork", "a", "${false}"))
            \(flow("toB", "fork", "b", "${false}"))
            """).start()
        XCTAssertEqual(h.active, ["a", "b"])
        XCTAssertTrue(h.events(.gatewayDecision).isEmpty)
    }

    func testAGatewayThatJoinsAndForks() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="a"/>
            <bpmn:userTask id="b"/>
            <bpmn:parallelGateway id="both"/>
            <bpmn:userTask id="x"/>
            <bpmn:userTask id="y"/>
            \(chain("start", "fork", "a", "both", "x"))
            \(chain("fork", "b", "both", "y"))
            """).start()
        try h.complete("a")
        XCTAssertEqual(h.active, ["both", "b"])
        try h.complete("b")
        XCTAssertEqual(h.active.sorted(), ["x", "y"])
        XCTAssertEqual(h.flowsTaken.suffix(2), ["both_x", "both_y"])
    }

    func testJoinsCountTokensPerScope() throws {
        // The same join inside two concurrent sub-process instances must not mix their tokens.
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart"/>
              <bpmn:parallelGateway id="subFork"/>
              <bpmn:userTask id="left"/>
              <bpmn:userTask id="right"/>
              <bpmn:parallelGateway id="subJoin"/>
              <bpmn:endEvent id="subEnd"/>
              \(chain("subStart", "subFork", "left", "subJoin", "subEnd"))
              \(chain("subFork", "right", "subJoin"))
            </bpmn:subProcess>
            <bpmn:endEvent id="end"/>
            \(chain("start", "fork"))
            \(flow("first", "fork", "sub"))
            \(flow("second", "fork", "sub"))
            \(chain("sub", "end"))
            """).start()
        let tasks = h.run.waitingTasks
        XCTAssertEqual(tasks.map(\.node.id), ["left", "right", "left", "right"])
        try h.run.complete(token: tasks[0].token, variables: [:])  // left in the first instance
        try h.run.complete(token: tasks[3].token, variables: [:])  // right in the second instance
        XCTAssertEqual(h.active, ["subJoin", "right", "left", "subJoin"], "neither join has all its tokens")
        XCTAssertFalse(h.completed.contains("subJoin"))
        try h.run.complete(token: tasks[1].token, variables: [:])
        try h.run.complete(token: tasks[2].token, variables: [:])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed.filter { $0 == "subJoin" }.count, 2)
        XCTAssertEqual(h.completed.filter { $0 == "sub" }.count, 2)
    }

    func testAJoinKeepsWaitingWhenABranchEndsElsewhere() throws {
        // Camunda 7 counts arrived tokens only: a branch that ends before the join leaves it waiting.
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="a"/>
            <bpmn:userTask id="b"/>
            <bpmn:exclusiveGateway id="cancel" default="goOn"/>
            <bpmn:endEvent id="stopped"/>
            <bpmn:parallelGateway id="join"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "fork", "a", "join", "end"))
            \(chain("fork", "b", "cancel"))
            \(flow("stop", "cancel", "stopped", "${cancelled}"))
            \(flow("goOn", "cancel", "join"))
            """).start()
        try h.complete("a")
        try h.complete("b", ["cancelled": true])
        XCTAssertEqual(h.status, .waiting)
        XCTAssertEqual(h.active, ["join"])
        XCTAssertEqual(h.waiting, [])
    }
}
