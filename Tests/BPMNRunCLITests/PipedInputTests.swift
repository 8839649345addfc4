import Foundation
import XCTest

/// Typed answers through a pipe (`printf ... | bpmnrun FILE`): the same prompts as on a terminal,
/// read line by line; end of input stops the run as waiting with its trace written; output that
/// is not a terminal carries no colour codes.
final class PipedInputTests: XCTestCase {
    /// One line per prompt of leave-request.bpmn (the read-only fields are shown, not asked).
    static let leaveRequestLines = [
        "Jane Doe",          // employeeName
        "2",                 // leaveType: menu entry 2 = sick
        "03/08/2026",        // firstDay
        "05/08/2026",        // lastDay
        "45",                // workingDays: breaks max(30), asked again
        "3",                 // workingDays
        "",                  // halfDayStart: Enter takes the default (no)
        "flu",               // reason
        "y",                 // approved
        "get well soon",     // reviewerComment
    ]

    func testPipedAnswersCompleteTheRun() throws {
        let trace = TemporaryFiles.url("piped.json")
        defer { try? FileManager.default.removeItem(at: trace) }
        let run = try ProcessRunner.bpmnrun(["bpmn-samples/leave-request.bpmn", "--var", "employee=jdoe", "--trace", trace.path],
                                            input: .text(Self.leaveRequestLines.joined(separator: "\n") + "\n"))
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        XCTAssertTrue(run.stdout.contains("validation of max(30) failed"), "the bad value is explained: \(run.transcript)")
        XCTAssertEqual(run.stdout.components(separatedBy: "Working days requested [workingDays, long]").count - 1, 2,
                       "workingDays is asked twice: \(run.stdout)")
        let t = try TraceDocument(file: trace)
        XCTAssertEqual(t.status, "completed")
        XCTAssertEqual(t.completedElements, ["StartEvent_1", "Task_SubmitRequest", "Task_ReviewRequest", "Gateway_Approved", "EndEvent_Approved"])
        XCTAssertEqual(t.variables["leaveType"], .string("sick"))
        XCTAssertEqual(t.variables["firstDay"], .string("2026-08-03T00:00:00Z"))
        XCTAssertEqual(t.variables["workingDays"], .number(3))
        XCTAssertEqual(t.variables["halfDayStart"], .bool(false))
        XCTAssertEqual(t.variables["requestChannel"], .string("self-service"), "read-only field gets its default")
        XCTAssertEqual(t.variables["approved"], .bool(true))
        XCTAssertEqual(t.variables["reviewerComment"], .string("get well soon"))
        XCTAssertEqual(t.events("variableSet").filter { $0["variable"]?.string == "leaveType" }.first?["source"]?.string, "form")
    }

    func testEndOfInputStopsAsWaitingWithTheTraceWritten() throws {
        let trace = TemporaryFiles.url("eof.json")
        defer { try? FileManager.default.removeItem(at: trace) }
        let firstTaskOnly = Self.leaveRequestLines.prefix(8).joined(separator: "\n") + "\n"
        let run = try ProcessRunner.bpmnrun(["bpmn-samples/leave-request.bpmn", "--var", "employee=jdoe", "--trace", trace.path],
                                            input: .text(firstTaskOnly))
        XCTAssertEqual(run.exitCode, 3, run.transcript)
        let t = try TraceDocument(file: trace)
        XCTAssertEqual(t.status, "waiting")
        XCTAssertEqual(t.active, ["Task_ReviewRequest"])
        XCTAssertEqual(t.variables["employeeName"], .string("Jane Doe"))
        XCTAssertNil(t.variables["approved"])
        XCTAssertTrue(run.stdout.contains("waiting at Task_ReviewRequest"), "the summary says where it stopped: \(run.transcript)")
    }

    func testEndOfInputInTheMiddleOfAFormStoresNothingOfIt() throws {
        let trace = TemporaryFiles.url("eof-form.json")
        defer { try? FileManager.default.removeItem(at: trace) }
        let run = try ProcessRunner.bpmnrun(["bpmn-samples/leave-request.bpmn", "--var", "employee=jdoe", "--trace", trace.path],
                                            input: .text("Jane Doe\n1\n"))
        XCTAssertEqual(run.exitCode, 3, run.transcript)
        let t = try TraceDocument(file: trace)
        XCTAssertEqual(t.status, "waiting")
        XCTAssertEqual(t.active, ["Task_SubmitRequest"])
        XCTAssertNil(t.variables["employeeName"], "a half-filled form is not submitted")
    }

