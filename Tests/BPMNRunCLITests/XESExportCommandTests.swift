import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// `run --xes FILE` and `trace convert ... --to xes`, through the real binary: the XES log has one
/// trace per run, and its events are the JSON trace's activity events in the same order.
final class XESExportCommandTests: XCTestCase {
    /// The traces of an XES file as read by Foundation's XML parser: trace attributes and, per
    /// event, its attributes.
    struct ParsedLog {
        var traces: [(attributes: [String: String], events: [[String: String]])] = []
    }

    final class LogReader: NSObject, XMLParserDelegate {
        var log = ParsedLog()
        private var inEvent = false
        private var current: [String: String] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "trace": log.traces.append((attributes: [:], events: []))
            case "event": inEvent = true; current = [:]
            case "string", "date", "int", "boolean":
                guard let key = attributes["key"], let value = attributes["value"], !log.traces.isEmpty else { return }
                if inEvent { current[key] = value } else { log.traces[log.traces.count - 1].attributes[key] = value }
            default: break
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "event" {
                inEvent = false
                log.traces[log.traces.count - 1].events.append(current)
            }
        }
    }

    static func read(_ url: URL) throws -> ParsedLog {
        let parser = try XCTUnwrap(XMLParser(contentsOf: url), "no XES file at \(url.path)")
        let reader = LogReader()
        parser.delegate = reader
        XCTAssertTrue(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        return reader.log
    }

    /// The JSON trace's activity events as "element:transition", in order.
    static func activityEvents(_ trace: TraceDocument) -> [String] {
        let names = ["activityStarted": "start", "activityCompleted": "complete", "activityTerminated": "ate_abort"]
        return (trace.json["events"]?.array ?? []).compactMap { e in
            guard let kind = e["event"]?.string, let transition = names[kind], let element = e["element"]?.string else { return nil }
            return "\(element):\(transition)"
        }
    }

    private func runSample(_ name: String, answers: String, xes: URL? = nil) throws -> (URL, ProcessRunner.Outcome) {
        let tracePath = TemporaryFiles.url("\(name).json")
        var arguments = ["run", "bpmn-samples/\(name).bpmn", "--answers", "bpmn-samples/\(answers)", "--non-interactive",
                         "--trace", tracePath.path]
        if let xes { arguments += ["--xes", xes.path] }
        return (tracePath, try ProcessRunner.bpmnrun(arguments))
    }

    func testARunWritesItsXESLogBesideTheJSONTrace() throws {
        let xesPath = TemporaryFiles.url("leave.xes")
        let (tracePath, run) = try runSample("leave-request", answers: "leave-request.answers.json", xes: xesPath)
        defer { for u in [xesPath, tracePath] { try? FileManager.default.removeItem(at: u) } }
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        let log = try Self.read(xesPath)
        let trace = try TraceDocument(file: tracePath)
        XCTAssertEqual(log.traces.count, 1)
        let events = log.traces[0].events
        XCTAssertEqual(events.map { "\($0["elementId"] ?? "?"):\($0["lifecycle:transition"] ?? "?")" }, Self.activityEvents(trace))
        XCTAssertEqual(log.traces[0].attributes["concept:name"], "leave_request#1")
        XCTAssertEqual(log.traces[0].attributes["status"], "completed")
        XCTAssertEqual(log.traces[0].attributes["diagram"], "bpmn-samples/leave-request.bpmn")
        let seqs = events.compactMap { $0["seq"].flatMap(Int.init) }
        XCTAssertEqual(seqs, seqs.sorted(), "in trace order")
        XCTAssertTrue(events.allSatisfy { $0["time:timestamp"] != nil && $0["concept:name"] != nil && $0["elementType"] != nil })
        // The sample assigns its first task to `${employee}`: the resolved assignee of every waiting
        // event is the org:resource of that task's events, and no other event has one.
        let assignees = Set((trace.json["events"]?.array ?? []).filter { $0["event"]?.string == "waiting" }
                                .compactMap { $0["assignee"]?.string })
        XCTAssertFalse(assignees.isEmpty, "the sample assigns a task")
        XCTAssertEqual(Set(events.compactMap { $0["org:resource"] }), assignees)
    }

    func testAnInterruptedTerminalRunStillWritesItsLogWithTheWaitingTaskStartedOnly() throws {
        let xesPath = TemporaryFiles.url("interrupted.xes")
        defer { try? FileManager.default.removeItem(at: xesPath) }
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        let tty = try PseudoTerminal(executable: try BPMNRunBinary.path(),
                                     arguments: [BPMNRunBinary.sample("parallel-review.bpmn").path, "--var", "contractOwner=anna",
                                                 "--xes", xesPath.path],
                                     environment: environment)
        try tty.expect("Supplier [supplierName, string]")
        tty.send(signal: SIGTERM)
        XCTAssertEqual(try tty.waitForExit(), 130, tty.screen)
        let log = try Self.read(xesPath)
        XCTAssertEqual(log.traces.first?.attributes["status"], "interrupted")
        let last = try XCTUnwrap(log.traces.first?.events.last)
        XCTAssertEqual([last["elementId"], last["lifecycle:transition"]], ["Task_PrepareContract", "start"])
        XCTAssertEqual(last["org:resource"], "anna", "the task is assigned to ${contractOwner}")
    }

    func testConvertPutsSeveralTracesIntoOneLogInTheOrderGiven() throws {
        let (leave, a) = try runSample("leave-request", answers: "leave-request.rejected.answers.json")
        let (expense, b) = try runSample("expense-approval", answers: "expense-approval.answers.json")
        let out = TemporaryFiles.url("both.xes")
        defer { for u in [leave, expense, out] { try? FileManager.default.removeItem(at: u) } }
        XCTAssertEqual([a.exitCode, b.exitCode], [0, 0], a.transcript + b.transcript)
        let convert = try ProcessRunner.bpmnrun(["trace", "convert", leave.path, expense.path, "--to", "xes", "-o", out.path])
        XCTAssertEqual(convert.exitCode, 0, convert.transcript)
        XCTAssertEqual(convert.stdout, "", "with -o nothing goes to standard output")
        let log = try Self.read(out)
        XCTAssertEqual(log.traces.map { $0.attributes["concept:name"] }, ["leave_request#1", "expense_approval#2"])
        XCTAssertEqual(log.traces.map { $0.attributes["source"] }, [leave.path, expense.path])
        for (index, json) in [leave, expense].enumerated() {
            let trace = try TraceDocument(file: json)
            XCTAssertEqual(log.traces[index].events.map { "\($0["elementId"] ?? "?"):\($0["lifecycle:transition"] ?? "?")" },
                           Self.activityEvents(trace))
        }
    }

    func testConvertingTheSameTraceGivesTheSameLogAsTheRun() throws {
        let xesPath = TemporaryFiles.url("run.xes")
        let (tracePath, run) = try runSample("order-fulfilment", answers: "order-fulfilment.escalated.answers.json", xes: xesPath)
        defer { for u in [xesPath, tracePath] { try? FileManager.default.removeItem(at: u) } }
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        let convert = try ProcessRunner.bpmnrun(["trace", "convert", tracePath.path, "--to", "xes"])
        XCTAssertEqual(convert.exitCode, 0, convert.transcript)
        let direct = try String(contentsOf: xesPath, encoding: .utf8)
        let sourceLine = "    <string key=\"source\" value=\"\(tracePath.path)\"/>\n"
        XCTAssertEqual(convert.stdout.replacingOccurrences(of: sourceLine, with: ""), direct,
                       "a converted trace differs from the run's own log only by naming its source")
        XCTAssertTrue(direct.contains("value=\"ate_abort\""), "the escalation's interrupting timer cancels a waiting task")
    }

    func testBadTraceFilesAreNamedAndNothingIsWritten() throws {
        let (good, run) = try runSample("expense-approval", answers: "expense-approval.answers.json")
        let answers = BPMNRunBinary.sample("expense-approval.answers.json").path
        let cut = try TemporaryFiles.write(String(try String(contentsOf: good, encoding: .utf8).prefix(300)), name: "cut.json")
        let out = TemporaryFiles.url("never.xes")
        defer { for u in [good, cut, out] { try? FileManager.default.removeItem(at: u) } }
        XCTAssertEqual(run.exitCode, 0)
        let convert = try ProcessRunner.bpmnrun(["trace", "convert", good.path, "missing.json", answers, cut.path, "--to", "xes", "-o", out.path])
        XCTAssertEqual(convert.exitCode, 2, convert.transcript)
        XCTAssertTrue(convert.stderr.contains("missing.json: no such file"), convert.stderr)
        XCTAssertTrue(convert.stderr.contains("\(answers): not a bpmnrun JSON trace"), convert.stderr)
        XCTAssertTrue(convert.stderr.contains("\(cut.path):"), convert.stderr)
        XCTAssertTrue(convert.stderr.contains("cut off"), convert.stderr)
        XCTAssertTrue(convert.stderr.contains("nothing written: 3 of 4 trace files cannot be converted"), convert.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testUsageErrorsExitWith2() throws {
        let format = try ProcessRunner.bpmnrun(["trace", "convert", "a.json", "--to", "csv"])
        XCTAssertEqual(format.exitCode, 2, format.transcript)
        XCTAssertTrue(format.stderr.contains("--to takes 'xes', not 'csv'"), format.stderr)
        let both = try ProcessRunner.bpmnrun(["run", "bpmn-samples/leave-request.bpmn", "--trace", "-", "--xes", "-", "--non-interactive"])
        XCTAssertEqual(both.exitCode, 2, both.transcript)
        XCTAssertTrue(both.stderr.contains("both write to standard output"), both.stderr)
    }
}
