import Foundation
import XCTest

/// bpmnrun on a real pseudo-terminal: a person fills in the forms of leave-request.bpmn, makes
/// mistakes and is asked again, picks an enum entry by number, answers yes/no, types dates; and
/// stops a run with Ctrl-C or Ctrl-D.
final class TerminalSessionTests: XCTestCase {
    private var traces: [URL] = []

    override func tearDown() {
        for t in traces { try? FileManager.default.removeItem(at: t) }
        super.tearDown()
    }

    /// Starts `bpmnrun leave-request.bpmn` on a pty with a trace file.
    private func startLeaveRequest(environment extra: [String: String] = [:]) throws -> (PseudoTerminal, URL) {
        let trace = TemporaryFiles.url("pty-trace.json")
        traces.append(trace)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        environment["TERM"] = "xterm-256color"
        environment.merge(extra) { _, new in new }
        let terminal = try PseudoTerminal(
            executable: try BPMNRunBinary.path(),
            arguments: [BPMNRunBinary.sample("leave-request.bpmn").path, "--var", "employee=jdoe", "--trace", trace.path],
            environment: environment)
        return (terminal, trace)
    }

    func testFillingInFormsOnATerminalWithMistakesCompletesTheRun() throws {
        let (tty, tracePath) = try startLeaveRequest()
        try tty.expect("Submit leave request (Task_SubmitRequest, user task)")
        try tty.expect("assignee: jdoe")

        try tty.expect("Employee name [employeeName, string] (required, minlength 2, maxlength 60): ")
        try tty.typeLine("J")
        try tty.expect("validation of minlength(2) failed")
        try tty.expect("Employee name [employeeName, string]")   // asked again
        try tty.typeLine("Jane Doe")

        try tty.expect("1) Annual leave [annual]")
        try tty.expect("3) Parental leave [parental]")
        try tty.expect("Choice (1-4, required) default: 1 annual: ")
        try tty.typeLine("7")
        try tty.expect("Invalid value for enum form property: 7")
        try tty.expect("Choice (1-4")
        try tty.typeLine("3")

        try tty.expect("First day of leave [firstDay, date] (dd/MM/yyyy, required): ")
        try tty.typeLine("2026-08-03")
        try tty.expect("is not a date in the form dd/MM/yyyy")
        try tty.expect("First day of leave")
        try tty.typeLine("03/08/2026")
        try tty.expect("Last day of leave [lastDay, date]")
        try tty.typeLine("14/08/2026")

        try tty.expect("Working days requested [workingDays, long] (whole number, required, min 1, max 30) default: 1: ")
        try tty.typeLine("45")
        try tty.expect("Invalid value submitted for form field 'workingDays': validation of max(30) failed.")
        try tty.expect("Working days requested [workingDays, long]")
        try tty.typeLine("10")

        try tty.expect("Starts with a half day [halfDayStart, boolean] (y/n) default: no: ")
        try tty.typeLine("maybe")
        try tty.expect("is not yes or no")
        try tty.expect("Starts with a half day")
        try tty.typeLine("yes")
        try tty.expect("Reason / comment [reason, string]")
        try tty.typeLine("Parental leave after the birth")
        try tty.expect("Submitted via [requestChannel, read-only]: self-service")

        try tty.expect("Review leave request (Task_ReviewRequest, user task)")
        try tty.expect("candidate groups: team-leads")
        try tty.expect("Working days requested [workingDays, read-only]: 10")
        try tty.expect("Approve leave? [approved, boolean] (y/n, required) default: no: ")
        try tty.typeLine("y")
        try tty.expect("Comment for the employee")
        try tty.typeLine("")
        try tty.expect("Process completed")

        XCTAssertEqual(try tty.waitForExit(), 0, tty.screen)
        XCTAssertTrue(tty.rawOutput.contains("\u{1B}["), "a terminal without NO_COLOR gets colour")

        let trace = try TraceDocument(file: tracePath)
        XCTAssertEqual(trace.status, "completed")
        XCTAssertEqual(trace.completedElements, ["StartEvent_1", "Task_SubmitRequest", "Task_ReviewRequest", "Gateway_Approved", "EndEvent_Approved"])
        let v = trace.variables
        XCTAssertEqual(v["employeeName"], .string("Jane Doe"))
        XCTAssertEqual(v["leaveType"], .string("parental"))
        XCTAssertEqual(v["firstDay"], .string("2026-08-03T00:00:00Z"))
        XCTAssertEqual(v["lastDay"], .string("2026-08-14T00:00:00Z"))
        XCTAssertEqual(v["workingDays"], .number(10))
        XCTAssertEqual(v["halfDayStart"], .bool(true))
        XCTAssertEqual(v["reason"], .string("Parental leave after the birth"))
        XCTAssertEqual(v["requestChannel"], .string("self-service"))
        XCTAssertEqual(v["approved"], .bool(true))
        XCTAssertNil(v["reviewerComment"], "an empty answer without default stores nothing")
        // Only the accepted values were stored: one variableSet per field, none for the rejected ones.
        let workingDaysSets = trace.events("variableSet").filter { $0["variable"]?.string == "workingDays" }
        XCTAssertEqual(workingDaysSets.compactMap { $0["value"]?.number }, [10])
    }

    func testCtrlCStopsTheRunAsInterruptedWithTheTraceWritten() throws {
        let (tty, tracePath) = try startLeaveRequest()
        try tty.expect("Employee name [employeeName, string]")
        try tty.typeLine("Jane Doe")
        try tty.expect("Choice (1-4")
        try tty.type("\u{03}")  // Ctrl-C: the line discipline sends SIGINT to the foreground process group

        XCTAssertEqual(try tty.waitForExit(), 130, tty.screen)
        XCTAssertTrue(tty.screen.contains("Interrupted"), "the summary says so: \(tty.screen)")
        let trace = try TraceDocument(file: tracePath)
        XCTAssertEqual(trace.format, "bpmnrun-trace/1")
        XCTAssertEqual(trace.status, "interrupted")
        XCTAssertEqual(trace.active, ["Task_SubmitRequest"])
        XCTAssertNil(trace.variables["employeeName"], "the half-filled form was not submitted")
        XCTAssertEqual(trace.variables["employee"], .string("jdoe"))
    }

    func testCtrlDStopsAsWaitingAndNoColorTurnsColourOff() throws {
        let (tty, tracePath) = try startLeaveRequest(environment: ["NO_COLOR": "1"])
        try tty.expect("Employee name [employeeName, string]")
        try tty.type("\u{04}")  // Ctrl-D at the start of a line: end of input

        XCTAssertEqual(try tty.waitForExit(), 3, tty.screen)
        XCTAssertTrue(tty.screen.contains("Stopped while waiting: waiting at Task_SubmitRequest"), tty.screen)
        XCTAssertFalse(tty.rawOutput.contains("\u{1B}"), "NO_COLOR means no escape sequences, even on a terminal: \(tty.rawOutput)")
        let trace = try TraceDocument(file: tracePath)
        XCTAssertEqual(trace.status, "waiting")
        XCTAssertEqual(trace.active, ["Task_SubmitRequest"])
    }
}
