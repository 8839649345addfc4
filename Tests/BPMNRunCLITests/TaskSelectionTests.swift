import Foundation
import XCTest

/// Several tasks with the same id wait (a parallel multi-instance review): an answers step picks
/// one by its resolved name, assignee or loopCounter, and the trace's `waiting` records tell them
/// apart.
final class TaskSelectionTests: XCTestCase {
    private static let diagram = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_Review" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="review" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="check" name="Check part ${loopCounter}" camunda:assignee="${reviewer}">
              <bpmn:extensionElements><camunda:formData>
                <camunda:formField id="due" type="date" defaultValue="10/01/2013"/>
                <camunda:formField id="verdict" type="enum" defaultValue="ok"><camunda:value id="ok" name="OK"/><camunda:value id="redo" name="Redo"/></camunda:formField>
              </camunda:formData></bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${reviewers}" camunda:elementVariable="reviewer"/>
            </bpmn:userTask>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """

    private func run(steps: String) throws -> (ProcessRunner.Outcome, TraceDocument) {
        let file = try TemporaryFiles.write(Self.diagram, name: "review.bpmn")
        let answers = try TemporaryFiles.write(#"{"variables": {"reviewers": ["ann", "bob", "cy"]}, "steps": [\#(steps)]}"#, name: "review.answers.json")
        let trace = TemporaryFiles.url("review-trace.json")
        addTeardownBlock {
            for f in [file, answers, trace] { try? FileManager.default.removeItem(at: f) }
        }
        let outcome = try ProcessRunner.bpmnrun(["run", file.path, "--answers", answers.path, "--non-interactive", "--trace", trace.path], timeout: 30)
        return (outcome, try TraceDocument(file: trace))
    }

    /// (name, assignee) of each waiting task record, in token order.
    private func waitingTasks(_ trace: TraceDocument) -> [[String]] {
        (trace.json["waiting"]?.array ?? []).map { [$0["name"]?.string ?? "-", $0["assignee"]?.string ?? "-"] }
    }

    func testWhereChoosesByNameAssigneeAndLoopCounter() throws {
        let (outcome, trace) = try run(steps: """
            {"complete": "check", "where": {"name": "Check part 1"}},
            {"complete": "check", "where": {"assignee": "cy"}}
            """)
        XCTAssertEqual(outcome.exitCode, 3, outcome.transcript)
        XCTAssertEqual(waitingTasks(trace), [["Check part 0", "ann"]], "bob's and cy's tasks were the ones completed")
        let record = try XCTUnwrap(trace.json["waiting"]?.array?.first)
        XCTAssertEqual(record["state"]?.string, "task")
        XCTAssertEqual(record["element"]?.string, "check")
        let form = record["form"]?.array ?? []
        XCTAssertEqual(form.compactMap { $0["id"]?.string }, ["due", "verdict"])
        XCTAssertEqual(form.first?["default"]?.string, "2013-01-10T00:00:00Z", "a date default is read as dd/MM/yyyy")
        XCTAssertEqual(form.last?["values"]?.array?.compactMap { $0["name"]?.string }, ["OK", "Redo"])
        // The scope the task waits in is the multi-instance instance that holds loopCounter 0.
        let scope = record["scope"]?.number
        let instance = trace.json["scopes"]?.array?.first { $0["id"]?.number == scope }
        XCTAssertEqual(instance?["kind"]?.string, "multiInstanceInstance")
        XCTAssertEqual(instance?["variables"]?["loopCounter"], .number(0))

        let (finished, done) = try run(steps: """
            {"complete": "check", "where": {"loopCounter": 2}},
            {"complete": "check", "where": {"loopCounter": 0}},
            {"complete": "check", "where": {"loopCounter": 1}}
            """)
        XCTAssertEqual(finished.exitCode, 0, finished.transcript)
        XCTAssertEqual(done.status, "completed")
    }

    func testWhereMatchingNoWaitingTaskIsRejectedWithWhatWaits() throws {
        let (outcome, trace) = try run(steps: #"{"complete": "check", "where": {"assignee": "dora"}}"#)
        XCTAssertEqual(outcome.exitCode, 2, outcome.transcript)
        let message = trace.errorMessage ?? ""
        XCTAssertTrue(message.contains("completes 'check' with assignee 'dora', which is not waiting"), message)
        XCTAssertTrue(message.contains("'Check part 2'"), "the message lists the waiting tasks by name: \(message)")
        XCTAssertEqual(trace.active, ["check", "check", "check"])
    }
}
