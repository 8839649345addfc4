import BPMNEngine
import BPMNModel
import XCTest

/// An embedded sub-process runs in a scope of its own and completes when its last token ends.
final class SubProcessTests: XCTestCase {
    let nested = """
        <bpmn:startEvent id="start"/>
        <bpmn:subProcess id="sub" name="Handle">
          <bpmn:startEvent id="subStart"/>
          <bpmn:scriptTask id="calc" scriptFormat="juel"><bpmn:script>${execution.setVariable('fee', amount * 2)}</bpmn:script></bpmn:scriptTask>
          <bpmn:scriptTask id="note" scriptFormat="juel"><bpmn:script>${execution.setVariableLocal('draft', 'x')}</bpmn:script></bpmn:scriptTask>
          <bpmn:userTask id="confirm"/>
          <bpmn:endEvent id="subEnd"/>
          \(chain("subStart", "calc", "note", "confirm", "subEnd"))
        </bpmn:subProcess>
        <bpmn:userTask id="after"/>
        \(chain("start", "sub", "after"))
        """

    func testTheSubProcessRunsInsideItsOwnScope() throws {
        let h = try Harness(nested).start(["amount": 5])
        XCTAssertEqual(h.active, ["confirm"])
        XCTAssertEqual(h.completed, ["start", "subStart", "calc", "note"])
        let inner = try XCTUnwrap(h.events(.activityStarted).first { $0.element == "calc" })
        XCTAssertEqual(inner.scope, 2, "the first sub-process instance is scope 2")
        XCTAssertEqual(h.events(.activityStarted).first { $0.element == "sub" }?.scope, 1)
        XCTAssertEqual(h.events(.waiting).first?.scope, 2)
        try h.complete("confirm", ["ok": true])
        XCTAssertEqual(h.completed, ["start", "subStart", "calc", "note", "confirm", "subEnd", "sub"])
        XCTAssertEqual(h.active, ["after"])
    }

    func testVariablesGoToTheProcessUnlessSetLocally() throws {
        // Camunda's setVariable writes where the variable exists, else on the process instance;
        // setVariableLocal keeps it in the sub-process scope, which ends with it.
        let h = try Harness(nested).start(["amount": 5])
        XCTAssertEqual(h.variables["fee"], .integer(10))
        XCTAssertNil(h.variables["draft"])
        let confirm = try h.waitingTask("confirm")
        XCTAssertEqual(h.run.variables(visibleTo: confirm.token)["draft"], .string("x"), "visible inside the sub-process")
        let local = try XCTUnwrap(h.events(.variableSet).first { $0["variable"] == "draft" })
        XCTAssertEqual(local.scope, 2)
        try h.complete("confirm", ["ok": true])
        XCTAssertEqual(h.variables["ok"], .boolean(true), "task variables go to the process instance")
        XCTAssertNil(h.variables["draft"])
        XCTAssertEqual(Set(h.variables.keys), ["amount", "fee", "ok"])
    }

    func testASubProcessWithoutStartEventFails() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:subProcess id="sub"><bpmn:task id="lonely"/></bpmn:subProcess>
            \(chain("start", "sub"))
            """).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "sub")
        XCTAssertEqual(h.error?.message, "sub-process 'sub' has no none start event, so it cannot start")
    }

    func testAParallelSplitInsideTheSubProcessMustFinishBeforeItCompletes() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart"/>
              <bpmn:parallelGateway id="fork"/>
              <bpmn:userTask id="a"/>
              <bpmn:userTask id="b"/>
              <bpmn:endEvent id="endA"/>
              <bpmn:endEvent id="endB"/>
              \(chain("subStart", "fork", "a", "endA"))
              \(chain("fork", "b", "endB"))
            </bpmn:subProcess>
            <bpmn:endEvent id="end"/>
            \(chain("start", "sub", "end"))
            """).start()
        try h.complete("a")
        XCTAssertEqual(h.active, ["b"])
        XCTAssertFalse(h.completed.contains("sub"))
        try h.complete("b")
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed.suffix(3), ["endB", "sub", "end"])
    }

    func testEnteringASubProcessAgainStartsAFreshScope() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:subProcess id="attempt">
              <bpmn:startEvent id="aStart"/>
              <bpmn:scriptTask id="mark" scriptFormat="javascript"><bpmn:script>
                execution.setVariable('seenBefore', execution.getVariables().hasOwnProperty('tries'));
                execution.setVariableLocal('tries', 1);
              </bpmn:script></bpmn:scriptTask>
              <bpmn:userTask id="try"/>
              <bpmn:endEvent id="aEnd"/>
              \(chain("aStart", "mark", "try", "aEnd"))
            </bpmn:subProcess>
            <bpmn:exclusiveGateway id="again" default="stop"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "attempt", "again"))
            \(flow("retry", "again", "attempt", "${!success}"))
            \(flow("stop", "again", "end"))
            """).start()
        XCTAssertEqual(h.events(.waiting).last?.scope, 2)
        try h.complete("try", ["success": false])
        XCTAssertEqual(h.events(.waiting).last?.scope, 3, "the second attempt runs in a new scope instance")
        XCTAssertEqual(h.variables["seenBefore"], .boolean(false), "the first attempt's local variable ended with its scope")
        try h.complete("try", ["success": true])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed.filter { $0 == "attempt" }.count, 2)
        XCTAssertNil(h.variables["tries"])
    }
}