    func testParallelTasksArePickedByNumber() throws {
        let lines = [
            "Nordic Paper AB", "48000", "",   // prepare: supplier, value, term (default 12)
            "2", "y",                          // of legal, finance, compliance pick 2 (finance): budget confirmed
            "2", "y",                          // of legal, compliance pick 2 (compliance): screening passed
            "y", "",                           // legal is the only one left, asked without a menu: sign-off, no notes
            "C. Lindqvist",                    // sign
        ]
        let trace = TemporaryFiles.url("parallel.json")
        defer { try? FileManager.default.removeItem(at: trace) }
        let run = try ProcessRunner.bpmnrun(["bpmn-samples/parallel-review.bpmn", "--var", "contractOwner=anna", "--trace", trace.path],
                                            input: .text(lines.joined(separator: "\n") + "\n"))
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        XCTAssertTrue(run.stdout.contains("3 tasks are waiting:"), run.transcript)
        let t = try TraceDocument(file: trace)
        XCTAssertEqual(t.status, "completed")
        XCTAssertEqual(t.completedElements.filter { $0.hasSuffix("Review") },
                       ["Task_FinanceReview", "Task_ComplianceReview", "Task_LegalReview"], "the order the user picked")
        XCTAssertTrue(run.stdout.contains("2 tasks are waiting:"), run.transcript)
        XCTAssertEqual(t.variables["legalNotes"] ?? .null, .null)
        XCTAssertEqual(t.variables["termMonths"], .number(12))
        XCTAssertEqual(t.variables["signedBy"], .string("C. Lindqvist"))
        XCTAssertEqual(t.variables["legalApproved"], .bool(true))
        XCTAssertEqual(t.variables["financeApproved"], .bool(true))
        XCTAssertEqual(t.variables["complianceApproved"], .bool(true))
    }

    func testOutputThatIsNotATerminalHasNoColourCodes() throws {
        let input = Self.leaveRequestLines.joined(separator: "\n") + "\n"
        for environment in [["NO_COLOR": "1"], ["TERM": "xterm-256color"]] {
            let run = try ProcessRunner.bpmnrun(["bpmn-samples/leave-request.bpmn", "--var", "employee=jdoe"],
                                                input: .text(input), environment: environment, removingEnvironment: ["NO_COLOR"])
            XCTAssertEqual(run.exitCode, 0, run.transcript)
            XCTAssertFalse(run.stdout.contains("\u{1B}"), "no ANSI escapes with \(environment): \(run.stdout)")
            XCTAssertFalse(run.stderr.contains("\u{1B}"), "no ANSI escapes with \(environment): \(run.stderr)")
            XCTAssertTrue(run.stdout.contains("Process completed"), run.transcript)
        }
    }

    func testNonInteractiveNeverReadsInput() throws {
        // Input is offered on the pipe, but --non-interactive must leave it alone and stop waiting.
        let run = try ProcessRunner.bpmnrun(["bpmn-samples/leave-request.bpmn", "--var", "employee=jdoe", "--non-interactive", "--trace", "-"],
                                            input: .text(Self.leaveRequestLines.joined(separator: "\n") + "\n"))
        XCTAssertEqual(run.exitCode, 3, run.transcript)
        let t = try TraceDocument(data: Data(run.stdout.utf8), source: "standard output")
        XCTAssertEqual(t.active, ["Task_SubmitRequest"])
    }

    func testServiceTaskIsCompletedByTypingItsResultVariables() throws {
        let lines = [
            "SE", "35", "y",                  // shipment form
            "oops",                           // not name=value: explained, asked again
            "carrierAvailable=true",          // JSON: a boolean
            "carrierName=DHL Freight",        // not JSON: a string
            "",                               // an empty line completes the service task
            "JD014600003SE",                  // tracking number
        ]
        let trace = TemporaryFiles.url("service.json")
        defer { try? FileManager.default.removeItem(at: trace) }
        let run = try ProcessRunner.bpmnrun(["bpmn-samples/shipment-booking.bpmn", "--trace", trace.path],
                                            input: .text(lines.joined(separator: "\n") + "\n"))
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        XCTAssertTrue(run.stdout.contains("'oops' is not name=value"), run.transcript)
        XCTAssertTrue(run.stdout.contains("com.acme.logistics.CarrierAvailabilityDelegate"), "says what the task would run: \(run.transcript)")
        let t = try TraceDocument(file: trace)
        XCTAssertEqual(t.status, "completed")
        XCTAssertEqual(t.variables["carrierAvailable"], .bool(true))
        XCTAssertEqual(t.variables["carrierName"], .string("DHL Freight"))
        XCTAssertEqual(t.variables["shippingCost"], .number(165), "35 * 4 + 25 from the expression service task")
        XCTAssertEqual(t.completedElements.last, "EndEvent_Booked")
    }
}
