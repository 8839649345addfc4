import BPMNEngine
import BPMNModel
import Foundation
import XCTest

/// The `--trace` file: one JSON document in the documented format (docs/trace-format.md), with
/// events streamed to the file while the run goes on.
final class JSONTraceWriterTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bpmnrun-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` with a JSON trace file; returns the run and the file's path.
    func traced(_ body: String, variables: [String: VariableValue] = [:]) throws -> (ProcessRun, JSONTraceWriter, String) {
        let path = directory.appendingPathComponent("trace.json").path
        let process = try compile(diagram(body))
        let writer = try JSONTraceWriter(path: path, diagramFile: "diagrams/test.bpmn", processId: process.processId)
        let run = ProcessRun(process: process, options: options(), trace: writer)
        run.start(variables: variables)
        return (run, writer, path)
    }

    func document(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let object = try JSONSerialization.jsonObject(with: data)
        return try XCTUnwrap(object as? [String: Any], "the trace is one JSON object", file: file, line: line)
    }

    let approval = """
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="approve" name="Approve &quot;quickly&quot;"/>
        <bpmn:exclusiveGateway id="ok" default="no"/>
        <bpmn:endEvent id="yes_end"/>
        <bpmn:endEvent id="no_end"/>
        \(chain("start", "approve", "ok"))
        \(flow("yes", "ok", "yes_end", "${approved}"))
        \(flow("no", "ok", "no_end"))
        """

    func testACompletedRunWritesTheDocumentedDocument() throws {
        let (run, _, path) = try traced(approval, variables: ["amount": 1.5])
        try run.complete(token: run.waitingTasks[0].token,
                         variables: ["approved": true, "when": .date(Date(timeIntervalSince1970: 1_798_070_400)), "note": "a \"b\"\nc é"])
        run.finishTrace()
        let doc = try document(path)
        XCTAssertEqual(doc["format"] as? String, "bpmnrun-trace/1")
        XCTAssertEqual(doc["file"] as? String, "diagrams/test.bpmn")
        XCTAssertEqual(doc["process"] as? String, "p")
        XCTAssertEqual(doc["status"] as? String, "completed")
        XCTAssertTrue(doc["error"] is NSNull)
        XCTAssertEqual(doc["active"] as? [String], [])
        let variables = try XCTUnwrap(doc["variables"] as? [String: Any])
        XCTAssertEqual(variables["amount"] as? Double, 1.5)
        XCTAssertEqual(variables["approved"] as? Bool, true)
        XCTAssertEqual(variables["when"] as? String, "2026-12-24T00:00:00Z", "dates are ISO 8601 strings")
        XCTAssertEqual(variables["note"] as? String, "a \"b\"\nc é")

        let events = try XCTUnwrap(doc["events"] as? [[String: Any]])
        XCTAssertEqual(events.map { $0["seq"] as? Int }, Array(1...events.count).map { Optional($0) })
        XCTAssertTrue(events.allSatisfy { $0["at"] as? String == "2027-01-15T08:00:00Z" })
        let documented: Set<String> = ["processStarted", "activityStarted", "activityCompleted", "flowTaken", "gatewayDecision",
                                       "variableSet", "waiting", "serviceSkipped", "scriptFailed", "tokenEnded",
                                       "processCompleted", "processFailed", "processTerminated"]
        XCTAssertTrue(Set(events.compactMap { $0["event"] as? String }).isSubset(of: documented))
        XCTAssertEqual(events.first?["event"] as? String, "processStarted")
        XCTAssertEqual(events.last?["event"] as? String, "processCompleted")

        let waiting = try XCTUnwrap(events.first { $0["event"] as? String == "waiting" })
        XCTAssertEqual(waiting["element"] as? String, "approve")
        XCTAssertEqual(waiting["type"] as? String, "userTask")
        XCTAssertEqual(waiting["name"] as? String, "Approve \"quickly\"")
        XCTAssertEqual(waiting["token"] as? Int, 1)
        XCTAssertEqual(waiting["scope"] as? Int, 1)

        let decision = try XCTUnwrap(events.first { $0["event"] as? String == "gatewayDecision" })
        let conditions = try XCTUnwrap(decision["conditions"] as? [[String: Any]])
        XCTAssertEqual(conditions.first?["flow"] as? String, "yes")
        XCTAssertEqual(conditions.first?["condition"] as? String, "${approved}")
        XCTAssertEqual(conditions.first?["result"] as? Bool, true)
        XCTAssertEqual(decision["taken"] as? [String], ["yes"])

        let taken = try XCTUnwrap(events.last { $0["event"] as? String == "flowTaken" })
        XCTAssertEqual(taken["element"] as? String, "yes")
        XCTAssertEqual(taken["source"] as? String, "ok")
        XCTAssertEqual(taken["target"] as? String, "yes_end")

        let set = try XCTUnwrap(events.first { $0["event"] as? String == "variableSet" && $0["variable"] as? String == "approved" })
        XCTAssertEqual(set["value"] as? Bool, true)
        XCTAssertEqual(set["source"] as? String, "form")
        XCTAssertEqual(set["element"] as? String, "approve")
    }

    func testAWaitingRunListsOneActiveIdPerToken() throws {
        let (run, _, path) = try traced("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="review"/>
            \(chain("start", "fork"))
            \(flow("a", "fork", "review"))
            \(flow("b", "fork", "review"))
            """)
        run.finishTrace()
        let doc = try document(path)
        XCTAssertEqual(doc["status"] as? String, "waiting")
        XCTAssertEqual(doc["active"] as? [String], ["review", "review"])
    }

    func testAFailedRunNamesTheErrorAndElement() throws {
        let (run, _, path) = try traced(approval)
        try run.complete(token: run.waitingTasks[0].token, variables: [:])
        run.finishTrace()
        let doc = try document(path)
        XCTAssertEqual(doc["status"] as? String, "failed")
        let error = try XCTUnwrap(doc["error"] as? [String: Any])
        XCTAssertEqual(error["message"] as? String,
                       "Unknown property used in expression: ${approved}. Cause: Cannot resolve identifier 'approved' (condition of sequence flow 'yes')")
        XCTAssertEqual(error["element"] as? String, "yes")
        XCTAssertGreaterThan(error["line"] as? Int ?? 0, 0)
        let events = try XCTUnwrap(doc["events"] as? [[String: Any]])
        XCTAssertEqual(events.last?["event"] as? String, "processFailed")
        XCTAssertEqual(events.last?["message"] as? String, error["message"] as? String)
    }

    func testEventsReachTheFileBeforeTheRunEnds() throws {
        // A loop of 300 rounds writes far more than any stdio buffer, then waits at a task.
        let (run, writer, path) = try traced("""
            <bpmn:startEvent id="start"/>
            <bpmn:scriptTask id="count" scriptFormat="juel"><bpmn:script>${execution.setVariable('n', n + 1)}</bpmn:script></bpmn:scriptTask>
            <bpmn:exclusiveGateway id="again" default="done"/>
            <bpmn:userTask id="finish"/>
            \(chain("start", "count", "again"))
            \(flow("more", "again", "count", "${n < 300}"))
            \(flow("done", "again", "finish"))
            """, variables: ["n": 0])
        XCTAssertEqual(run.state.status, .waiting)
        let early = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(early.hasPrefix(#"{"format":"bpmnrun-trace/1","file":"diagrams/test.bpmn","process":"p","events":["#))
        XCTAssertGreaterThan(early.utf8.count, 100_000, "events are written as they happen, not kept for the end")
        XCTAssertTrue(early.contains(#""event":"processStarted""#))
        XCTAssertFalse(early.contains(#""status":"#), "the closing fields come only when the run stops")

        writer.flush()
        let flushed = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(flushed.components(separatedBy: #"{"seq":"#).count - 1, run.state.seq, "after flush every event so far is in the file")
        XCTAssertTrue(flushed.hasSuffix("}"), "the file ends with a whole event")

        try run.complete(token: run.waitingTasks[0].token, variables: [:])
        run.finishTrace()
        let doc = try document(path)
        XCTAssertEqual(doc["status"] as? String, "completed")
        XCTAssertEqual((doc["events"] as? [Any])?.count, run.state.seq)
        XCTAssertEqual((doc["variables"] as? [String: Any])?["n"] as? Int, 300)
    }

    func testFinishingTwiceWritesOneDocument() throws {
        let (run, _, path) = try traced(approval)
        run.finishTrace()
        run.finishTrace()
        XCTAssertEqual(try document(path)["status"] as? String, "waiting")
    }

    func testAnUnwritablePathIsAClearError() {
        let path = directory.appendingPathComponent("missing/dir/trace.json").path
        XCTAssertThrowsError(try JSONTraceWriter(path: path, diagramFile: "d.bpmn", processId: "p")) { error in
            XCTAssertEqual("\(error)", "cannot write the trace to \(path): No such file or directory")
        }
    }

    func testAFanOutFeedsEverySink() throws {
        let path = directory.appendingPathComponent("fan.json").path
        let process = try compile(diagram(approval))
        let memory = InMemoryTrace()
        let writer = try JSONTraceWriter(path: path, diagramFile: "d.bpmn", processId: "p")
        let run = ProcessRun(process: process, options: options(), trace: TraceFanOut([memory, writer]))
        run.start()
        run.finishTrace()
        let events = try XCTUnwrap(try document(path)["events"] as? [[String: Any]])
        XCTAssertEqual(events.compactMap { $0["event"] as? String }, memory.events.map(\.kind.rawValue))
        XCTAssertEqual(memory.summary?.status, .waiting)
        XCTAssertEqual(memory.summary?.active, ["approve"])
    }
}
