import Foundation
import XCTest

/// Runs that fail with an incident: exit 1, status "failed", the error naming the element, its
/// place in the file, and the trace still written.
final class IncidentTests: XCTestCase {
    private func runFixture(script: String, arguments: [String]) throws -> (ProcessRunner.Outcome, TraceDocument, URL) {
        let file = try TemporaryFiles.write(Fixtures.scriptThenGateway(script: script), name: "scripted.bpmn")
        let trace = TemporaryFiles.url("scripted-trace.json")
        addTeardownBlock {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(at: trace)
        }
        let run = try ProcessRunner.bpmnrun(["run", file.path, "--non-interactive", "--trace", trace.path] + arguments, timeout: 30)
        return (run, try TraceDocument(file: trace), file)
    }

    func testRunawayScriptIsStoppedByTheScriptTimeout() throws {
        let (run, trace, file) = try runFixture(script: "var i = 0; while (true) { i++; }", arguments: ["--script-timeout", "0.5"])
        XCTAssertEqual(run.exitCode, 1, run.transcript)
        XCTAssertEqual(trace.status, "failed")
        XCTAssertEqual(trace.json["error"]?["element"]?.string, "Script_Work")
        XCTAssertTrue(trace.errorMessage?.contains("--script-timeout") == true, trace.errorMessage ?? "no error")
        XCTAssertEqual(trace.events("scriptFailed").first?["element"]?.string, "Script_Work")
        XCTAssertEqual(trace.events.last?["event"]?.string, "processFailed")
        XCTAssertTrue(run.stdout.contains(file.path + ":7:7: "), "the summary points at the <script> element: \(run.transcript)")
    }

    func testNoSelectableFlowIsCamundasIncident() throws {
        let (run, trace, _) = try runFixture(script: "execution.setVariable('checked', true);",
                                             arguments: ["--var", "amount=5", "--start-time", "2026-01-31T09:00:00Z"])
        XCTAssertEqual(run.exitCode, 1, run.transcript)
        XCTAssertEqual(trace.status, "failed")
        XCTAssertEqual(trace.json["error"]?["element"]?.string, "Gateway_Route")
        XCTAssertTrue(trace.errorMessage?.contains("ENGINE-02004") == true, trace.errorMessage ?? "no error")
        XCTAssertEqual(trace.variables["checked"], .bool(true), "what ran before the incident is kept")
        XCTAssertEqual(trace.active, [])
        XCTAssertTrue(trace.events.allSatisfy { $0["at"]?.string?.hasPrefix("2026-01-31T09:00:00") == true },
                      "--start-time fixes the run's clock")
    }

    func testUnknownVariableInAConditionNamesItTheCamundaWay() throws {
        let (run, trace, _) = try runFixture(script: "var local = 1;", arguments: [])
        XCTAssertEqual(run.exitCode, 1, run.transcript)
        XCTAssertEqual(trace.status, "failed")
        XCTAssertTrue(trace.errorMessage?.contains("Cannot resolve identifier 'amount'") == true, trace.errorMessage ?? "no error")
    }
}
