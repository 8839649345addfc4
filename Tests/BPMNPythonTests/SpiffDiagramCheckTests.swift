import BPMNModel
import BPMNParser
import BPMNPython
import Foundation
import XCTest

final class SpiffDiagramCheckTests: XCTestCase {
    private var engine: PythonEngine!

    override func setUpWithError() throws {
        engine = try PythonEngine()
    }

    private func load(_ xml: String) throws -> ProcessSpec {
        let definitions = try BPMNLoader.load(data: Array(xml.utf8), fileName: "inline.bpmn")
        return try XCTUnwrap(definitions.processes.first)
    }

    func testScriptErrorsPointAtTheirLineInTheFile() throws {
        let process = try load("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:scriptTask id="calc">
              <bpmn:script>total = 0
        for x in items:
            total += x +
        </bpmn:script>
            </bpmn:scriptTask>
            <bpmn:scriptTask id="sneaky"><bpmn:script>import os</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="f" sourceRef="calc" targetRef="sneaky">
              <bpmn:conditionExpression>ok ==</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
          </bpmn:process>
        </bpmn:definitions>
        """)
        let problems = SpiffDiagramCheck.problems(in: process, engine: engine)
        XCTAssertEqual(problems.map(\.elementId), ["calc", "sneaky", "f"])
        XCTAssertEqual(problems[0].location.line, 7, "line 3 of the script, which starts on line 5")
        XCTAssertEqual(problems[0].error?.kind, .syntax)
        XCTAssertEqual(problems[0].error?.line, 3)
        XCTAssertEqual(problems[1].error?.kind, .restricted)
        XCTAssertEqual(problems[1].location.line, 10)
        XCTAssertEqual(problems[2].part, "condition")
        XCTAssertTrue(problems[2].message.hasPrefix("condition 'ok ==' does not compile as Python: SyntaxError"), problems[2].message)
        XCTAssertEqual(problems[2].location.line, 12)
    }

    func testDefaultFlowsAndSingleOutgoingFlowsNeedNoCondition() throws {
        let process = try load("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:exclusiveGateway id="split" default="otherwise"/>
            <bpmn:exclusiveGateway id="merge"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="big" sourceRef="split" targetRef="merge"><bpmn:conditionExpression>amount &gt; 5</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="small" sourceRef="split" targetRef="merge"/>
            <bpmn:sequenceFlow id="otherwise" sourceRef="split" targetRef="merge"/>
            <bpmn:sequenceFlow id="out" sourceRef="merge" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """)
        let problems = SpiffDiagramCheck.problems(in: process, engine: engine)
        XCTAssertEqual(problems.map(\.elementId), ["small"])
        XCTAssertTrue(problems[0].message.contains("leaves gateway 'split' without a condition"), problems[0].message)
    }

    private func book(_ name: String) throws -> ProcessSpec {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/spiff-book")
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw XCTSkip("skipped because ../shared is absent (the spiff-book corpus lives next to the package root)")
        }
        return try XCTUnwrap(BPMNLoader.load(path: root.appendingPathComponent(name).path).processes.first)
    }

    func testFinishedBookDiagramsHaveNoProblems() throws {
        // Load first: a skip thrown inside an assertion's autoclosure would count as a failure.
        let appointment = try book("dams_appointment.bpmn")
        let login = try book("dams_login.bpmn")
        XCTAssertEqual(SpiffDiagramCheck.problems(in: appointment, engine: engine).map(\.description), [])
        XCTAssertEqual(SpiffDiagramCheck.problems(in: login, engine: engine).map(\.description), [])
    }

    /// The sketches: every script task without a script and every gateway flow without a condition,
    /// element by element (ids as read from the files independently).
    func testBookSketchesListEveryGap() throws {
        let signup = SpiffDiagramCheck.problems(in: try book("dams_signup.bpmn"), engine: engine)
        XCTAssertEqual(Set(signup.filter { $0.part == "script" }.map(\.elementId)), [
            "Activity_0bfalsw", "Activity_0mdj31i", "Activity_0oydxm3", "Activity_0tc6mvy", "Activity_0vqgics",
            "Activity_0y3ywme", "Activity_1dege6o", "Activity_1frskmg"])
        XCTAssertEqual(Set(signup.filter { $0.part == "condition" }.map(\.elementId)), [
            "Flow_00n5rat", "Flow_0byu190", "Flow_0etde3q", "Flow_0hqejsq", "Flow_0m7ncnl", "Flow_0x1kbkl", "Flow_0x55l4l",
            "Flow_1777ort", "Flow_1exbjoh", "Flow_1gi2dqk", "Flow_1gjdigb", "Flow_1liuezh", "Flow_1rjbkmz", "Flow_1udb9ug",
            "Flow_1wczikp"])
        XCTAssertTrue(signup.allSatisfy { $0.location.line > 0 })
        let diagnosis = SpiffDiagramCheck.problems(in: try book("dams_doctor_diagnosis.bpmn"), engine: engine)
        XCTAssertEqual(Set(diagnosis.map(\.elementId)), [
            "Activity_016wk36", "Activity_0gvitar", "Activity_0rfyw5k", "Activity_0w41zch", "Activity_1j28biw",
            "Flow_0hudzxg", "Flow_0hva37b", "Flow_0v2myfl", "Flow_104jepy"])
        let first = try XCTUnwrap(diagnosis.first { $0.elementId == "Activity_0rfyw5k" })
        XCTAssertEqual(first.message, "script task 'Verify User Credentials' has no script (SpiffWorkflow refuses it: Invalid Script Task. No Script Provided)")
    }
}
