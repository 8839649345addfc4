import BPMNModel
import Foundation
import XCTest
@testable import BPMNValidation

/// When a split/join analysis runs out of its work limit, the cut is reported (never silent).
final class SoundnessCoverageTests: XCTestCase {
    private var example: String { SoundnessIncompleteRule.examples.triggering[0].xml }

    func testCutIsReportedWithProcessRuleAndCounts() throws {
        let findings = try validate(example, config: RuleConfiguration(levels: [:], soundnessWorkLimit: 1))
            .filter { $0.ruleId == SoundnessIncompleteRule.id }
        // Both analyses are cut: the exclusive split 'Again' (deadlock) and the parallel 'Fork'.
        XCTAssertEqual(findings.count, 2)
        XCTAssertTrue(findings.contains { $0.message.contains("parallel-join-deadlock") && $0.message.contains("'Again'") })
        let f = try XCTUnwrap(findings.first { $0.message.contains("lack-of-synchronization") })
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.elementId, "Process_1")
        XCTAssertTrue(f.message.contains("lack-of-synchronization"), f.message)
        XCTAssertTrue(f.message.contains("checked 0 of 1 split gateways"), f.message)
        XCTAssertTrue(f.message.contains("'Fork'"), f.message)
        XCTAssertGreaterThan(f.location.line, 0)
    }

    func testNoCutWithTheBuiltInLimit() throws {
        let findings = try validate(example).filter { $0.ruleId == SoundnessIncompleteRule.id }
        XCTAssertEqual(findings, [])
    }

    func testNothingIsReportedWhenTheAnalysesAreOff() throws {
        let config = RuleConfiguration(levels: ["lack-of-synchronization": .off, "parallel-join-deadlock": .off], soundnessWorkLimit: 1)
        XCTAssertEqual(try validate(example, config: config).filter { $0.ruleId == SoundnessIncompleteRule.id }, [])
    }

    func testWorkLimitFromTheConfigurationFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpmnrun-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{ "soundnessWorkLimit": 1 }"#.write(to: folder.appendingPathComponent(".bpmnrunrc.json"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("loop.bpmn")
        try example.write(to: file, atomically: true, encoding: .utf8)
        let findings = try Validator(configs: try ConfigResolver()).validate([.file(file.path)]).files[0].findings
        XCTAssertEqual(findings.filter { $0.ruleId == SoundnessIncompleteRule.id }.count, 2)

        try #"{ "soundnessWorkLimit": "lots" }"#.write(to: folder.appendingPathComponent(".bpmnrunrc.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ConfigResolver().configuration(forFile: file.path)) { error in
            XCTAssertTrue("\(error)".contains("soundnessWorkLimit"), "\(error)")
        }
    }
}
