import Foundation
import XCTest

/// Resuming against a diagram that changed since the state was saved: refused with what changed,
/// `--force` continues when every element the run waits at still exists.
final class DiagramChangeTests: XCTestCase {
    /// leave-request waiting at Task_SubmitRequest, saved in a folder of its own with its answers.
    private func savedRun() throws -> (diagram: URL, state: URL, answers: URL, original: String) {
        let folder = TemporaryFiles.url("changed")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let diagram = folder.appendingPathComponent("leave-request.bpmn")
        let original = try String(contentsOf: BPMNRunBinary.sample("leave-request.bpmn"), encoding: .utf8)
        try original.write(to: diagram, atomically: true, encoding: .utf8)
        let answers = folder.appendingPathComponent("answers.json")
        try FileManager.default.copyItem(at: BPMNRunBinary.sample("leave-request.answers.json"), to: answers)
        let state = folder.appendingPathComponent("run.state.json")
        let outcome = try ProcessRunner.bpmnrun(["run", diagram.path, "--state", state.path, "--non-interactive", "--quiet",
                                                 "--var", "employee=jdoe"])
        XCTAssertEqual(outcome.exitCode, 3, outcome.transcript)
        return (diagram, state, answers, original)
    }

    func testAChangedTaskAheadOfTheWaitingTokenIsNamedAndForceContinues() throws {
        let run = try savedRun()
        let changed = run.original.replacingOccurrences(of: "camunda:candidateGroups=\"team-leads\"", with: "camunda:candidateGroups=\"hr\"")
        XCTAssertNotEqual(changed, run.original)
        try changed.write(to: run.diagram, atomically: true, encoding: .utf8)

        let refused = try ProcessRunner.bpmnrun(["resume", run.state.path, "--answers", run.answers.path, "--non-interactive"])
        XCTAssertEqual(refused.exitCode, 4, refused.transcript)
        XCTAssertTrue(refused.stderr.contains("the diagram changed since the run was saved: \(run.diagram.path)"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("process leave_request: changed Task_ReviewRequest"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)

        let forced = try ProcessRunner.bpmnrun(["resume", run.state.path, "--answers", run.answers.path, "--non-interactive", "--force"])
        XCTAssertEqual(forced.exitCode, 0, forced.transcript)
        let status = try ProcessRunner.bpmnrun(["status", run.state.path])
        XCTAssertTrue(status.stdout.contains("· completed"), status.stdout)
    }

    func testAddedAndRemovedElementsOnTheWayAreListed() throws {
        let run = try savedRun()
        // The review task now goes through a new manual task to the gateway; the old flow is gone.
        let changed = run.original
            .replacingOccurrences(of: "<bpmn:sequenceFlow id=\"Flow_0w5pl2e\" sourceRef=\"Task_ReviewRequest\" targetRef=\"Gateway_Approved\" />",
                                  with: """
                                  <bpmn:sequenceFlow id="Flow_ToFile" sourceRef="Task_ReviewRequest" targetRef="Task_File" />
                                  <bpmn:manualTask id="Task_File" name="File the form" />
                                  <bpmn:sequenceFlow id="Flow_FromFile" sourceRef="Task_File" targetRef="Gateway_Approved" />
                                  """)
        XCTAssertNotEqual(changed, run.original)
        try changed.write(to: run.diagram, atomically: true, encoding: .utf8)
        let refused = try ProcessRunner.bpmnrun(["resume", run.state.path, "--non-interactive"])
        XCTAssertEqual(refused.exitCode, 4, refused.transcript)
        XCTAssertTrue(refused.stderr.contains("added Flow_FromFile, Flow_ToFile, Task_File; removed Flow_0w5pl2e; changed Task_ReviewRequest"),
                      refused.stderr)
    }

    func testAWaitingElementThatIsGoneIsRefusedEvenWithForce() throws {
        let run = try savedRun()
        try run.original.replacingOccurrences(of: "Task_SubmitRequest", with: "Task_Submit")
            .write(to: run.diagram, atomically: true, encoding: .utf8)
        let refused = try ProcessRunner.bpmnrun(["resume", run.state.path, "--non-interactive", "--force"])
        XCTAssertEqual(refused.exitCode, 4, refused.transcript)
        XCTAssertTrue(refused.stderr.contains("the run waits at elements that no longer exist: Task_SubmitRequest"), refused.stderr)
    }

    func testALayoutOnlyChangeIsReportedAsAffectingNothingAndForceContinues() throws {
        let run = try savedRun()
        let changed = run.original.replacingOccurrences(of: "<bpmn:process ", with: "<!-- moved a shape -->\n  <bpmn:process ")
        try changed.write(to: run.diagram, atomically: true, encoding: .utf8)
        let refused = try ProcessRunner.bpmnrun(["resume", run.state.path, "--non-interactive"])
        XCTAssertEqual(refused.exitCode, 4, refused.transcript)
        XCTAssertTrue(refused.stderr.contains("(no element the waiting tokens can reach changed)"), refused.stderr)
        let forced = try ProcessRunner.bpmnrun(["resume", run.state.path, "--answers", run.answers.path, "--non-interactive", "--force"])
        XCTAssertEqual(forced.exitCode, 0, forced.transcript)
    }
}
