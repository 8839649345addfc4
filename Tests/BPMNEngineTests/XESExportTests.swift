import BPMNEngine
import BPMNModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The XES log built from a run's trace events (docs/xes.md): which events become XES events, with
/// which lifecycle transition, resource, instance and times.
final class XESExportTests: XCTestCase {
    /// start -> review (assigned to anna, group sales; a two-hour interrupting timer) -> end;
    /// the timer leads to `escalated`.
    let assignedReview = """
        <bpmn:startEvent id="start" name="Request in"/>
        <bpmn:userTask id="review" name="Review request" camunda:assignee="anna" camunda:candidateGroups="sales"/>
        <bpmn:boundaryEvent id="late" attachedToRef="review">
          <bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:endEvent id="done"/><bpmn:endEvent id="escalated"/>
        \(chain("start", "review", "done"))\(flow("f9", "late", "escalated"))
        """

    private func log(_ h: Harness) -> XESLog {
        XESLog(runs: [XESLog.Run(process: "p", diagramFile: "d.bpmn", status: h.status.rawValue, events: h.trace.events)])
    }

    private func transitions(_ trace: XESTrace) -> [String] {
        trace.events.map { "\($0["elementId"]!.stringValue!):\($0["lifecycle:transition"]!.stringValue!)" }
    }

    func testEveryFlowNodeStartsAndCompletesInTraceOrderAndNothingElseIsAnEvent() throws {
        let h = try Harness(assignedReview).start()
        try h.complete("review")
        let trace = try XCTUnwrap(log(h).traces.first)
        XCTAssertEqual(transitions(trace), ["start:start", "start:complete", "review:start", "review:complete", "done:start", "done:complete"])
        let activityEvents = h.trace.events.filter { [.activityStarted, .activityCompleted].contains($0.kind) }
        XCTAssertEqual(trace.events.map { $0["seq"] }, activityEvents.map { .int(Int64($0.seq)) }, "seq links each XES event to its JSON trace event")
        XCTAssertEqual(trace.events.map { $0["time:timestamp"] }, activityEvents.map { .date($0.at) })
        XCTAssertEqual(trace.events[0]["concept:name"], .string("Request in"), "the name when the element has one")
        XCTAssertEqual(trace.events[4]["concept:name"], .string("done"), "else the id")
        XCTAssertEqual(trace.events[2]["elementType"], .string("userTask"))
        XCTAssertEqual(trace.events[2]["concept:instance"], trace.events[3]["concept:instance"], "start and complete of one instance")
        XCTAssertNotEqual(trace.events[0]["concept:instance"], trace.events[2]["concept:instance"])
    }

    func testTheAssigneeIsTheResourceOfTheTasksStartAndCompletion() throws {
        let h = try Harness(assignedReview).start()
        try h.complete("review")
        let trace = try XCTUnwrap(log(h).traces.first)
        let review = trace.events.filter { $0["elementId"] == .string("review") }
        XCTAssertEqual(review.map { $0["org:resource"] }, [.string("anna"), .string("anna")])
        XCTAssertEqual(review.map { $0["org:group"] }, [.string("sales"), .string("sales")])
        XCTAssertNil(trace.events[0]["org:resource"], "no resource where no assignee is known")
    }

    func testACancelledActivityIsAbortedAfterItStarted() throws {
        let h = try Harness(assignedReview).start()
        try h.run.advanceClock(by: 7200)
        XCTAssertEqual(h.status, .completed)
        let trace = try XCTUnwrap(log(h).traces.first)
        XCTAssertEqual(transitions(trace), ["start:start", "start:complete", "review:start", "review:ate_abort",
                                            "late:start", "late:complete", "escalated:start", "escalated:complete"])
        let abort = trace.events[3]
        XCTAssertEqual(abort["org:resource"], .string("anna"))
        XCTAssertEqual(abort["reason"]?.stringValue?.contains("late"), true, "the reason names the boundary event")
        XCTAssertEqual(abort["time:timestamp"], .date(DateFormats.iso8601String(fixedStart.addingTimeInterval(7200))),
                       "times come from the run's (virtual) clock")
    }

