import Foundation
import XCTest

/// The options of `bpmnrun run` as a user types them, checked on the built binary's exit code,
/// messages and trace.
final class CommandLineOptionsTests: XCTestCase {
    func testTraceToStandardOutputIsOneJSONDocument() throws {
        let run = try ProcessRunner.bpmnrun(["run", "bpmn-samples/parallel-review.bpmn", "--answers",
                                             "bpmn-samples/parallel-review.answers.json", "--non-interactive", "--trace", "-"])
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        let trace = try TraceDocument(data: Data(run.stdout.utf8), source: "standard output")
        XCTAssertEqual(trace.format, "bpmnrun-trace/1")
        XCTAssertEqual(trace.status, "completed")
        XCTAssertEqual(trace.process, "supplier_contract_review")
        XCTAssertEqual(trace.json["file"]?.string, "bpmn-samples/parallel-review.bpmn")
        let seqs = trace.events.compactMap { $0["seq"]?.number }.map { Int($0) }
        XCTAssertEqual(seqs, Array(1...trace.events.count), "seq numbers run 1, 2, 3, ... without gaps")
        XCTAssertEqual(trace.events.first?["event"]?.string, "processStarted")
        XCTAssertEqual(trace.events.last?["event"]?.string, "processCompleted")
        // Human output moved to standard error, so standard output holds nothing but the trace.
        XCTAssertTrue(run.stderr.contains("Supplier Contract Review"), run.transcript)
    }

