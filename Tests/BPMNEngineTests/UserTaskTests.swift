import BPMNEngine
import BPMNModel
import XCTest

/// User tasks wait until someone completes them; their variables are set on completion.
final class UserTaskTests: XCTestCase {
    let approval = """
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="approve" name="Approve" camunda:assignee="${owner}" camunda:candidateGroups="managers">
          <bpmn:documentation>Check the amount.</bpmn:documentation>
        </bpmn:userTask>
        <bpmn:endEvent id="end"/>
        \(chain("start", "approve", "end"))
        """

    func testWaitsAtTheTaskAndDescribesIt() throws {
        let h = try Harness(approval).start(["owner": "anna"])
        XCTAssertEqual(h.status, .waiting)
        XCTAssertEqual(h.active, ["approve"])
        XCTAssertEqual(h.completed, ["start"], "the task has started, not completed")
        let task = try h.waitingTask("approve")
        XCTAssertEqual(task.reason, "user task")
        XCTAssertEqual(task.assignee, "anna", "the assignee expression is resolved when the task is created")
        XCTAssertEqual(task.candidateGroups, "managers")
        XCTAssertEqual(task.node.name, "Approve")
        XCTAssertEqual(task.node.documentation, "Check the amount.")
        let waiting = h.events(.waiting)
        XCTAssertEqual(waiting.count, 1)
        XCTAssertEqual(waiting[0].element, "approve")
        XCTAssertEqual(waiting[0].type, "userTask")
        XCTAssertEqual(waiting[0]["assignee"], "anna")
        XCTAssertEqual(waiting[0]["candidateGroups"], "managers")
    }

    func testCompletionSetsVariablesAndRunsOn() throws {
        let h = try Harness(approval).start(["owner": "anna"])
        try h.complete("approve", ["approved": true, "comment": "fine"])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "approve", "end"])
        XCTAssertEqual(h.variables["approved"], .boolean(true))
        XCTAssertEqual(h.variables["comment"], .string("fine"))
        let sets = h.events(.variableSet).filter { $0.element == "approve" }
        XCTAssertEqual(sets.compactMap { $0["variable"]?.stringValue }, ["approved", "comment"])
        XCTAssertEqual(sets.first?["source"], "form")
    }

    func testAnUnresolvableAssigneeIsShownNotHidden() throws {
        let h = try Harness(approval).start()
        let task = try h.waitingTask("approve")
        XCTAssertEqual(h.status, .waiting, "bpmnrun lets the user go on where Camunda would fail creating the task")
        XCTAssertTrue(task.assignee?.hasPrefix("${owner} (not resolved: Unknown property used in expression: ${owner}") == true,
                      task.assignee ?? "nil")
    }

    func testCompletingATokenThatDoesNotWaitIsAnError() throws {
        let h = try Harness(approval).start(["owner": "anna"])
        let token = try h.waitingTask("approve").token
        try h.run.complete(token: token, variables: [:])
        let message = thrownMessage { try h.run.complete(token: token, variables: [:]) }
        XCTAssertEqual(message, "token \(token) is not waiting at a task")
        XCTAssertEqual(h.status, .completed, "the failed completion changes nothing")
    }

    func testATaskReachedTwiceWaitsTwice() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="review"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "fork"))
            \(flow("a", "fork", "review"))
            \(flow("b", "fork", "review"))
            \(chain("review", "end"))
            """).start()
        XCTAssertEqual(h.active, ["review", "review"])
        XCTAssertEqual(h.waiting, ["review", "review"])
        XCTAssertEqual(Set(h.run.waitingTasks.map(\.token)).count, 2, "two tokens, two task instances")
        try h.complete("review")
        XCTAssertEqual(h.active, ["review"])
        XCTAssertEqual(h.status, .waiting)
        try h.complete("review")
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed.filter { $0 == "review" }.count, 2)
    }

    func testParallelTasksWaitInTokenOrderAndCompleteInAnyOrder() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="legal"/>
            <bpmn:userTask id="finance"/>
            <bpmn:parallelGateway id="join"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "fork", "legal", "join", "end"))
            \(chain("fork", "finance", "join"))
            """).start()
        XCTAssertEqual(h.waiting, ["legal", "finance"])
        try h.complete("finance")
        XCTAssertEqual(h.waiting, ["legal"])
        XCTAssertEqual(h.active, ["legal", "join"], "the finance token waits at the join")
        try h.complete("legal")
        XCTAssertEqual(h.status, .completed)
    }
}