    func testAWaitingRunLeavesItsTaskStartedAndTheTraceSaysWaiting() throws {
        let h = try Harness(assignedReview).start()
        let xesLog = log(h)
        XCTAssertEqual(transitions(xesLog.traces[0]).last, "review:start")
        XCTAssertEqual(xesLog.traces[0]["status"], .string("waiting"))
        XCTAssertEqual(xesLog.traces[0]["concept:name"], .string("p#1"))
    }

    func testSeveralRunsMakeOneTraceEachNamedByProcessAndPosition() throws {
        let a = try Harness(assignedReview).start()
        let b = try Harness(assignedReview).start()
        try b.complete("review")
        let runs = [a, b].map { XESLog.Run(process: "p", diagramFile: "d.bpmn", status: $0.status.rawValue, events: $0.trace.events) }
        let xesLog = XESLog(runs: runs)
        XCTAssertEqual(xesLog.traces.map { $0["concept:name"] }, [.string("p#1"), .string("p#2")])
        XCTAssertEqual(xesLog.traces.map(\.events.count), [3, 6])
        XCTAssertEqual(xesLog.attributes.first { $0.key == "concept:name" }?.value, .string("p"))
    }

    func testTheWriterDeclaresExtensionsAndGlobalsAndEscapesText() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start" name="Tom &amp; Jerry &lt;&quot;quoted&quot;&gt;&#10;second line"/>
            <bpmn:endEvent id="end"/>
            \(chain("start", "end"))
            """).start()
        let xml = XESWriter.xml(log(h))
        for prefix in ["concept", "time", "lifecycle", "org"] {
            XCTAssertTrue(xml.contains("prefix=\"\(prefix)\" uri=\"http://www.xes-standard.org/\(prefix).xesext\""), prefix)
        }
        XCTAssertTrue(xml.contains("<global scope=\"event\">"))
        XCTAssertTrue(xml.contains("<global scope=\"trace\">"))
        XCTAssertTrue(xml.contains("value=\"Tom &amp; Jerry &lt;&quot;quoted&quot;&gt;&#10;second line\""), xml)
        XCTAssertTrue(xml.contains("<date key=\"time:timestamp\" value=\"\(DateFormats.iso8601String(fixedStart))\"/>"))
        XCTAssertTrue(xml.contains("<int key=\"seq\" value=\"2\"/>"))
        // A real XML parser reads it back and sees the name as written.
        let names = try XMLAttributeValues(xml: xml, key: "concept:name")
        XCTAssertTrue(names.contains("Tom & Jerry <\"quoted\">\nsecond line"), "\(names)")
    }

    func testTheSinkWritesTheLogWhenTheRunStops() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bpmnrun-\(UUID().uuidString).xes").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try XESTraceWriter(path: path, diagramFile: "d.bpmn", processId: "p")
        let run = ProcessRun(process: try compile(diagram(assignedReview)), options: options(), trace: writer)
        run.start(variables: [:])
        try run.complete(token: run.waitingTasks[0].token, variables: [:])
        run.finishTrace()
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(xml.components(separatedBy: "<event>").count - 1, 6)
        XCTAssertTrue(xml.contains("<string key=\"status\" value=\"completed\"/>"))
    }

    func testAnUnwritablePathIsRefusedBeforeTheRunStarts() {
        XCTAssertThrowsError(try XESTraceWriter(path: "/nonexistent-dir/run.xes", diagramFile: "d.bpmn", processId: "p")) { error in
            XCTAssertTrue("\(error)".contains("cannot write the XES log to /nonexistent-dir/run.xes"), "\(error)")
        }
    }
}

/// The values of every attribute element with `key`, read with Foundation's XML parser.
func XMLAttributeValues(xml: String, key: String) throws -> [String] {
    final class Collector: NSObject, XMLParserDelegate {
        let key: String
        var values: [String] = []
        init(key: String) { self.key = key }
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if attributes["key"] == key, let value = attributes["value"] { values.append(value) }
        }
    }
    let parser = XMLParser(data: Data(xml.utf8))
    let collector = Collector(key: key)
    parser.delegate = collector
    guard parser.parse() else { throw parser.parserError ?? NSError(domain: "XMLParser", code: 1) }
    return collector.values
}
