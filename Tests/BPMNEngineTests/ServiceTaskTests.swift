import BPMNEngine
import BPMNModel
import XCTest

/// Service tasks: `camunda:expression` runs; Java classes, delegate expressions and external
/// workers cannot, so such tasks wait for the user (or are skipped with `--service-tasks skip`).
final class ServiceTaskTests: XCTestCase {
    let delegated = """
        <bpmn:startEvent id="start"/>
        <bpmn:serviceTask id="java" camunda:class="com.acme.Charge" camunda:resultVariable="receipt"/>
        <bpmn:serviceTask id="delegate" camunda:delegateExpression="${mailer}"/>
        <bpmn:serviceTask id="external" camunda:type="external" camunda:topic="invoice"/>
        <bpmn:endEvent id="end"/>
        \(chain("start", "java", "delegate", "external", "end"))
        """

    func testAnExpressionRunsAndItsValueGoesToTheResultVariable() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:serviceTask id="sum" camunda:expression="${a + b}" camunda:resultVariable="total"/>
            <bpmn:serviceTask id="flag" camunda:expression="${execution.setVariable('checked', total > 4)}"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "sum", "flag", "end"))
            """).start(["a": 2, "b": 3])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "sum", "flag", "end"])
        XCTAssertEqual(h.variables["total"], .integer(5))
        XCTAssertEqual(h.variables["checked"], .boolean(true))
        let set = h.events(.variableSet).first { $0["variable"] == "total" }
        XCTAssertEqual(set?.element, "sum")
        XCTAssertEqual(set?["source"], "expression")
    }

    func testExpressionResultsKeepELTypes() throws {
        // EL divides as doubles, even when both operands are whole numbers.
        let cases: [(String, VariableValue)] = [
            ("${7 / 2}", .double(3.5)), ("${6 / 2}", .double(3.0)), ("${6 div 2}", .double(3.0)), ("${7 % 2}", .integer(1)),
            ("${n * 2}", .integer(8)), ("${n * 1.5}", .double(6.0)), ("${'a'.concat(n)}", .string("a4")),
            ("${n > 3}", .boolean(true)), ("${null}", .null),
        ]
        for (expression, expected) in cases {
            let h = try Harness("""
                <bpmn:startEvent id="start"/>
                <bpmn:serviceTask id="calc" camunda:expression="\(xmlEscaped(expression))" camunda:resultVariable="r"/>
                \(chain("start", "calc"))
                """).start(["n": 4])
            XCTAssertEqual(h.status, .completed, "\(expression): \(h.error?.message ?? "")")
            XCTAssertEqual(h.variables["r"], expected, expression)
        }
    }

    func testAFailingExpressionFailsTheRunNamingTheTask() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:serviceTask id="calc" camunda:expression="${missing * 2}" camunda:resultVariable="r"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "calc", "end"))
            """).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "calc")
        XCTAssertEqual(h.error?.message,
                       "Unknown property used in expression: ${missing * 2}. Cause: Cannot resolve identifier 'missing' (camunda:expression of serviceTask 'calc')")
        XCTAssertEqual(h.events(.scriptFailed).map(\.element), ["calc"])
        XCTAssertEqual(h.events(.processFailed).first?.element, "calc")
        XCTAssertNil(h.variables["r"])
    }

    func testJavaDelegateAndExternalTasksWaitForTheirResults() throws {
        let h = try Harness(delegated).start()
        XCTAssertEqual(h.waiting, ["java"])
        let java = try h.waitingTask("java")
        XCTAssertEqual(java.reason, "service task (Java class com.acme.Charge)")
        XCTAssertEqual(java.resultVariable, "receipt")
        XCTAssertEqual(h.events(.waiting).last?.type, "serviceTask")
        try h.complete("java", ["receipt": "R-1"])
        XCTAssertEqual(h.variables["receipt"], .string("R-1"))
        XCTAssertEqual(try h.waitingTask("delegate").reason, "service task (delegate ${mailer})")
        try h.complete("delegate")
        XCTAssertEqual(try h.waitingTask("external").reason, "external task (topic invoice)")
        try h.complete("external")
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "java", "delegate", "external", "end"])
    }

    func testSkipModeCompletesThemAtOnceAndRecordsIt() throws {
        let h = try Harness(delegated, options: options(serviceTasks: .skip)).start()
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "java", "delegate", "external", "end"])
        XCTAssertTrue(h.events(.waiting).isEmpty)
        let skipped = h.events(.serviceSkipped)
        XCTAssertEqual(skipped.map(\.element), ["java", "delegate", "external"])
        XCTAssertEqual(skipped.compactMap { $0["implementation"]?.stringValue }, ["com.acme.Charge", "${mailer}", "external:invoice"])
        XCTAssertNil(h.variables["receipt"], "a skipped task has no result")
    }

    func testSkipModeStillEvaluatesExpressions() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:serviceTask id="sum" camunda:expression="${1 + 1}" camunda:resultVariable="two"/>
            \(chain("start", "sum"))
            """, options: options(serviceTasks: .skip)).start()
        XCTAssertEqual(h.variables["two"], .integer(2))
        XCTAssertTrue(h.events(.serviceSkipped).isEmpty)
    }

    func testBusinessRuleTasksWaitAndSendTasksComplete() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:businessRuleTask id="rules" camunda:decisionRef="discount"/>
            <bpmn:sendTask id="notify" camunda:class="com.acme.Notify"/>
            \(chain("start", "rules", "notify"))
            """).start()
        XCTAssertEqual(try h.waitingTask("rules").reason, "business rule task (decision discount)")
        try h.complete("rules", ["discount": 0.1])
        XCTAssertEqual(h.status, .completed, "a send task records its message and completes")
        XCTAssertEqual(h.events(.messageSent).map(\.element), ["notify"])
        XCTAssertEqual(h.variables["discount"], .double(0.1))
    }
}
