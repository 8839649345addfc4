import BPMNEngine
import BPMNModel
import XCTest

/// Conditions that cannot be evaluated fail the run with Camunda's message, naming the flow.
final class ConditionErrorTests: XCTestCase {
    func route(_ condition: String) -> String {
        """
        <bpmn:startEvent id="start"/>
        <bpmn:exclusiveGateway id="route" default="other"/>
        <bpmn:task id="a"/>
        <bpmn:task id="b"/>
        \(chain("start", "route"))
        \(flow("check", "route", "a", condition))
        \(flow("other", "route", "b"))
        """
    }

    func testAnUnknownVariableGivesCamundasMessage() throws {
        let h = try Harness(route("${x}")).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.message,
                       "Unknown property used in expression: ${x}. Cause: Cannot resolve identifier 'x' (condition of sequence flow 'check')")
        XCTAssertEqual(h.error?.element, "check")
        XCTAssertGreaterThan(h.error?.line ?? 0, 0)
        XCTAssertEqual(h.flowsTaken, ["start_route"], "no flow leaves the gateway")
        XCTAssertEqual(h.events(.processFailed).first?.element, "check")
    }

    func testTheWholeExpressionIsQuoted() throws {
        let h = try Harness(route("${amount > 10 && approved}")).start(["amount": 20])
        XCTAssertEqual(h.error?.message,
                       "Unknown property used in expression: ${amount > 10 && approved}. Cause: Cannot resolve identifier 'approved' (condition of sequence flow 'check')")
    }

    func testAConditionMustGiveABooleanAsInCamunda() throws {
        // UelExpressionCondition: no coercion, null and other types are errors.
        let cases: [(String, String)] = [
            ("${amount}", "condition expression returns non-Boolean: result has class java.lang.Long and not java.lang.Boolean"),
            ("${'true'}", "condition expression returns non-Boolean: result has class java.lang.String and not java.lang.Boolean"),
            ("${nothing}", "condition expression returns null: result is null"),
        ]
        for (condition, message) in cases {
            let h = try Harness(route(condition)).start(["amount": 5, "nothing": nil])
            XCTAssertEqual(h.status, .failed, condition)
            XCTAssertEqual(h.error?.message, "\(message) (condition of sequence flow 'check')")
            XCTAssertEqual(h.error?.element, "check")
        }
    }

    func testAVariableSetToNullIsKnown() throws {
        // Only a missing variable is unknown; a null one evaluates (to false here).
        let h = try Harness(route("${x == 'yes'}")).start(["x": nil])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "route", "b"])
    }

    func testAConditionThatDoesNotParseIsRejectedBeforeTheRun() {
        let problems = compileFailure(diagram(route("${amount >}")))
        XCTAssertEqual(problems.map(\.elementId), ["check"])
        XCTAssertTrue(problems.first?.message.hasPrefix("the condition '${amount >}' does not parse") == true, problems.first?.message ?? "")
    }

    func testAConditionInAnUnknownLanguageIsRejectedBeforeTheRun() {
        let problems = compileFailure(diagram("""
            <bpmn:startEvent id="start"/>
            <bpmn:task id="a"/>
            <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="a">\
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">x == 1</bpmn:conditionExpression>\
            </bpmn:sequenceFlow>
            """))
        XCTAssertEqual(problems.map(\.elementId), ["f"])
        XCTAssertTrue(problems.first?.message.contains("'groovy'") == true, problems.first?.message ?? "")
    }

    func testEveryProblemIsReportedAtOnce() {
        let problems = compileFailure(diagram("""
            <bpmn:startEvent id="start"/>
            <bpmn:exclusiveGateway id="route"/>
            <bpmn:scriptTask id="s" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
            <bpmn:task id="b"/>
            \(chain("start", "route"))
            \(flow("f1", "route", "s", "${a +}"))
            \(flow("f2", "route", "b", "${b *}"))
            """))
        XCTAssertEqual(Set(problems.compactMap(\.elementId)), ["f1", "f2", "s"])
    }

    func testAJavaScriptConditionIsEvaluatedAndMustBeBoolean() throws {
        func process(_ script: String) -> String {
            """
            <bpmn:startEvent id="start"/>
            <bpmn:exclusiveGateway id="route" default="other"/>
            <bpmn:task id="a"/>
            <bpmn:task id="b"/>
            \(chain("start", "route"))
            <bpmn:sequenceFlow id="check" sourceRef="route" targetRef="a">\
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">\(xmlEscaped(script))</bpmn:conditionExpression>\
            </bpmn:sequenceFlow>
            \(flow("other", "route", "b"))
            """
        }
        let h = try Harness(process("amount > 10")).start(["amount": 20])
        XCTAssertEqual(h.completed, ["start", "route", "a"])
        let bad = try Harness(process("'yes'")).start()
        XCTAssertEqual(bad.status, .failed)
        XCTAssertEqual(bad.error?.element, "check")
        XCTAssertTrue(bad.error?.message.contains("non-Boolean") == true, bad.error?.message ?? "")
    }
}
