import Foundation
import XCTest

/// Every sample in bpmn-samples/ runs unattended, as CI would run it:
/// `bpmnrun run NAME.bpmn --answers NAME[.VARIANT].answers.json --non-interactive --trace FILE`,
/// and its trace and exit code match NAME[.VARIANT].expected.json (keys in bpmn-samples/README.md);
/// every trace follows the JSON Schema in docs/trace.schema.json.
final class SampleRunTests: XCTestCase {
    struct SampleCase {
        let name: String       // NAME[.VARIANT]
        let diagram: URL
        let answers: URL
        let expected: URL
    }

    static func sampleCases() throws -> [SampleCase] {
        let files = try FileManager.default.contentsOfDirectory(atPath: BPMNRunBinary.samples.path).sorted()
        return files.filter { $0.hasSuffix(".answers.json") }.map { file in
            let name = String(file.dropLast(".answers.json".count))
            let diagram = String(name.split(separator: ".", maxSplits: 1)[0]) + ".bpmn"
            return SampleCase(name: name, diagram: BPMNRunBinary.sample(diagram), answers: BPMNRunBinary.sample(file),
                              expected: BPMNRunBinary.sample(name + ".expected.json"))
        }
    }

    func testEverySampleRunsUnattendedAsExpected() throws {
        let cases = try Self.sampleCases()
        XCTAssertGreaterThanOrEqual(cases.count, 16, "bpmn-samples/README.md lists 16 runs")
        XCTAssertGreaterThanOrEqual(Set(cases.map(\.diagram)).count, 7, "seven sample diagrams")
        for sample in cases {
            let problems = try check(sample)
            for p in problems { XCTFail("\(sample.name): \(p)") }
        }
    }

    /// What is wrong with one run, empty when it matches its expected.json.
    private func check(_ sample: SampleCase) throws -> [String] {
        guard FileManager.default.fileExists(atPath: sample.diagram.path) else { return ["no diagram \(sample.diagram.lastPathComponent)"] }
        guard let expectedData = FileManager.default.contents(atPath: sample.expected.path) else {
            return ["no \(sample.expected.lastPathComponent) beside the answers file"]
        }
        let expected = try JSONValue.parse(expectedData)
        let tracePath = TemporaryFiles.url("trace-\(sample.name).json")
        defer { try? FileManager.default.removeItem(at: tracePath) }
        let run = try ProcessRunner.bpmnrun(["run", "bpmn-samples/" + sample.diagram.lastPathComponent,
                                             "--answers", "bpmn-samples/" + sample.answers.lastPathComponent,
                                             "--non-interactive", "--trace", tracePath.path])
        if run.timedOut { return ["timed out\n\(run.transcript)"] }
        let trace: TraceDocument
        do { trace = try TraceDocument(file: tracePath) } catch { return ["\(error)\n\(run.transcript)"] }
        var problems: [String] = []

        let status = expected["status"]?.string
        if let status, trace.status != status {
            problems.append("status \(trace.status ?? "nil"), expected \(status) (error: \(trace.errorMessage ?? "none"))")
        }
        let expectedExit: Int32
        if let code = expected["exit_code"]?.number { expectedExit = Int32(code) }
        else {
            switch status {
            case "completed", "terminated": expectedExit = 0
            case "failed": expectedExit = 1
            case "waiting": expectedExit = 3
            default: expectedExit = -1
            }
        }
        if run.exitCode != expectedExit { problems.append("exit code \(run.exitCode), expected \(expectedExit)\n\(run.transcript)") }

        var needles = expected["error_contains_all"]?.array?.compactMap(\.string) ?? []
        if let one = expected["error_contains"]?.string { needles.append(one) }
        let errorText = ((trace.errorMessage ?? "") + "\n" + run.stderr).lowercased()
        for needle in needles where !errorText.contains(needle.lowercased()) {
            problems.append("the error does not mention '\(needle)': \(trace.errorMessage ?? run.stderr)")
        }
        if let completed = expected["completed"]?.array?.compactMap(\.string), trace.completedElements != completed {
            problems.append("completed \(trace.completedElements), expected \(completed)")
        }
        for (name, want) in expected["variables"]?.object ?? [:] {
            let have = trace.variables[name] ?? .null
            if have != want { problems.append("variable \(name) = \(have), expected \(want)") }
        }
        if let active = expected["active"]?.array?.compactMap(\.string), trace.active.sorted() != active.sorted() {
            problems.append("active \(trace.active), expected \(active)")
        }
        if trace.format != "bpmnrun-trace/1" { problems.append("format \(trace.format ?? "nil")") }
        for failure in try TraceSchema.validator().validate(trace.json) {
            problems.append("the trace does not follow docs/trace.schema.json: \(failure)")
        }
        return problems
    }
}
