import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) in the middle of a step that runs for a long time (a script loop): the run stops
/// as interrupted, the state file keeps the state before the step, and resume does the step again.
final class InterruptDuringAStepTests: XCTestCase {
    private static let spinning = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_Spin" targetNamespace="http://bpmn.io/schema/bpmn">
      <bpmn:process id="spin" isExecutable="true">
        <bpmn:startEvent id="Start" />
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Go" />
        <bpmn:userTask id="Task_Go" name="Go" />
        <bpmn:sequenceFlow id="F2" sourceRef="Task_Go" targetRef="Script_Step" />
        <bpmn:scriptTask id="Script_Step" scriptFormat="javascript">
          <bpmn:script>execution.setVariable("i", (execution.getVariable("i") || 0) + 1);</bpmn:script>
        </bpmn:scriptTask>
        <bpmn:sequenceFlow id="F3" sourceRef="Script_Step" targetRef="Gateway_Loop" />
        <bpmn:exclusiveGateway id="Gateway_Loop" default="F5" />
        <bpmn:sequenceFlow id="F4" sourceRef="Gateway_Loop" targetRef="Script_Step">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${i &lt; limit}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F5" sourceRef="Gateway_Loop" targetRef="End" />
        <bpmn:endEvent id="End" />
      </bpmn:process>
    </bpmn:definitions>
    """

    func testCtrlCInALongStepKeepsTheStateBeforeTheStep() throws {
        let dir = TemporaryFiles.url("spin")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.spinning.utf8).write(to: dir.appendingPathComponent("spin.bpmn"))
        try Data("{\"steps\": [{\"complete\": \"Task_Go\"}]}".utf8).write(to: dir.appendingPathComponent("go.json"))
        let binary = try BPMNRunBinary.path()
        let first = try ProcessRunner.run(executable: binary, arguments: ["run", "spin.bpmn", "--state", "s.json", "--var", "limit=100000000",
                                                                         "--non-interactive", "-q"], currentDirectory: dir)
        XCTAssertEqual(first.exitCode, 3, first.transcript)

        let spinning = Process()
        spinning.executableURL = URL(fileURLWithPath: binary)
        spinning.arguments = ["resume", "s.json", "--answers", "go.json", "--non-interactive", "-q"]
        spinning.currentDirectoryURL = dir
        spinning.standardInput = FileHandle.nullDevice
        spinning.standardOutput = FileHandle.nullDevice
        spinning.standardError = FileHandle.nullDevice
        try spinning.run()
        usleep(1_500_000)  // well inside the hundred million rounds
        XCTAssertTrue(spinning.isRunning, "the loop should still be running")
        kill(spinning.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(30)
        while spinning.isRunning && Date() < deadline { usleep(10_000) }
        if spinning.isRunning { kill(spinning.processIdentifier, SIGKILL) }
        spinning.waitUntilExit()
        XCTAssertEqual(spinning.terminationStatus, 130, "Ctrl-C stops the run as interrupted")

        let status = try ProcessRunner.run(executable: binary, arguments: ["status", "s.json", "--format", "json"], currentDirectory: dir)
        let json = try JSONValue.parse(Data(status.stdout.utf8))
        XCTAssertEqual(json["status"], .string("waiting"), "the state before the step")
        XCTAssertNil(json["variables"]?["i"], "nothing of the step in progress was saved")
        XCTAssertEqual(json["answers"]?["consumed"], .number(0))
        XCTAssertEqual(json["waiting"]?.array?.first?["element"], .string("Task_Go"))

        // Resumed with a lower limit (a `set` step before the completion), the step is done again, once.
        try Data("{\"steps\": [{\"set\": {\"limit\": 50}}, {\"complete\": \"Task_Go\"}]}".utf8).write(to: dir.appendingPathComponent("go2.json"))
        let resumed = try ProcessRunner.run(executable: binary, arguments: ["resume", "s.json", "--answers", "go2.json", "--non-interactive", "-q",
                                                                           "--trace", "t.json"], currentDirectory: dir)
        XCTAssertEqual(resumed.exitCode, 0, resumed.transcript)
        let trace = try TraceDocument(file: dir.appendingPathComponent("t.json"))
        XCTAssertEqual(trace.variables["i"], .number(50))
        XCTAssertEqual(trace.events("activityCompleted").filter { $0["element"]?.string == "Task_Go" }.count, 1)
    }
}
