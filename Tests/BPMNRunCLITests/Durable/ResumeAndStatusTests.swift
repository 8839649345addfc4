import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `run --state`, `resume` and `status` as a user drives them.
final class ResumeAndStatusTests: XCTestCase {
    private func folder() throws -> URL {
        let folder = try CountingFixture.makeFolder()
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    private func bpmnrun(_ args: [String], in folder: URL) throws -> ProcessRunner.Outcome {
        try ProcessRunner.run(executable: try BPMNRunBinary.path(), arguments: args, currentDirectory: folder, timeout: 120)
    }

    private func write(_ text: String, _ name: String, in folder: URL) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func testResumeWithTheSameAnswersFileSkipsTheStepsAlreadyApplied() throws {
        let dir = try folder()
        try write(CountingFixture.answers(steps: 10), "first.json", in: dir)
        let first = try bpmnrun(["run", "counting.bpmn", "--state", "s.json", "--answers", "first.json", "--non-interactive", "-q"], in: dir)
        XCTAssertEqual(first.exitCode, 3, first.transcript)
        // Another file: its steps are the remaining ones (rounds 11..60 and the timer).
        let rest = CountingFixture.answers().replacingOccurrences(of: "{\"steps\": [\n", with: "")
        let remaining = "{\"steps\": [\n" + rest.split(separator: "\n").dropFirst(10).joined(separator: "\n")
        try write(remaining, "rest.json", in: dir)
        let second = try bpmnrun(["resume", "s.json", "--answers", "rest.json", "--non-interactive", "-q", "--trace", "t.json"], in: dir)
        XCTAssertEqual(second.exitCode, 0, second.transcript)
        let trace = try TraceDocument(file: dir.appendingPathComponent("t.json"))
        XCTAssertEqual(trace.variables["total"], .number(Double(CountingFixture.expectedTotal)))

        // The same file again after a stop: the 10 steps already applied are not applied twice.
        try write(CountingFixture.answers(steps: 10), "same.json", in: dir)
        let stopped = try bpmnrun(["run", "counting.bpmn", "--state", "s4.json", "--answers", "same.json", "--non-interactive", "-q"], in: dir)
        XCTAssertEqual(stopped.exitCode, 3)
        let withoutAnswers = try bpmnrun(["resume", "s4.json", "--non-interactive", "-q"], in: dir)
        XCTAssertEqual(withoutAnswers.exitCode, 3, withoutAnswers.transcript)
        let again = try bpmnrun(["resume", "s4.json", "--answers", "same.json", "--non-interactive", "-q"], in: dir)
        XCTAssertEqual(again.exitCode, 3, "the same file: its 10 steps were applied already, nothing is applied twice\n\(again.transcript)")
        let status = try bpmnrun(["status", "s4.json", "--format", "json"], in: dir)
        let json = try JSONValue.parse(Data(status.stdout.utf8))
        XCTAssertEqual(json["variables"]?["round"], .number(10))
        XCTAssertEqual(json["answers"]?["consumed"], .number(10))
    }

    func testStatusShowsTheWaitingTaskItsFormAndThePendingTimer() throws {
        let dir = try folder()
        try write(CountingFixture.answers(steps: 3), "three.json", in: dir)
        _ = try bpmnrun(["run", "counting.bpmn", "--state", "s.json", "--answers", "three.json", "--non-interactive", "-q",
                         "--start-time", "2026-04-01T10:00:00Z"], in: dir)
        let text = try bpmnrun(["status", "s.json"], in: dir)
        XCTAssertEqual(text.exitCode, 0, text.transcript)
        XCTAssertTrue(text.stdout.contains("counting.bpmn · process counting · waiting"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Enter an amount (Task_Enter): user task"), text.stdout)
        XCTAssertTrue(text.stdout.contains("field amount (long): Amount"), text.stdout)
        XCTAssertTrue(text.stdout.contains("round = 3"), text.stdout)
        XCTAssertTrue(text.stdout.contains("answers: 3 steps of three.json applied"), text.stdout)

        try write(CountingFixture.answers(steps: CountingFixture.rounds), "rounds.json", in: dir)
        _ = try bpmnrun(["run", "counting.bpmn", "--state", "t.json", "--answers", "rounds.json", "--non-interactive", "-q",
                         "--start-time", "2026-04-01T10:00:00Z"], in: dir)
        let json = try JSONValue.parse(Data(try bpmnrun(["status", "t.json", "--format", "json"], in: dir).stdout.utf8))
        XCTAssertEqual(json["status"], .string("waiting"))
        XCTAssertEqual(json["waiting"]?.array?.count, 0)
        XCTAssertEqual(json["pending"]?.array?.first?["kind"], .string("timer"))
        XCTAssertEqual(json["pending"]?.array?.first?["element"], .string("Timer_Cool"))
        XCTAssertEqual(json["pending"]?.array?.first?["due"], .string("2026-04-01T11:00:00Z"))
    }

    func testAFinishedRunSaysThereIsNothingToResume() throws {
        let dir = try folder()
        let done = try bpmnrun(["run", "counting.bpmn", "--state", "s.json", "--answers", "counting.answers.json", "--non-interactive", "-q"], in: dir)
        XCTAssertEqual(done.exitCode, 0, done.transcript)
        let again = try bpmnrun(["resume", "s.json", "--non-interactive"], in: dir)
        XCTAssertEqual(again.exitCode, 0)
        XCTAssertTrue(again.stderr.contains("the run saved in s.json has already completed; there is nothing to resume"), again.stderr)
    }

    func testRunDoesNotOverwriteARunThatHasNotFinished() throws {
        let dir = try folder()
        _ = try bpmnrun(["run", "counting.bpmn", "--state", "s.json", "--non-interactive", "-q"], in: dir)
        try write("an earlier trace", "t.json", in: dir)
        let second = try bpmnrun(["run", "counting.bpmn", "--state", "s.json", "--non-interactive", "-q", "--trace", "t.json"], in: dir)
        XCTAssertEqual(second.exitCode, 2, second.transcript)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("t.json"), encoding: .utf8), "an earlier trace")
        XCTAssertTrue(second.stderr.contains("s.json: holds a run that has not finished (waiting); continue it with `bpmnrun resume s.json`"),
                      second.stderr)
    }

    /// SIGTERM at a form prompt: the state says `interrupted`, and resume continues from there.
    func testSIGTERMAtAPromptLeavesAResumableState() throws {
        let dir = try folder()
        let state = dir.appendingPathComponent("s.json")
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        let tty = try PseudoTerminal(executable: try BPMNRunBinary.path(),
                                     arguments: [dir.appendingPathComponent("counting.bpmn").path, "--state", state.path],
                                     environment: environment)
        try tty.expect("Amount")
        try tty.typeLine("5")
        try tty.expect("Amount")
        tty.send(signal: SIGTERM)
        XCTAssertEqual(try tty.waitForExit(), 130, tty.screen)
        let status = try bpmnrun(["status", "s.json", "--format", "json"], in: dir)
        let json = try JSONValue.parse(Data(status.stdout.utf8))
        XCTAssertEqual(json["status"], .string("interrupted"))
        XCTAssertEqual(json["variables"]?["total"], .number(5))
        XCTAssertEqual(json["waiting"]?.array?.first?["element"], .string("Task_Enter"))
        try write(CountingFixture.answers(steps: 1), "one.json", in: dir)
        let resumed = try bpmnrun(["resume", "s.json", "--answers", "one.json", "--non-interactive", "-q"], in: dir)
        XCTAssertEqual(resumed.exitCode, 3, resumed.transcript)
        let after = try JSONValue.parse(Data(try bpmnrun(["status", "s.json", "--format", "json"], in: dir).stdout.utf8))
        XCTAssertEqual(after["variables"]?["round"], .number(2))
        XCTAssertEqual(after["variables"]?["total"], .number(5 + 1 * 2))
    }

    /// While one bpmnrun waits at a prompt of a saved run, another may not continue the same file.
    func testASecondProcessCannotContinueTheSameStateAtOnce() throws {
        let dir = try folder()
        let first = Process()
        first.executableURL = URL(fileURLWithPath: try BPMNRunBinary.path())
        first.arguments = ["run", "counting.bpmn", "--state", "s.json", "--trace", "t.json"]
        first.currentDirectoryURL = dir
        let input = Pipe()
        first.standardInput = input
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        let stateFile = dir.appendingPathComponent("s.json")
        func hasSavedItsWait() -> Bool {
            String(decoding: (try? Data(contentsOf: stateFile)) ?? Data(), as: UTF8.self).contains("\"status\":\"waiting\"")
        }
        let deadline = Date().addingTimeInterval(30)
        while !hasSavedItsWait() {
            guard Date() < deadline else { return XCTFail("the first run never saved its waiting state") }
            usleep(20_000)
        }
        let second = try bpmnrun(["resume", "s.json", "--non-interactive"], in: dir)
        XCTAssertEqual(second.exitCode, 4, second.transcript)
        XCTAssertTrue(second.stderr.contains("s.json: another bpmnrun is running this saved run right now"), second.stderr)
        try input.fileHandleForWriting.close()  // end of input: the first run stops as waiting
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 3)

        // Now free; and without --trace, resume writes the whole trace where the run's --trace went.
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("t.json"))
        try write(CountingFixture.answers(steps: 2), "two.json", in: dir)
        let third = try bpmnrun(["resume", "s.json", "--answers", "two.json", "--non-interactive", "-q"], in: dir)
        XCTAssertEqual(third.exitCode, 3, third.transcript)
        let trace = try TraceDocument(file: dir.appendingPathComponent("t.json"))
        XCTAssertEqual(trace.events.first?["event"], .string("processStarted"))
        XCTAssertEqual(trace.variables["round"], .number(2))
    }
}