    func testVarValuesAreJSONWhenValidElseStrings() throws {
        let varsFile = try TemporaryFiles.write(#"{"region": "north", "limit": 10, "tags": ["a"]}"#, name: "vars.json")
        defer { try? FileManager.default.removeItem(at: varsFile) }
        let run = try ProcessRunner.bpmnrun([
            "run", "bpmn-samples/leave-request.bpmn", "--non-interactive", "--trace", "-",
            "--vars", varsFile.path,
            "--var", "employee=jdoe", "--var", "days=5", "--var", "rate=1.5", "--var", "urgent=true",
            "--var", #"code="5""#, "--var", #"profile={"team":"ops","level":2}"#, "--var", "note=two words",
            "--var", "limit=20", "--var", "empty=",
        ])
        XCTAssertEqual(run.exitCode, 3, "the first user task waits: \(run.transcript)")
        let v = try TraceDocument(data: Data(run.stdout.utf8), source: "standard output").variables
        XCTAssertEqual(v["employee"], .string("jdoe"))
        XCTAssertEqual(v["days"], .number(5))
        XCTAssertEqual(v["rate"], .number(1.5))
        XCTAssertEqual(v["urgent"], .bool(true))
        XCTAssertEqual(v["code"], .string("5"), "a quoted JSON string stays a string")
        XCTAssertEqual(v["profile"], .object(["team": .string("ops"), "level": .number(2)]))
        XCTAssertEqual(v["note"], .string("two words"))
        XCTAssertEqual(v["empty"], .string(""))
        XCTAssertEqual(v["region"], .string("north"), "from --vars")
        XCTAssertEqual(v["tags"], .array([.string("a")]), "from --vars")
        XCTAssertEqual(v["limit"], .number(20), "--var wins over --vars")
    }

    func testVarWithoutEqualsSignIsAUsageError() throws {
        let run = try ProcessRunner.bpmnrun(["run", "bpmn-samples/leave-request.bpmn", "--non-interactive", "--var", "employee"])
        XCTAssertEqual(run.exitCode, 2, run.transcript)
        XCTAssertTrue(run.stderr.contains("employee"), run.transcript)
    }

    func testAmbiguousProcessIsAnErrorListingTheIds() throws {
        let file = try TemporaryFiles.write(Fixtures.twoExecutableProcesses, name: "two.bpmn")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try ProcessRunner.bpmnrun(["run", file.path, "--non-interactive"])
        XCTAssertEqual(run.exitCode, 2, run.transcript)
        XCTAssertTrue(run.stderr.contains("order_intake") && run.stderr.contains("order_billing"), run.transcript)
        XCTAssertTrue(run.stderr.contains("--process"), "says how to choose: \(run.transcript)")
        XCTAssertTrue(run.stderr.contains(file.path), "names the file: \(run.transcript)")
    }

    func testProcessOptionPicksOneOfSeveral() throws {
        let file = try TemporaryFiles.write(Fixtures.twoExecutableProcesses, name: "two.bpmn")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try ProcessRunner.bpmnrun(["run", file.path, "--process", "order_billing", "--non-interactive", "--trace", "-"])
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        let trace = try TraceDocument(data: Data(run.stdout.utf8), source: "standard output")
        XCTAssertEqual(trace.process, "order_billing")
        XCTAssertEqual(trace.completedElements, ["Start_Billing", "End_Billing"])

        let unknown = try ProcessRunner.bpmnrun(["run", file.path, "--process", "order_shipping", "--non-interactive"])
        XCTAssertEqual(unknown.exitCode, 2, unknown.transcript)
        XCTAssertTrue(unknown.stderr.contains("order_shipping") && unknown.stderr.contains("order_intake, order_billing"), unknown.transcript)
    }

    func testTruncatedFileIsExitTwoWithFileLineAndColumn() throws {
        let file = try TemporaryFiles.write(try Fixtures.truncated(sample: "leave-request.bpmn", bytes: 3000), name: "cut.bpmn")
        defer { try? FileManager.default.removeItem(at: file) }
        let trace = TemporaryFiles.url("cut-trace.json")
        let run = try ProcessRunner.bpmnrun(["run", file.path, "--non-interactive", "--trace", trace.path])
        XCTAssertEqual(run.exitCode, 2, run.transcript)
        let pattern = try NSRegularExpression(pattern: NSRegularExpression.escapedPattern(for: file.path) + #":\d+:\d+: error: "#)
        XCTAssertNotNil(pattern.firstMatch(in: run.stderr, range: NSRange(run.stderr.startIndex..., in: run.stderr)),
                        "FILE:LINE:COL: error: ... expected: \(run.transcript)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: trace.path), "nothing ran, so no trace")
    }

    func testMissingFileIsExitTwoNamingIt() throws {
        let run = try ProcessRunner.bpmnrun(["run", "no/such/diagram.bpmn", "--non-interactive"])
        XCTAssertEqual(run.exitCode, 2, run.transcript)
        XCTAssertTrue(run.stderr.contains("no/such/diagram.bpmn"), run.transcript)
    }

    func testMalformedAnswersFileIsExitTwoWithLineAndColumn() throws {
        let answers = try TemporaryFiles.write("{\n  \"steps\": [\n    {\"complete\": \"Task_SubmitRequest\",\n  ]\n}\n", name: "bad.answers.json")
        defer { try? FileManager.default.removeItem(at: answers) }
        let run = try ProcessRunner.bpmnrun(["run", "bpmn-samples/leave-request.bpmn", "--answers", answers.path, "--non-interactive"])
        XCTAssertEqual(run.exitCode, 2, run.transcript)
        XCTAssertTrue(run.stderr.contains(answers.path + ":4:3: "), "names the answers file, line and column: \(run.transcript)")
    }

    func testMalformedVarsFileIsExitTwoWithLineAndColumn() throws {
        let vars = try TemporaryFiles.write("{\"amount\": }", name: "bad.vars.json")
        defer { try? FileManager.default.removeItem(at: vars) }
        let run = try ProcessRunner.bpmnrun(["run", "bpmn-samples/leave-request.bpmn", "--vars", vars.path, "--non-interactive"])
        XCTAssertEqual(run.exitCode, 2, run.transcript)
        XCTAssertTrue(run.stderr.contains(vars.path + ":1:12: "), "names the --vars file, line and column: \(run.transcript)")
    }

    func testUnknownOptionAndMissingFileAreUsageErrorsWithExitTwo() throws {
        let unknown = try ProcessRunner.bpmnrun(["run", "bpmn-samples/leave-request.bpmn", "--answer", "a.json"])
        XCTAssertEqual(unknown.exitCode, 2, unknown.transcript)
        XCTAssertTrue(unknown.stderr.contains("--answer"), unknown.transcript)
        XCTAssertTrue(unknown.stderr.contains("Usage: bpmnrun run"), unknown.transcript)
        let noFile = try ProcessRunner.bpmnrun(["run"])
        XCTAssertEqual(noFile.exitCode, 2, noFile.transcript)
        XCTAssertTrue(noFile.stderr.contains("<file>"), noFile.transcript)
    }

    func testAnswerForATaskThatIsNotWaitingListsTheWaitingTasks() throws {
        let answers = try TemporaryFiles.write(#"{"steps": [{"complete": "Task_ReviewRequest", "variables": {"approved": true}}]}"#,
                                               name: "wrong.answers.json")
        defer { try? FileManager.default.removeItem(at: answers) }
        let trace = TemporaryFiles.url("wrong-trace.json")
        defer { try? FileManager.default.removeItem(at: trace) }
        let run = try ProcessRunner.bpmnrun(["run", "bpmn-samples/leave-request.bpmn", "--answers", answers.path,
                                             "--var", "employee=jdoe", "--non-interactive", "--trace", trace.path])
        XCTAssertEqual(run.exitCode, 2, "a rejected answer is exit 2: \(run.transcript)")
        XCTAssertTrue(run.stderr.contains("Task_ReviewRequest") && run.stderr.contains("not waiting"), run.transcript)
        XCTAssertTrue(run.stderr.contains("Task_SubmitRequest"), "lists what is waiting: \(run.transcript)")
        let t = try TraceDocument(file: trace)
        XCTAssertEqual(t.status, "waiting")
        XCTAssertEqual(t.active, ["Task_SubmitRequest"])
        XCTAssertTrue(t.errorMessage?.contains("Task_SubmitRequest") == true, "the trace's error says the same")
    }

    func testAnswersRunningOutStopsAsWaitingWithExitThree() throws {
        let answers = try TemporaryFiles.write("""
            {"variables": {"employee": "jdoe"}, "steps": [{"complete": "Task_SubmitRequest", "variables": {
              "employeeName": "Jane Doe", "leaveType": "annual", "firstDay": "03/08/2026", "lastDay": "04/08/2026",
              "workingDays": 2}}]}
            """, name: "short.answers.json")
        defer { try? FileManager.default.removeItem(at: answers) }
        let trace = TemporaryFiles.url("short-trace.json")
        defer { try? FileManager.default.removeItem(at: trace) }
        let run = try ProcessRunner.bpmnrun(["run", "bpmn-samples/leave-request.bpmn", "--answers", answers.path,
                                             "--non-interactive", "--trace", trace.path])
        XCTAssertEqual(run.exitCode, 3, run.transcript)
        let t = try TraceDocument(file: trace)
        XCTAssertEqual(t.status, "waiting")
        XCTAssertEqual(t.active, ["Task_ReviewRequest"])
        XCTAssertTrue(t.json["error"]?.isNull ?? false, "running out of answers is not an error")
        XCTAssertEqual(t.variables["workingDays"], .number(2))
        XCTAssertEqual(t.completedElements, ["StartEvent_1", "Task_SubmitRequest"])
    }

    func testRejectedAnswerIsExitTwoAndStoresNothing() throws {
        let answers = try TemporaryFiles.write("""
            {"variables": {"employee": "jdoe"}, "steps": [{"complete": "Task_SubmitRequest", "variables": {
              "employeeName": "Jane Doe", "leaveType": "sabbatical", "firstDay": "03/08/2026", "lastDay": "04/08/2026"}}]}
            """, name: "enum.answers.json")
        defer { try? FileManager.default.removeItem(at: answers) }
        let trace = TemporaryFiles.url("enum-trace.json")
        defer { try? FileManager.default.removeItem(at: trace) }
        let run = try ProcessRunner.bpmnrun(["run", "bpmn-samples/leave-request.bpmn", "--answers", answers.path,
                                             "--non-interactive", "--trace", trace.path])
        XCTAssertEqual(run.exitCode, 2, run.transcript)
        XCTAssertTrue(run.stderr.contains("sabbatical") && run.stderr.contains("leaveType"), run.transcript)
        let t = try TraceDocument(file: trace)
        XCTAssertEqual(t.status, "waiting")
        XCTAssertEqual(t.active, ["Task_SubmitRequest"])
        XCTAssertNil(t.variables["employeeName"], "a rejected submission stores no field")
        XCTAssertTrue(t.errorMessage?.contains("leaveType") == true)
    }

    func testServiceTasksSkipCompletesClassServiceTasksWithoutWaiting() throws {
        let answers = try TemporaryFiles.write("""
            {"variables": {"carrierAvailable": true}, "steps": [
              {"complete": "Task_EnterShipment", "variables": {"destinationCountry": "SE", "weightKg": 10}},
              {"complete": "Task_BookShipment", "variables": {"trackingNumber": "SE000010KG"}}]}
            """, name: "skip.answers.json")
        defer { try? FileManager.default.removeItem(at: answers) }
        let skip = try ProcessRunner.bpmnrun(["run", "bpmn-samples/shipment-booking.bpmn", "--answers", answers.path,
                                              "--non-interactive", "--service-tasks", "skip", "--trace", "-"])
        XCTAssertEqual(skip.exitCode, 0, skip.transcript)
        let t = try TraceDocument(data: Data(skip.stdout.utf8), source: "standard output")
        XCTAssertEqual(t.status, "completed")
        XCTAssertEqual(t.events("serviceSkipped").compactMap { $0["element"]?.string }, ["ServiceTask_CheckCarrier"])
        XCTAssertEqual(t.variables["shippingCost"], .number(40), "expression service tasks still run: 10 * 4 + 0")
        XCTAssertFalse(t.events("waiting").contains { $0["element"]?.string == "ServiceTask_CheckCarrier" })

        // The same answers without skip: the class-implemented task waits for its results.
        let wait = try ProcessRunner.bpmnrun(["run", "bpmn-samples/shipment-booking.bpmn", "--answers", answers.path,
                                              "--non-interactive", "--trace", "-"])
        XCTAssertEqual(wait.exitCode, 2, wait.transcript)
        XCTAssertTrue(wait.stderr.contains("ServiceTask_CheckCarrier"), wait.transcript)

        let bad = try ProcessRunner.bpmnrun(["run", "bpmn-samples/shipment-booking.bpmn", "--service-tasks", "ignore"])
        XCTAssertEqual(bad.exitCode, 2, bad.transcript)
        XCTAssertTrue(bad.stderr.contains("--service-tasks"), bad.transcript)
    }

    func testHelpTextsDescribeRunAndItsOptions() throws {
        let run = try ProcessRunner.bpmnrun(["run", "--help"])
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        for option in ["--answers", "--non-interactive", "--trace", "--var", "--vars", "--process", "--service-tasks", "--script-timeout"] {
            XCTAssertTrue(run.stdout.contains(option), "run --help mentions \(option): \(run.transcript)")
        }
        let root = try ProcessRunner.bpmnrun(["--help"])
        XCTAssertEqual(root.exitCode, 0, root.transcript)
        XCTAssertTrue(root.stdout.contains("run"), root.transcript)
        XCTAssertTrue(root.stdout.contains("130"), "the exit codes are explained: \(root.transcript)")
    }
}
