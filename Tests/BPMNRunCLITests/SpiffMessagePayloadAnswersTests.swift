import Foundation
import XCTest

/// An answers-file message may carry one value of any type and name the variable it lands in, as a
/// SpiffWorkflow application sends a message (`{"payload": x, "result_var": v}`); SpiffWorkflow's
/// external_message test sends the string "SomethingDrastic" into `reset_var`. Under camunda such a
/// step is refused with a message saying what to write instead.
final class SpiffMessagePayloadAnswersTests: XCTestCase {
    static let diagram = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <bpmn:process id="Wait" isExecutable="true">
        <bpmn:startEvent id="Start"/>
        <bpmn:intermediateCatchEvent id="WaitReset"><bpmn:messageEventDefinition messageRef="M_reset"/></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="WaitNote"><bpmn:messageEventDefinition messageRef="M_note"/></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="End"/>
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="WaitReset"/>
        <bpmn:sequenceFlow id="F2" sourceRef="WaitReset" targetRef="WaitNote"/>
        <bpmn:sequenceFlow id="F3" sourceRef="WaitNote" targetRef="End"/>
      </bpmn:process>
      <bpmn:message id="M_reset" name="reset"/><bpmn:message id="M_note" name="note"/>
    </bpmn:definitions>
    """

    private func run(dialect: String) throws -> (ProcessRunner.Outcome, TraceDocument?) {
        let file = try TemporaryFiles.write(Self.diagram, name: "spiff-payload-\(dialect).bpmn")
        let answers = try TemporaryFiles.write("""
            {"steps": [{"message": "reset", "payload": "SomethingDrastic", "resultVariable": "reset_var"},
                       {"message": "note", "payload": [1, 2]}]}
            """, name: "spiff-payload-\(dialect).answers.json")
        let trace = TemporaryFiles.url("spiff-payload-\(dialect).trace.json")
        addTeardownBlock { for url in [file, answers, trace] { try? FileManager.default.removeItem(at: url) } }
        let outcome = try ProcessRunner.bpmnrun(["run", file.path, "--non-interactive", "--dialect", dialect,
                                                 "--answers", answers.path, "--trace", trace.path], timeout: 60)
        return (outcome, try? TraceDocument(file: trace))
    }

    func testSpiffMessageCarriesAnyValueIntoTheNamedVariable() throws {
        let (run, trace) = try run(dialect: "spiff")
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        XCTAssertEqual(trace?.variables["reset_var"], .string("SomethingDrastic"))
        XCTAssertNil(trace?.variables["WaitReset_Response"], "a named result variable replaces <id>_Response")
        XCTAssertEqual(trace?.variables["WaitNote_Response"], .array([.number(1), .number(2)]))
    }

    func testCamundaRefusesAPayloadStep() throws {
        let (run, _) = try run(dialect: "camunda")
        XCTAssertNotEqual(run.exitCode, 0, run.transcript)
        XCTAssertTrue(run.stderr.contains("needs the spiff dialect"), run.transcript)
    }
}
