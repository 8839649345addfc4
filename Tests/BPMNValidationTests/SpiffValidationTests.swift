import BPMNModel
import BPMNPython
import Foundation
import XCTest
@testable import BPMNValidation

/// `bpmnrun validate` on SpiffWorkflow-dialect diagrams: Python compiled (never run) with errors
/// at the right file line, SpiffWorkflow's refusals element by element, Camunda-only rules quiet.
final class SpiffValidationTests: XCTestCase {
    /// A spiff diagram: no scriptFormat, Python conditions, no historyTimeToLive.
    static func diagram(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
        <bpmn:process id="Process_1" isExecutable="true">
        <bpmn:startEvent id="Start" name="Start" />
        <bpmn:sequenceFlow id="Flow_0" sourceRef="Start" targetRef="Compute" />
        \(body)
        </bpmn:process>
        </bpmn:definitions>
        """
    }

    /// Line 6 of the document holds `<bpmn:scriptTask ...><bpmn:script>` followed by line 1 of the script.
    static let scriptWithErrorOnLine3 = diagram("""
        <bpmn:scriptTask id="Compute" name="Compute"><bpmn:script>total = 0
        for item in items:
            total += item['price'] *
        </bpmn:script></bpmn:scriptTask>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="Compute" targetRef="End" />
        <bpmn:endEvent id="End" name="End" />
        """)

    func testAutoChoosesSpiffAndPythonSyntaxErrorIsAtTheFileLine() throws {
        let findings = try validate(Self.scriptWithErrorOnLine3, dialect: nil)
        let errors = findings.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.ruleId), ["script-syntax"], "\(findings.map { "\($0.ruleId): \($0.message)" })")
        let f = try XCTUnwrap(errors.first)
        XCTAssertEqual(f.elementId, "Compute")
        XCTAssertEqual(f.location.line, 8, f.message)   // file line 6 + script line 3 - 1
        XCTAssertTrue(f.message.contains("at line 3"), f.message)
        XCTAssertTrue(f.message.contains("SyntaxError"), f.message)
        // Camunda 7 rules about scriptFormat and history time to live do not apply to spiff files.
        XCTAssertFalse(findings.contains { $0.ruleId.hasPrefix("camunda-") }, "\(findings.map(\.ruleId))")
    }

    func testSameDiagramAsCamundaGetsCamundaFindingsInstead() throws {
        let findings = try validate(Self.scriptWithErrorOnLine3, dialect: .camunda)
        let ids = Set(findings.map(\.ruleId))
        XCTAssertTrue(ids.contains("camunda-script-format") || ids.contains("camunda-history-time-to-live"), "\(ids)")
        XCTAssertFalse(ids.contains("script-syntax"), "JUEL script (no format) is not compiled as Python under camunda")
    }

    func testValidPythonPasses() throws {
        let xml = Self.diagram("""
            <bpmn:scriptTask id="Compute" name="Compute"><bpmn:script>import math
            total = sum(i['price'] for i in items)
            if total &gt; 100:
                discount = math.floor(total / 10)
            </bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Compute" targetRef="Big" />
            <bpmn:exclusiveGateway id="Big" name="Big?" default="Flow_No" />
            <bpmn:sequenceFlow id="Flow_Yes" name="yes" sourceRef="Big" targetRef="End"><bpmn:conditionExpression>total &gt; 100 and discount != None</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_No" name="no" sourceRef="Big" targetRef="End" />
            <bpmn:endEvent id="End" name="End" />
            """)
        let findings = try validate(xml, dialect: .spiff)
        XCTAssertEqual(findings.filter { $0.severity == .error }.map(\.message), [])
    }

    func testConditionThatIsNotPythonIsReportedOnItsFlow() throws {
        let xml = Self.diagram("""
            <bpmn:scriptTask id="Compute" name="Compute"><bpmn:script>ok = True</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Compute" targetRef="Ok" />
            <bpmn:exclusiveGateway id="Ok" name="Ok?" default="Flow_No" />
            <bpmn:sequenceFlow id="Flow_Yes" name="yes" sourceRef="Ok" targetRef="End">
              <bpmn:conditionExpression>ok = = True</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_No" name="no" sourceRef="Ok" targetRef="End" />
            <bpmn:endEvent id="End" name="End" />
            """)
        let findings = try validate(xml, dialect: .spiff)
        let f = try XCTUnwrap(findings.first { $0.ruleId == "python-expression-syntax" }, "\(findings.map(\.ruleId))")
        XCTAssertEqual(f.elementId, "Flow_Yes")
        XCTAssertEqual(f.location.line, 10)   // the <conditionExpression> line
        XCTAssertTrue(f.message.contains("ok = = True"), f.message)
        XCTAssertFalse(findings.contains { $0.ruleId == "juel-syntax" })
    }

    func testMissingScriptAndConditionReportedElementByElement() throws {
        let xml = Self.diagram("""
            <bpmn:scriptTask id="Compute" name="Compute" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Compute" targetRef="Ok" />
            <bpmn:exclusiveGateway id="Ok" name="Ok?" />
            <bpmn:sequenceFlow id="Flow_Yes" name="yes" sourceRef="Ok" targetRef="Save" />
            <bpmn:sequenceFlow id="Flow_No" name="no" sourceRef="Ok" targetRef="End" />
            <bpmn:scriptTask id="Save" name="Save" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Save" targetRef="End" />
            <bpmn:endEvent id="End" name="End" />
            """)
        let findings = try validate(xml, dialect: nil)
        XCTAssertEqual(findings.filter { $0.ruleId == "spiff-script-missing" }.map(\.elementId), ["Compute", "Save"])
        XCTAssertEqual(findings.filter { $0.ruleId == "spiff-condition-missing" }.map(\.elementId), ["Flow_Yes", "Flow_No"])
        // Camunda's own wording of the same gaps is not repeated.
        XCTAssertFalse(findings.contains { $0.ruleId == "camunda-script-task-script" || $0.ruleId == "camunda-exclusive-gateway" })
    }

    func testMixedDialectsUnderAutoIsAConflictFinding() throws {
        let example = DialectConflictRule.examples.triggering[0].xml
        let findings = try validate(example, dialect: nil)
        let f = try XCTUnwrap(findings.first { $0.ruleId == "dialect-conflict" })
        XCTAssertEqual(f.severity, .error)
        XCTAssertTrue(f.message.contains("${ok}") && f.message.contains("ok == False"), f.message)
        // Naming the dialect is the way out.
        XCTAssertFalse(try validate(example, dialect: .camunda).contains { $0.ruleId == "dialect-conflict" })
    }

    func testEveryOutputFormatCarriesTheSpiffRuleIds() throws {
        let xml = Self.diagram("""
            <bpmn:scriptTask id="Compute" name="Compute" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Compute" targetRef="End" />
            <bpmn:endEvent id="End" name="End" />
            """)
        let report = try Validator(configs: try ConfigResolver()).validate([.data(Array(xml.utf8), name: "sketch.bpmn")])
        XCTAssertEqual(report.files[0].dialect, .spiff)
        for format in OutputFormat.allCases {
            let text = format.render(report, colors: false)
            XCTAssertTrue(text.contains("spiff-script-missing"), "\(format): \(text)")
            XCTAssertTrue(text.contains("Compute"), "\(format)")
        }
        XCTAssertTrue(OutputFormat.json.render(report, colors: false).contains("\"dialect\": \"spiff\""))
    }

    /// The book's two unfinished sketches: every gap, not only the first SpiffWorkflow stops at.
    func testBookSketchesAreReportedElementByElement() throws {
        guard let shared = sharedFolder() else { throw XCTSkip("skipped: ../shared is absent (the spiff-book corpus lives there)") }
        let book = shared.appendingPathComponent("corpus/spiff-book")
        let report = try Validator(configs: try ConfigResolver()).validate(
            ["dams_signup", "dams_doctor_diagnosis", "dams_appointment", "dams_login"].map {
                .file(book.appendingPathComponent("\($0).bpmn").path)
            })
        func count(_ file: Int, _ rule: String) -> Int { report.files[file].findings.filter { $0.ruleId == rule }.count }
        XCTAssertEqual(report.files.map(\.dialect), [.spiff, .spiff, .spiff, .spiff])
        XCTAssertEqual(count(0, "spiff-script-missing"), 8)
        XCTAssertEqual(count(0, "spiff-condition-missing"), 15)
        XCTAssertEqual(count(1, "spiff-script-missing"), 5)
        XCTAssertEqual(count(1, "spiff-condition-missing"), 4)
        XCTAssertTrue(report.files[0].findings.contains { $0.ruleId == "spiff-script-missing" && $0.elementId == "Activity_0bfalsw" })
        // The two finished diagrams have no errors at all.
        XCTAssertEqual(report.files[2].errorCount, 0, "\(report.files[2].findings.map(\.message))")
        XCTAssertEqual(report.files[3].errorCount, 0, "\(report.files[3].findings.map(\.message))")
    }
    func testBareTimerLiteralIsReportedOnceWithTheQuotedForm() throws {
        let xml = Self.diagram("""
            <bpmn:scriptTask id="Compute" name="Compute"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Compute" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT5M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Wait" targetRef="Later" />
            <bpmn:intermediateCatchEvent id="Later" name="Later"><bpmn:timerEventDefinition><bpmn:timeDate>2026-01-01T09:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="Flow_3" sourceRef="Later" targetRef="End" />
            <bpmn:endEvent id="End" name="End" />
            """)
        let findings = try validate(xml, dialect: .spiff).filter { $0.severity == .error }
        XCTAssertEqual(findings.map(\.ruleId), ["spiff-timer-literal", "python-expression-syntax"], "\(findings.map(\.message))")
        XCTAssertEqual(findings.map(\.elementId), ["Wait", "Later"])
        XCTAssertTrue(findings[0].message.contains("\"PT5M\""), findings[0].message)
    }
}
