import Foundation
import XCTest

/// `bpmnrun` on SpiffWorkflow-dialect diagrams: auto-detection, the answers file, the trace, the
/// sketches, and the book's diagrams against the SpiffWorkflow outputs recorded in ../shared.
final class SpiffRunTests: XCTestCase {
    /// An appointment flow in the style of the book's dams_appointment.bpmn: untyped form fields,
    /// a Python script with if/else, Python conditions, a resultVariable SpiffWorkflow ignores.
    static let appointment = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
      <bpmn:process id="Appointment" isExecutable="true">
        <bpmn:startEvent id="Start"/>
        <bpmn:userTask id="Task_Patient" name="Patient">
          <bpmn:extensionElements><camunda:formData>
            <camunda:formField id="patientid" label="Patient ID"/>
            <camunda:formField id="visits" label="Visits" type="long"/>
          </camunda:formData></bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:scriptTask id="Script_Evaluate" camunda:resultVariable="ignored">
          <bpmn:script>if patientid == '':
        proceed = False
    else:
        proceed = True
    history = [v for v in range(visits)]</bpmn:script>
        </bpmn:scriptTask>
        <bpmn:exclusiveGateway id="Gateway_Proceed"/>
        <bpmn:scriptTask id="Script_Save"><bpmn:script>saved = proceed</bpmn:script></bpmn:scriptTask>
        <bpmn:endEvent id="End_Saved"/>
        <bpmn:endEvent id="End_Redirect"/>
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Patient"/>
        <bpmn:sequenceFlow id="F2" sourceRef="Task_Patient" targetRef="Script_Evaluate"/>
        <bpmn:sequenceFlow id="F3" sourceRef="Script_Evaluate" targetRef="Gateway_Proceed"/>
        <bpmn:sequenceFlow id="F4" sourceRef="Gateway_Proceed" targetRef="Script_Save">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">proceed == True</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F5" sourceRef="Gateway_Proceed" targetRef="End_Redirect">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">proceed == False</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F6" sourceRef="Script_Save" targetRef="End_Saved"/>
      </bpmn:process>
    </bpmn:definitions>
    """

    private func run(_ diagram: String, answers: String?, extra: [String] = []) throws -> (ProcessRunner.Outcome, TraceDocument) {
        let file = try TemporaryFiles.write(diagram, name: "spiff-appointment.bpmn")
        let trace = TemporaryFiles.url("spiff-appointment-trace.json")
        var arguments = ["run", file.path, "--non-interactive", "--trace", trace.path] + extra
        var answersFile: URL?
        if let answers {
            answersFile = try TemporaryFiles.write(answers, name: "spiff-appointment.answers.json")
            arguments += ["--answers", answersFile!.path]
        }
        addTeardownBlock {
            for url in [file, trace, answersFile].compactMap({ $0 }) { try? FileManager.default.removeItem(at: url) }
        }
        let outcome = try ProcessRunner.bpmnrun(arguments, timeout: 60)
        return (outcome, try TraceDocument(file: trace))
    }

    private func completed(_ trace: TraceDocument) -> [String] {
        trace.events("activityCompleted").compactMap { $0["element"]?.string }
    }

    func testAutoDetectedSpiffDiagramRunsFromAnswers() throws {
        let (run, trace) = try run(Self.appointment, answers: """
            {"steps": [{"complete": "Task_Patient", "variables": {"patientid": "PAT-1", "visits": 3}}]}
            """)
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        XCTAssertEqual(trace.json["dialect"]?["name"]?.string, "spiff")
        XCTAssertTrue(run.stderr.contains("bpmnrun: dialect spiff: "), run.transcript)
        XCTAssertEqual(completed(trace), ["Start", "Task_Patient", "Script_Evaluate", "Gateway_Proceed", "Script_Save", "End_Saved"])
        XCTAssertEqual(trace.variables, ["patientid": .string("PAT-1"), "visits": .number(3), "proceed": .bool(true),
                                         "history": .array([.number(0), .number(1), .number(2)]), "saved": .bool(true)])
    }

    func testEmptyAnswerTakesTheOtherBranchAndQuietPrintsNoDialectLine() throws {
        let (run, trace) = try run(Self.appointment, answers: """
            {"steps": [{"complete": "Task_Patient", "variables": {"patientid": "", "visits": 0}}]}
            """, extra: ["-q"])
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        XCTAssertFalse(run.stderr.contains("dialect"), run.transcript)
        XCTAssertEqual(completed(trace).last, "End_Redirect")
        XCTAssertEqual(trace.variables["proceed"], .bool(false))
    }

    func testDialectChosenByHandIsRecordedAsSuch() throws {
        let (run, trace) = try run(Self.appointment, answers: """
            {"steps": [{"complete": "Task_Patient", "variables": {"patientid": "P", "visits": 1}}]}
            """, extra: ["--dialect", "spiff"])
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        XCTAssertEqual(trace.json["dialect"]?["reason"]?.string, "spiff (chosen with --dialect)")
    }

    func testMixedDialectsAreAConflict() throws {
        let mixed = Self.appointment.replacingOccurrences(of: "proceed == False", with: "${!proceed}")
        let file = try TemporaryFiles.write(mixed, name: "spiff-mixed.bpmn")
        addTeardownBlock { try? FileManager.default.removeItem(at: file) }
        let run = try ProcessRunner.bpmnrun(["run", file.path, "--non-interactive"], timeout: 60)
        XCTAssertEqual(run.exitCode, 2, run.transcript)
        XCTAssertTrue(run.stderr.contains("mixes Camunda 7 and SpiffWorkflow"), run.transcript)
    }

    // MARK: The book's diagrams (../shared)

    private var shared: URL { BPMNRunBinary.packageRoot.appendingPathComponent("../shared").standardized }

    /// Each recorded SpiffWorkflow case (`tools/spiff/cases/*.json` with its `.expected.json`) run by
    /// bpmnrun: the same completed elements in the same order and the same final variables.
    func testBookDiagramsAgreeWithTheRecordedSpiffWorkflowOutputs() throws {
        let cases = shared.appendingPathComponent("tools/spiff/cases")
        guard FileManager.default.fileExists(atPath: cases.path) else {
            throw XCTSkip("skipped: ../shared is absent (tools/spiff/cases holds SpiffWorkflow's recorded outputs)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: cases.path)
            .filter { $0.hasSuffix(".expected.json") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 8)
        for name in names {
            let caseName = String(name.dropLast(".expected.json".count))
            let diagram = String(caseName.prefix { $0 != "." })
            let bpmn = shared.appendingPathComponent("corpus/spiff-book/\(diagram).bpmn")
            let expected = try JSONValue.parse(Data(contentsOf: cases.appendingPathComponent(name)))
            let oracleAnswers = try JSONValue.parse(Data(contentsOf: cases.appendingPathComponent(caseName + ".json")))
            // The oracle's answers ({"tasks": [{"task", "values"}]}) in bpmnrun's format.
            let steps = (oracleAnswers["tasks"]?.array ?? []).map { step -> String in
                "{\"complete\":\(step["task"]!.jsonText),\"variables\":\(step["values"]?.jsonText ?? "{}")}"
            }
            let answers = "{\"variables\":\(oracleAnswers["variables"]?.jsonText ?? "{}"),\"steps\":[\(steps.joined(separator: ","))]}"
            let answersFile = try TemporaryFiles.write(answers, name: "\(caseName).answers.json")
            let trace = TemporaryFiles.url("\(caseName).trace.json")
            defer { try? FileManager.default.removeItem(at: answersFile); try? FileManager.default.removeItem(at: trace) }
            let run = try ProcessRunner.bpmnrun(["run", bpmn.path, "--answers", answersFile.path, "--trace", trace.path,
                                                 "--non-interactive", "--service-tasks", "skip", "-q"], timeout: 60)
            if expected["error"] != nil && expected["completed"]?.array?.isEmpty != false {
                // The unfinished sketches: refused before running, element by element.
                XCTAssertEqual(run.exitCode, 2, "\(caseName): \(run.transcript)")
                XCTAssertTrue(run.stderr.contains("No Script Provided"), "\(caseName): \(run.transcript)")
                continue
            }
            let document = try TraceDocument(file: trace)
            let expectedOrder = expected["completed"]?.array?.compactMap { $0["id"]?.string } ?? []
            XCTAssertEqual(completed(document), expectedOrder, caseName)
            XCTAssertEqual(document.variables, expected["variables"]?.object ?? [:], caseName)
            XCTAssertEqual(run.exitCode, expected["error"] == nil ? 0 : 1, "\(caseName): \(run.transcript)")
        }
    }
}

private extension JSONValue {
    /// The value as JSON text (to turn the oracle's answers into bpmnrun's).
    var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s):
            let data = try! JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed])
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.keys.sorted().map { JSONValue.string($0).jsonText + ":" + fields[$0]!.jsonText }.joined(separator: ",") + "}"
        }
    }
}
