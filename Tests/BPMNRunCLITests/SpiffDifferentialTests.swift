import Foundation
import XCTest

/// bpmnrun against SpiffWorkflow itself: Tests/spiff/differential.py runs the book's diagrams
/// (../shared/corpus/spiff-book with ../shared/tools/spiff/cases), bpmn-samples/spiff/ and, when
/// $SPIFF_TESTS_DIR points at an export of SpiffWorkflow's tests/, its test diagrams, through both
/// engines and requires the same path, data and outcome (deliberate differences are in
/// Tests/spiff/differential-allowed.json). Needs ../shared and a Python with SpiffWorkflow
/// ($SPIFF_PYTHON, or ../shared/tools/spiff/.venv from its setup.sh); skipped, saying so, otherwise.
final class SpiffDifferentialTests: XCTestCase {
    private var shared: URL { BPMNRunBinary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared") }

    private func spiffPython() throws -> String {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SPIFF_PYTHON"], !env.isEmpty { candidates.append(env) }
        candidates.append(shared.appendingPathComponent("tools/spiff/.venv/bin/python").path)
        for path in candidates where FileManager.default.isExecutableFile(atPath: path) {
            let probe = try ProcessRunner.run(executable: path, arguments: ["-c", "import SpiffWorkflow"])
            if probe.exitCode == 0 { return path }
        }
        throw XCTSkip("skipped: no Python with SpiffWorkflow (set SPIFF_PYTHON, or run ../shared/tools/spiff/setup.sh)")
    }

    func testBpmnrunAgreesWithSpiffWorkflow() throws {
        guard FileManager.default.fileExists(atPath: shared.appendingPathComponent("tools/spiff/spiff_oracle.py").path) else {
            throw XCTSkip("skipped: ../shared is absent (it holds the SpiffWorkflow oracle and the book's diagrams)")
        }
        let python = try spiffPython()
        var arguments = [BPMNRunBinary.packageRoot.appendingPathComponent("Tests/spiff/differential.py").path,
                         "--bpmnrun", try BPMNRunBinary.path(), "--spiff-python", python]
        if let tests = ProcessInfo.processInfo.environment["SPIFF_TESTS_DIR"], !tests.isEmpty {
            arguments += ["--spiff-tests", tests]
        } else {
            arguments += ["--groups", "book,samples"]
        }
        let run = try ProcessRunner.run(executable: "/usr/bin/env", arguments: ["python3"] + arguments,
                                        currentDirectory: BPMNRunBinary.packageRoot, timeout: 1200)
        XCTAssertFalse(run.timedOut, run.transcript)
        XCTAssertEqual(run.exitCode, 0, "bpmnrun and SpiffWorkflow disagree:\n\(run.stdout)\n\(run.stderr)")
        XCTAssertTrue(run.stdout.contains(" passed, 0 failed"), run.stdout)
    }
}
