import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Kills `bpmnrun run --state` with SIGKILL at many points of a long run, resumes each time until
/// the run completes, and checks that the final trace and variables equal an uninterrupted run's:
/// no step lost, none done twice.
final class FaultInjectionTests: XCTestCase {
    private let startTime = "2026-03-02T08:00:00Z"

    /// The arguments shared by the first run and every resume (relative paths, run in the folder).
    private let common = ["--answers", "counting.answers.json", "--non-interactive", "--quiet", "--trace", "trace.json"]

    private func reference(in folder: URL) throws -> TraceDocument {
        let outcome = try bpmnrun(["run", "counting.bpmn", "--start-time", startTime, "--state", "reference.state.json",
                                   "--answers", "counting.answers.json", "--non-interactive", "--quiet", "--trace", "reference.json"],
                                  in: folder)
        XCTAssertEqual(outcome.exitCode, 0, outcome.transcript)
        let trace = try TraceDocument(file: folder.appendingPathComponent("reference.json"))
        XCTAssertEqual(trace.status, "completed")
        XCTAssertEqual(trace.variables["total"], .number(Double(CountingFixture.expectedTotal)))
        XCTAssertGreaterThan(trace.events.count, 800)
        return trace
    }

    private func bpmnrun(_ args: [String], in folder: URL, environment: [String: String] = [:]) throws -> ProcessRunner.Outcome {
        try ProcessRunner.run(executable: try BPMNRunBinary.path(), arguments: args, environment: environment,
                              currentDirectory: folder, timeout: 120)
    }

    /// Starts the run again when no state was saved yet, else resumes it.
    private func continueArguments(_ folder: URL) -> [String] {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("run.state.json").path)
            ? ["resume", "run.state.json"] + common
            : ["run", "counting.bpmn", "--start-time", startTime, "--state", "run.state.json"] + common
    }

    private func assertSameOutcome(_ folder: URL, as reference: TraceDocument, _ context: String, line: UInt = #line) throws {
        let trace = try TraceDocument(file: folder.appendingPathComponent("trace.json"))
        XCTAssertEqual(trace.status, "completed", context, line: line)
        XCTAssertEqual(trace.variables, reference.variables, context, line: line)
        XCTAssertEqual(trace.events.count, reference.events.count, context, line: line)
        let seqs = trace.events.compactMap { $0["seq"]?.number }
        XCTAssertEqual(seqs, (1...trace.events.count).map(Double.init), "sequence numbers run on without a gap (\(context))", line: line)
        // Every event, in order, equal to the uninterrupted run's (same elements, tokens, times, values).
        if let first = Array(zip(trace.events, reference.events)).firstIndex(where: { $0 != $1 }) {
            XCTFail("\(context): event \(first + 1) differs:\n  \(trace.events[first])\n  vs \(reference.events[first])", line: line)
        }
        XCTAssertEqual(trace.json, reference.json, context, line: line)
    }

    /// The deterministic hook: SIGKILL right after the Nth state save, or in the middle of it (the
    /// new state written to the temporary file but not renamed yet).
    func testKilledAtChosenSavesResumesToTheUninterruptedResult() throws {
        let folder = try CountingFixture.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try reference(in: folder)
        let points: [(hook: String, save: Int)] = [
            ("BPMNRUN_FAULT_KILL_BEFORE_RENAME", 1), ("BPMNRUN_FAULT_KILL_AFTER_SAVE", 1), ("BPMNRUN_FAULT_KILL_BEFORE_RENAME", 2),
            ("BPMNRUN_FAULT_KILL_AFTER_SAVE", 2), ("BPMNRUN_FAULT_KILL_AFTER_SAVE", 3), ("BPMNRUN_FAULT_KILL_BEFORE_RENAME", 17),
            ("BPMNRUN_FAULT_KILL_AFTER_SAVE", 31), ("BPMNRUN_FAULT_KILL_BEFORE_RENAME", 48), ("BPMNRUN_FAULT_KILL_AFTER_SAVE", 62),
            ("BPMNRUN_FAULT_KILL_BEFORE_RENAME", 63),
        ]
        for point in points {
            let context = "\(point.hook)=\(point.save)"
            for name in ["run.state.json", "trace.json"] { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
            let killed = try bpmnrun(continueArguments(folder), in: folder, environment: [point.hook: String(point.save)])
            XCTAssertEqual(killed.exitCode, 128 + SIGKILL, "\(context) should have killed the run:\n\(killed.transcript)")
            // Resume, killed again two saves later each time, then once to the end.
            var attempts = 0
            while true {
                attempts += 1
                let hook = attempts <= 3 ? ["BPMNRUN_FAULT_KILL_AFTER_SAVE": "2"] : [:]
                let outcome = try bpmnrun(continueArguments(folder), in: folder, environment: hook)
                if outcome.exitCode == 0 { break }
                XCTAssertEqual(outcome.exitCode, 128 + SIGKILL, "\(context), resume \(attempts):\n\(outcome.transcript)")
                if attempts > 6 || outcome.exitCode != 128 + SIGKILL { return }
            }
            try assertSameOutcome(folder, as: reference, context)
        }
    }

    /// Real SIGKILLs from outside at varied moments, the way a crash or `kill -9` lands: each
    /// attempt (run, or resume once a state exists) is killed after a delay that grows, until one
    /// completes.
    func testKilledFromOutsideAtVariedTimesResumesToTheUninterruptedResult() throws {
        let folder = try CountingFixture.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try reference(in: folder)
        let delaysMs = [30, 90, 60, 150, 120, 250, 200, 400, 300, 600, 500, 900, 800, 1500, 2500, 4000]
        var kills = 0
        var finished = false
        for delay in delaysMs + Array(repeating: 60_000, count: 2) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try BPMNRunBinary.path())
            process.arguments = continueArguments(folder)
            process.currentDirectoryURL = folder
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(Double(delay) / 1000)
            while process.isRunning && Date() < deadline { usleep(2000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            if process.terminationReason == .exit {
                XCTAssertEqual(process.terminationStatus, 0, "an attempt that was not killed must complete the run")
                finished = true
                break
            }
        }
        XCTAssertTrue(finished, "the run never completed")
        XCTAssertGreaterThan(kills, 3, "the kills should have landed in the middle of the run")
        try assertSameOutcome(folder, as: reference, "after \(kills) kills from outside")
    }
}
