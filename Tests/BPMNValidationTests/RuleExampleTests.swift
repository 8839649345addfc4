import BPMNModel
import BPMNPython
import XCTest
@testable import BPMNValidation

/// Every rule's own examples: each triggering example makes the rule report at least one
/// finding (with a position and, for element problems, an element id), each passing example
/// none. These are the diagrams docs/rules.md shows.
final class RuleExampleTests: XCTestCase {
    func testEveryRuleHasExamples() {
        for rule in RuleRegistry.all where rule.id != FileReadableRule.id {
            XCTAssertFalse(rule.examples.triggering.isEmpty, "\(rule.id) has no triggering example")
            XCTAssertFalse(rule.examples.passing.isEmpty, "\(rule.id) has no passing example")
        }
    }

    func testRuleIdsAreUniqueAndKebabCase() {
        let ids = RuleRegistry.all.map { $0.id }
        XCTAssertEqual(ids.count, Set(ids).count)
        for id in ids {
            XCTAssertTrue(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, id)
        }
    }

    /// The dialect a rule's examples are checked in: its own; `dialect-conflict` needs detection.
    func exampleDialect(_ rule: any ValidationRule.Type) -> Dialect? {
        if rule.id == DialectConflictRule.id { return nil }
        return rule.dialects.contains(.camunda) ? .camunda : .spiff
    }

    func testTriggeringExamplesTrigger() throws {
        for rule in RuleRegistry.all {
            for (i, example) in rule.examples.triggering.enumerated() {
                let findings = try validate(example.xml, config: RuleConfiguration(levels: [rule.id: .error], soundnessWorkLimit: rule.exampleSoundnessWorkLimit), dialect: exampleDialect(rule))
                let own = findings.filter { $0.ruleId == rule.id }
                XCTAssertFalse(own.isEmpty, "\(rule.id): triggering example \(i) reported nothing")
                for f in own {
                    XCTAssertFalse(f.message.isEmpty, "\(rule.id): empty message")
                    XCTAssertEqual(f.severity, .error)
                    if rule.id != FileReadableRule.id {
                        XCTAssertGreaterThan(f.location.line, 0, "\(rule.id): finding without a line: \(f.message)")
                    }
                }
            }
        }
    }

    func testPassingExamplesPass() throws {
        for rule in RuleRegistry.all {
            for (i, example) in rule.examples.passing.enumerated() {
                let findings = try validate(example.xml, config: RuleConfiguration(levels: [rule.id: .error], soundnessWorkLimit: rule.exampleSoundnessWorkLimit), dialect: exampleDialect(rule))
                let own = findings.filter { $0.ruleId == rule.id }
                XCTAssertTrue(own.isEmpty, "\(rule.id): passing example \(i) reported \(own.map(\.message))")
            }
        }
    }
}
