import BPMNEngine
import BPMNModel
import Foundation
import XCTest

/// Reading a JSON trace back (for `bpmnrun trace convert`): what the writer wrote comes back, and
/// anything else is refused with the file, and where it can, the line and column.
final class SavedTraceTests: XCTestCase {
    func testWhatTheWriterWritesReadsBackEventForEvent() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bpmnrun-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let memory = InMemoryTrace()
        let writer = try JSONTraceWriter(path: path, diagramFile: "diagrams/x.bpmn", processId: "p")
        let run = ProcessRun(process: try compile(diagram("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="approve" name="Approve" camunda:assignee="anna"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "approve", "end"))
            """)), options: options(), trace: TraceFanOut([writer, memory]))
        run.start(variables: ["amount": 12])
        try run.complete(token: run.waitingTasks[0].token, variables: ["ok": true])
        run.finishTrace()

        let saved = try SavedTrace.load(path: path)
        XCTAssertEqual(saved.file, "diagrams/x.bpmn")
        XCTAssertEqual(saved.process, "p")
        XCTAssertEqual(saved.status, "completed")
        XCTAssertEqual(saved.events.count, memory.events.count)
        for (read, written) in zip(saved.events, memory.events) {
            XCTAssertEqual([read.seq, read.token, read.scope], [written.seq, written.token, written.scope])
            XCTAssertEqual([read.kind.rawValue, read.at, read.element, read.type, read.name],
                           [written.kind.rawValue, written.at, written.element, written.type, written.name])
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: read.extra.map { ($0.key, $0.value) }),
                           Dictionary(uniqueKeysWithValues: written.extra.map { ($0.key, $0.value) }))
        }
        XCTAssertEqual(saved.events.first { $0.kind == .waiting }?["assignee"], .string("anna"))
    }

    private func refusal(_ text: String) -> String {
        do {
            _ = try SavedTrace.parse(text, path: "runs/t.json")
            XCTFail("accepted: \(text)")
            return ""
        } catch {
            return "\(error)"
        }
    }

    private let head = #"{"format":"bpmnrun-trace/1","file":"a.bpmn","process":"p","events":["#

    func testACutOffTraceIsRefusedWithItsLineAndColumn() {
        let message = refusal(head + "\n" + #"{"seq":1,"at":"2027-01-15T08:00:00Z","event":"processStarted"}"#)
        XCTAssertTrue(message.hasPrefix("runs/t.json:2:"), message)
        XCTAssertTrue(message.contains("cut off"), message)
    }

    func testSomethingElseThanATraceIsRefused() {
        XCTAssertEqual(refusal("[1,2]"), "runs/t.json: not a bpmnrun JSON trace: the document is not a JSON object")
        XCTAssertTrue(refusal(#"{"steps":[]}"#).contains("has no \"format\""))
        XCTAssertTrue(refusal(#"{"format":"bpmnrun-trace/9","events":[]}"#).contains("\"bpmnrun-trace/9\" is not supported"))
        XCTAssertTrue(refusal(#"{"format":"bpmnrun-trace/1","file":"a","process":"p"}"#).contains("no \"events\" array"))
    }

    func testABadEventIsNamedByItsPosition() {
        XCTAssertEqual(refusal(head + #"{"seq":1,"at":"yesterday","event":"activityStarted"}]}"#),
                       "runs/t.json: event 1 of \"events\": \"at\" is missing or not an ISO 8601 time (seq 1)")
        XCTAssertTrue(refusal(head + #"{"seq":1,"at":"2027-01-15T08:00:00Z","event":"processStarted"},{"seq":2,"at":"2027-01-15T08:00:00Z","event":"teleported"}]}"#)
                        .contains("event 2 of \"events\": unknown event \"teleported\""))
        XCTAssertTrue(refusal(head + #"{"seq":1,"at":"2027-01-15T08:00:00Z","event":"activityStarted","token":"one"}]}"#)
                        .contains("\"token\" is not an integer"))
        XCTAssertTrue(refusal(head + #"]"status":"done"}"#).contains("not valid JSON"))
        XCTAssertTrue(refusal(head + #"],"status":"done"}"#).contains("\"status\" \"done\" is not one of"))
    }

    func testATraceWithoutClosingFieldsHasNoStatus() throws {
        let saved = try SavedTrace.parse(head + "]}", path: "t.json")
        XCTAssertNil(saved.status)
        XCTAssertEqual(saved.events.count, 0)
    }
}

extension SavedTraceTests {
    func testTimesAreKeptInBpmnrunsFormAndOtherISOFormsAreRewrittenInIt() throws {
        func at(_ text: String) throws -> String {
            let trace = try SavedTrace.parse(head + #"{"seq":1,"at":"\#(text)","event":"processStarted"}]}"#, path: "t.json")
            return trace.events[0].at
        }
        XCTAssertEqual(try at("2027-01-15T08:00:00Z"), "2027-01-15T08:00:00Z")
        XCTAssertEqual(try at("2027-01-15T08:00:00.250Z"), "2027-01-15T08:00:00.250Z")
        XCTAssertEqual(try at("2027-01-15T09:00:00+01:00"), "2027-01-15T08:00:00Z")
        for bad in ["2027-13-15T08:00:00Z", "2027-01-15T08:61:00Z", "2027-01-15 08:00"] {
            XCTAssertTrue(refusal(head + #"{"seq":1,"at":"\#(bad)","event":"processStarted"}]}"#).contains("not an ISO 8601 time"), bad)
        }
    }
}
