import Foundation
import XCTest

/// A process that only a message can start, run from an answers file whose first step is that
/// message: the step starts the process (SpiffWorkflow's multiple-start.bpmn is run this way).
final class AnswersStartStepTests: XCTestCase {
    static let diagram = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <bpmn:message id="M1" name="order_placed"/>
      <bpmn:process id="Orders" isExecutable="true">
        <bpmn:startEvent id="Start_Order"><bpmn:messageEventDefinition messageRef="M1"/></bpmn:startEvent>
        <bpmn:userTask id="Task_Pack"/>
        <bpmn:endEvent id="End"/>
        <bpmn:sequenceFlow id="F1" sourceRef="Start_Order" targetRef="Task_Pack"/>
        <bpmn:sequenceFlow id="F2" sourceRef="Task_Pack" targetRef="End"/>
      </bpmn:process>
    </bpmn:definitions>
    """

    private func run(answers: String) throws -> (ProcessRunner.Outcome, TraceDocument) {
        let file = try TemporaryFiles.write(Self.diagram, name: "message-start.bpmn")
        let answersFile = try TemporaryFiles.write(answers, name: "message-start.answers.json")
        let trace = TemporaryFiles.url("message-start.trace.json")
        addTeardownBlock { for url in [file, answersFile, trace] { try? FileManager.default.removeItem(at: url) } }
        let outcome = try ProcessRunner.bpmnrun(["run", file.path, "--non-interactive", "--answers", answersFile.path,
                                                 "--trace", trace.path], timeout: 60)
        return (outcome, try TraceDocument(file: trace))
    }

    func testFirstMessageStepStartsAProcessWithoutANoneStartEvent() throws {
        let (run, trace) = try run(answers: """
            {"steps": [{"message": "order_placed", "variables": {"orderId": 7}}, {"complete": "Task_Pack"}]}
            """)
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        XCTAssertEqual(trace.events("activityCompleted").compactMap { $0["element"]?.string }, ["Start_Order", "Task_Pack", "End"])
        XCTAssertEqual(trace.variables["orderId"], .number(7))
    }

    func testAFirstStepThatIsNotAStartMessageStillNamesTheMissingStartEvent() throws {
        let (run, _) = try run(answers: """
            {"steps": [{"complete": "Task_Pack"}]}
            """)
        XCTAssertNotEqual(run.exitCode, 0, run.transcript)
        XCTAssertTrue(run.stdout.contains("has no none start event; start it with --message order_placed"), run.transcript)
    }
}
