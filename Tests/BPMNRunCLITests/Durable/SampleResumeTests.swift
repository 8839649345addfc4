import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Every sample with every answers file, killed (SIGKILL) right after each of its saves in turn and
/// resumed, ends with the same trace as the run that was never stopped: the state holds everything
/// the samples use (sub-processes, call activities in other files, timers, messages, signals,
/// multi-instance, compensation, listeners).
final class SampleResumeTests: XCTestCase {
    private let startTime = "2026-06-01T09:00:00Z"

    func testEverySampleResumedAfterEverySaveEndsLikeTheUninterruptedRun() throws {
        let samples = BPMNRunBinary.samples
        let answersFiles = try FileManager.default.contentsOfDirectory(atPath: samples.path)
            .filter { $0.hasSuffix(".answers.json") }.sorted()
        XCTAssertGreaterThan(answersFiles.count, 10)
        let scratch = TemporaryFiles.url("samples-resume")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var resumes = 0
        for answers in answersFiles {
            let diagram = String(answers.prefix(while: { $0 != "." })) + ".bpmn"
            let answersPath = "bpmn-samples/\(answers)", diagramPath = "bpmn-samples/\(diagram)"
            let referenceTrace = scratch.appendingPathComponent("\(answers).reference.json").path
            let reference = try ProcessRunner.bpmnrun(["run", diagramPath, "--answers", answersPath, "--non-interactive", "--quiet",
                                                       "--start-time", startTime, "--trace", referenceTrace])
            let state = scratch.appendingPathComponent("\(answers).state.json").path
            let trace = scratch.appendingPathComponent("\(answers).trace.json").path
            // Save 1 is before the start, save 2 after it: kill after each save from the second on.
            var save = 2
            var outcome = try ProcessRunner.bpmnrun(["run", diagramPath, "--answers", answersPath, "--non-interactive", "--quiet",
                                                     "--start-time", startTime, "--trace", trace, "--state", state],
                                                    environment: ["BPMNRUN_FAULT_KILL_AFTER_SAVE": "\(save)"])
            while outcome.exitCode == 128 + SIGKILL && save < 200 {
                resumes += 1
                save = 1
                outcome = try ProcessRunner.bpmnrun(["resume", state, "--answers", answersPath, "--non-interactive", "--quiet", "--trace", trace],
                                                    environment: ["BPMNRUN_FAULT_KILL_AFTER_SAVE": "\(save + 1)"])
            }
            XCTAssertEqual(outcome.exitCode, reference.exitCode, "\(answers): \(outcome.transcript)")
            let expected = try TraceDocument(file: URL(fileURLWithPath: referenceTrace))
            let actual = try TraceDocument(file: URL(fileURLWithPath: trace))
            if let first = Array(zip(actual.events, expected.events)).firstIndex(where: { $0 != $1 }) {
                XCTFail("\(answers): event \(first + 1) differs:\n  \(actual.events[first])\n  vs \(expected.events[first])")
            }
            XCTAssertEqual(actual.json, expected.json, "\(answers): the resumed run's trace differs from the uninterrupted one")
        }
        XCTAssertGreaterThan(resumes, answersFiles.count, "most samples were killed and resumed at least once")
    }
}
