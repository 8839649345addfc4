import Foundation
import XCTest

/// Answers-file values for form fields under the spiff dialect are stored as given, as
/// SpiffWorkflow stores what the application submits (docs/dialects.md, "Forms"); the camunda
/// dialect keeps Camunda's form service rules. SpiffWorkflow's Parallel.camunda.bpmn20.xml answers
/// an enum field with a value that is not one of its choices and completes.
final class SpiffFormAnswersTests: XCTestCase {
    static let diagram = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
      <bpmn:process id="Review" isExecutable="true">
        <bpmn:startEvent id="Start"/>
        <bpmn:userTask id="Task_Review" name="Review">
          <bpmn:extensionElements><camunda:formData>
            <camunda:formField id="decision" label="Decision" type="enum">
              <camunda:value id="yes" name="Yes"/><camunda:value id="no" name="No"/>
            </camunda:formField>
            <camunda:formField id="due" label="Due" type="date"/>
            <camunda:formField id="note" label="Note" defaultValue="none"/>
          </camunda:formData></bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:endEvent id="End"/>
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Review"/>
        <bpmn:sequenceFlow id="F2" sourceRef="Task_Review" targetRef="End"/>
      </bpmn:process>
    </bpmn:definitions>
    """

    private func run(dialect: String) throws -> (ProcessRunner.Outcome, TraceDocument) {
        let file = try TemporaryFiles.write(Self.diagram, name: "spiff-form-\(dialect).bpmn")
        let answers = try TemporaryFiles.write("""
            {"steps": [{"complete": "Task_Review", "variables": {"decision": "maybe", "due": "01/01/2020"}}]}
            """, name: "spiff-form-\(dialect).answers.json")
        let trace = TemporaryFiles.url("spiff-form-\(dialect).trace.json")
        addTeardownBlock { for url in [file, answers, trace] { try? FileManager.default.removeItem(at: url) } }
        let outcome = try ProcessRunner.bpmnrun(["run", file.path, "--non-interactive", "--dialect", dialect,
                                                 "--answers", answers.path, "--trace", trace.path], timeout: 60)
        return (outcome, try TraceDocument(file: trace))
    }

    func testSpiffKeepsAnswersAsGivenAndWarnsAboutWhatTheFormWouldRefuse() throws {
        let (run, trace) = try run(dialect: "spiff")
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        XCTAssertEqual(trace.variables["decision"], .string("maybe"))
        XCTAssertEqual(trace.variables["due"], .string("01/01/2020"), "SpiffWorkflow keeps the submitted text")
        XCTAssertEqual(trace.variables["note"], .string("none"), "a field not answered takes its default")
        XCTAssertTrue(run.stderr.contains("field 'decision': maybe kept as given; the form would refuse it: Invalid value for enum form property"),
                      run.transcript)
        XCTAssertTrue(run.stderr.contains("field 'due': 01/01/2020 kept as given (a date field would store"), run.transcript)
    }

    func testCamundaRefusesTheSameAnswer() throws {
        let (run, _) = try run(dialect: "camunda")
        XCTAssertNotEqual(run.exitCode, 0, run.transcript)
        XCTAssertTrue(run.stderr.contains("Invalid value for enum form property: maybe"), run.transcript)
    }
}
