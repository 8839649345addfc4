import Foundation
import XCTest

/// Every Spiff-dialect sample in bpmn-samples/spiff/ runs unattended and does what SpiffWorkflow
/// 3.2.0 did with the same answers: its NAME[.VARIANT].expected.json was recorded from the oracle
/// (Tests/spiff/differential.py --record), so this checks bpmnrun against SpiffWorkflow without
/// needing SpiffWorkflow. The dialect is left to `auto`, as a user would run them.
final class SpiffSampleRunTests: XCTestCase {
    private static let folder = BPMNRunBinary.samples.appendingPathComponent("spiff")

    func testEverySpiffSampleRunsAsSpiffWorkflowRanIt() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        let runs = files.filter { $0.hasSuffix(".answers.json") }.map { String($0.dropLast(".answers.json".count)) }
        XCTAssertGreaterThanOrEqual(Set(runs.map { $0.split(separator: ".")[0] }).count, 12, "twelve Spiff-dialect diagrams")
        for run in runs {
            for problem in try check(run) { XCTFail("spiff/\(run): \(problem)") }
        }
    }

    /// What is wrong with one run, empty when bpmnrun did what the recorded outcome says.
    private func check(_ run: String) throws -> [String] {
        let diagram = "bpmn-samples/spiff/" + run.split(separator: ".")[0] + ".bpmn"
        guard let data = FileManager.default.contents(atPath: Self.folder.appendingPathComponent(run + ".expected.json").path) else {
            return ["no \(run).expected.json (record it: python3 Tests/spiff/differential.py --groups samples --record)"]
        }
        let expected = try JSONValue.parse(data)
        let tracePath = TemporaryFiles.url("trace-spiff-\(run).json")
        defer { try? FileManager.default.removeItem(at: tracePath) }
        let outcome = try ProcessRunner.bpmnrun(["run", diagram, "--answers", "bpmn-samples/spiff/\(run).answers.json",
                                                 "--non-interactive", "--service-tasks", "skip", "--trace", tracePath.path])
        if outcome.timedOut { return ["timed out\n\(outcome.transcript)"] }
        let trace: TraceDocument
        do { trace = try TraceDocument(file: tracePath) } catch { return ["no trace: \(error)\n\(outcome.transcript)"] }
        var problems: [String] = []
        if let status = expected["status"]?.string, trace.status != status {
            problems.append("status \(trace.status ?? "nil"), SpiffWorkflow \(status) (error: \(trace.errorMessage ?? "none"))")
        }
        if let completed = expected["completed"]?.array?.compactMap(\.string), trace.completedElements != completed {
            problems.append("completed \(trace.completedElements), SpiffWorkflow \(completed)")
        }
        let want = expected["variables"]?.object ?? [:]
        for name in Set(want.keys).union(trace.variables.keys).sorted() {
            let have = trace.variables[name], spiff = want[name]
            if have == nil || spiff == nil || !Self.sameData(have!, spiff!) {
                problems.append("variable \(name) = \(have.map(\.description) ?? "(none)"), SpiffWorkflow \(spiff.map(\.description) ?? "(none)")")
            }
        }
        if let active = expected["active"]?.array?.compactMap(\.string), trace.active.sorted() != active.sorted() {
            problems.append("active \(trace.active), SpiffWorkflow \(active)")
        }
        return problems
    }

    /// Equal as data; a date SpiffWorkflow wrote with isoformat() (`2026-05-14`, naive = UTC)
    /// equals bpmnrun's ISO instant (`2026-05-14T00:00:00Z`).
    static func sameData(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            if x == y { return true }
            guard let dx = instant(x), let dy = instant(y) else { return false }
            return dx == dy
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameData($0, $1) }
        case (.object(let x), .object(let y)):
            return Set(x.keys) == Set(y.keys) && x.allSatisfy { key, value in sameData(value, y[key]!) }
        default:
            return a == b
        }
    }

    private static func instant(_ text: String) -> Date? {
        let iso = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            iso.formatOptions = options
            if let d = iso.date(from: text) { return d }
        }
        let naive = DateFormatter()
        naive.locale = Locale(identifier: "en_US_POSIX")
        naive.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd'T'HH:mm:ss.SSSSSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"] {
            naive.dateFormat = format
            if let d = naive.date(from: text) { return d }
        }
        return nil
    }
}
