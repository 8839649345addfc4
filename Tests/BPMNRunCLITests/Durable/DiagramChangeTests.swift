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

        let trace = run.state.deletingLastPathComponent().appendingPathComponent("trace.json")
        try Data("the trace of an earlier session".utf8).write(to: trace)
        let refused = try ProcessRunner.bpmnrun(["resume", run.state.path, "--answers", run.answers.path, "--non-interactive",
                                                 "--trace", trace.path])
        XCTAssertEqual(refused.exitCode, 4, refused.transcript)
        XCTAssertEqual(try String(contentsOf: trace, encoding: .utf8), "the trace of an earlier session", "a refused resume writes nothing")
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

    /// A run waiting inside a process called from another file records that file's hash too.
    func testAChangedCalledFileIsRefusedAndNamed() throws {
        let folder = TemporaryFiles.url("called")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let ns = "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"http://bpmn.io/schema/bpmn\""
        let parent = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions \(ns) id="Defs_Parent">
          <bpmn:process id="parent" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Call_Child" />
            <bpmn:callActivity id="Call_Child" calledElement="child" />
            <bpmn:sequenceFlow id="F2" sourceRef="Call_Child" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """
        let child = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions \(ns) id="Defs_Child">
          <bpmn:process id="child" isExecutable="true">
            <bpmn:startEvent id="Child_Start" />
            <bpmn:sequenceFlow id="C1" sourceRef="Child_Start" targetRef="Task_Check" />
            <bpmn:userTask id="Task_Check" name="Check" />
            <bpmn:sequenceFlow id="C2" sourceRef="Task_Check" targetRef="Task_Sign" />
            <bpmn:userTask id="Task_Sign" name="Sign" />
            <bpmn:sequenceFlow id="C3" sourceRef="Task_Sign" targetRef="Child_End" />
            <bpmn:endEvent id="Child_End" />
          </bpmn:process>
        </bpmn:definitions>
        """
        try Data(parent.utf8).write(to: folder.appendingPathComponent("parent.bpmn"))
        let childFile = folder.appendingPathComponent("child.bpmn")
        try Data(child.utf8).write(to: childFile)
        let state = folder.appendingPathComponent("s.json").path
        let first = try ProcessRunner.bpmnrun(["run", folder.appendingPathComponent("parent.bpmn").path, "--state", state, "--non-interactive", "-q"])
        XCTAssertEqual(first.exitCode, 3, first.transcript)
        let status = try ProcessRunner.bpmnrun(["status", state])
        XCTAssertTrue(status.stdout.contains("Check (Task_Check): user task"), status.stdout)

        try Data(child.replacingOccurrences(of: "name=\"Sign\"", with: "name=\"Sign twice\"").utf8).write(to: childFile)
        let refused = try ProcessRunner.bpmnrun(["resume", state, "--non-interactive"])
        XCTAssertEqual(refused.exitCode, 4, refused.transcript)
        XCTAssertTrue(refused.stderr.contains("the diagram changed since the run was saved: \(childFile.path)"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("process child: changed Task_Sign"), refused.stderr)

        try Data(child.utf8).write(to: childFile)  // put back: resumes inside the called process
        let answers = try TemporaryFiles.write("{\"steps\": [{\"complete\": \"Task_Check\"}, {\"complete\": \"Task_Sign\"}]}", name: "a.json")
        let resumed = try ProcessRunner.bpmnrun(["resume", state, "--answers", answers.path, "--non-interactive", "-q"])
        XCTAssertEqual(resumed.exitCode, 0, resumed.transcript)
    }
}
