import BPMNEngine
import BPMNModel
import XCTest

/// Terminate end events end every token of their scope: the whole instance at process level,
/// only the sub-process inside one (Camunda 7's TerminateEndEventActivityBehavior).
final class TerminateEndEventTests: XCTestCase {
    func testAtProcessLevelItEndsTheInstance() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="review"/>
            <bpmn:userTask id="approve"/>
            <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition/></bpmn:endEvent>
            <bpmn:endEvent id="end"/>
            \(chain("start", "fork", "review", "end"))
            \(chain("fork", "approve", "kill"))
            """).start()
        XCTAssertEqual(h.active, ["review", "approve"])
        try h.complete("approve")
        XCTAssertEqual(h.status, .terminated)
        XCTAssertEqual(h.active, [], "the review token was ended too")
        XCTAssertEqual(h.waiting, [])
        let terminated = h.events(.processTerminated)
        XCTAssertEqual(terminated.count, 1)
        XCTAssertEqual(terminated.first?.element, "kill", "the event names the terminate end event")
        XCTAssertTrue(h.events(.processCompleted).isEmpty)
        XCTAssertEqual(h.completed.last, "kill")
        XCTAssertEqual(thrownMessage { try h.run.complete(token: 2, variables: [:]) }, "token 2 is not waiting at a task")
        h.run.finishTrace()
        XCTAssertEqual(h.trace.summary?.status, .terminated)
        XCTAssertEqual(h.trace.summary?.active, [])
    }

    func testTokensStillOnTheAgendaDoNotRunAfterTermination() throws {
        // The first branch terminates at once; the second branch's token must not run.
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition/></bpmn:endEvent>
            <bpmn:task id="late"/>
            \(chain("start", "fork", "kill"))
            \(chain("fork", "late"))
            """).start()
        XCTAssertEqual(h.status, .terminated)
        XCTAssertFalse(h.completed.contains("late"))
        XCTAssertFalse(h.events(.activityStarted).contains { $0.element == "late" })
    }

    func testInsideASubProcessItEndsOnlyThatScope() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="outside"/>
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart"/>
              <bpmn:parallelGateway id="subFork"/>
              <bpmn:userTask id="inner"/>
              <bpmn:userTask id="abort"/>
              <bpmn:endEvent id="subKill"><bpmn:terminateEventDefinition/></bpmn:endEvent>
              \(chain("subStart", "subFork", "inner"))
              \(chain("subFork", "abort", "subKill"))
            </bpmn:subProcess>
            <bpmn:userTask id="after"/>
            \(chain("start", "fork", "outside"))
            \(chain("fork", "sub", "after"))
            """).start()
        XCTAssertEqual(h.active, ["outside", "inner", "abort"])
        try h.complete("abort")
        XCTAssertEqual(h.status, .waiting)
        XCTAssertEqual(h.active, ["outside", "after"], "inner was ended with its sub-process; the process goes on")
        XCTAssertTrue(h.events(.processTerminated).isEmpty)
        XCTAssertEqual(h.completed.suffix(3), ["abort", "subKill", "sub"])
        try h.complete("outside")
        try h.complete("after")
        XCTAssertEqual(h.status, .completed)
    }

    func testInANestedSubProcessItEndsOnlyTheInnermostScope() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:subProcess id="outer">
              <bpmn:startEvent id="outerStart"/>
              <bpmn:parallelGateway id="outerFork"/>
              <bpmn:userTask id="outerTask"/>
              <bpmn:subProcess id="inner">
                <bpmn:startEvent id="innerStart"/>
                <bpmn:parallelGateway id="innerFork"/>
                <bpmn:userTask id="innerTask"/>
                <bpmn:endEvent id="innerKill"><bpmn:terminateEventDefinition/></bpmn:endEvent>
                \(chain("innerStart", "innerFork", "innerTask"))
                \(chain("innerFork", "innerKill"))
              </bpmn:subProcess>
              <bpmn:endEvent id="outerEnd"/>
              \(chain("outerStart", "outerFork", "outerTask"))
              \(chain("outerFork", "inner", "outerEnd"))
            </bpmn:subProcess>
            <bpmn:endEvent id="end"/>
            \(chain("start", "outer", "end"))
            """).start()
        XCTAssertEqual(h.active, ["outerTask"], "innerTask was ended with the inner sub-process")
        XCTAssertTrue(h.completed.contains("inner"))
        XCTAssertEqual(h.status, .waiting)
        try h.complete("outerTask")
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed.suffix(3), ["outerTask", "outer", "end"])
    }
}
