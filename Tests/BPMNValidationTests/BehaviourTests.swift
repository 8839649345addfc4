import BPMNModel
import BPMNScripting
import Foundation
import XCTest
@testable import BPMNValidation

/// What users rely on beyond "the rule fires": positions, paths, scoping, configuration.
final class BehaviourTests: XCTestCase {
    /// Every rule off but one.
    func only(_ id: String) -> RuleConfiguration {
        var levels: [String: RuleLevel] = [:]
        for r in RuleRegistry.all { levels[r.id] = .off }
        levels[id] = .error
        return RuleConfiguration(levels: levels)
    }

    func testJUELErrorNamesTheColumnInsideTheExpression() throws {
        let xml = RuleExample.process("<bpmn:userTask id=\"Approve\" camunda:assignee=\"${manager.}\" />").xml
        let f = try XCTUnwrap(validate(xml, config: only("juel-syntax")).first)
        XCTAssertEqual(f.elementId, "Approve")
        XCTAssertTrue(f.message.contains("camunda:assignee: Error parsing '${manager.}'"), f.message)
        XCTAssertTrue(f.message.contains("(column 11 of the expression)"), f.message)
    }

    func testSpinFunctionsAreAccepted() throws {
        let xml = RuleExample.process("<bpmn:serviceTask id=\"T\" camunda:expression=\"${JSON(payload).prop('a')}\" />").xml
        XCTAssertTrue(try validate(xml, config: only("juel-syntax")).isEmpty)
    }

    func testJavaScriptErrorLineIsMappedIntoTheFile() throws {
        let xml = RuleExample.process("""
        <bpmn:scriptTask id="Compute" scriptFormat="javascript">
          <bpmn:script>var a = 1;
        var b = 2;
        var c = (a + ;</bpmn:script>
        </bpmn:scriptTask>
        """).xml
        let f = try XCTUnwrap(validate(xml, config: only("script-syntax")).first)
        let scriptLine = xml.components(separatedBy: "\n").firstIndex { $0.contains("<bpmn:script>") }! + 1
        XCTAssertEqual(f.location.line, scriptLine + 2, f.message)
        XCTAssertTrue(f.message.contains("at line 3"), f.message)
    }

    func testScriptCheckerHookForOtherLanguages() throws {
        final class MarkerChecker: ScriptSyntaxChecker {
            func check(_ source: String) -> ScriptSyntaxProblem? {
                source.contains("def ") && !source.contains(":") ? ScriptSyntaxProblem(message: "expected ':'", line: 1) : nil
            }
        }
        let xml = RuleExample.process("<bpmn:scriptTask id=\"Groovy\" scriptFormat=\"groovy\"><bpmn:script>def f()</bpmn:script></bpmn:scriptTask>").xml
        // Without a Groovy checker: a warning that it cannot be checked, no syntax finding.
        var findings = try validate(xml)
        XCTAssertTrue(findings.contains { $0.ruleId == "script-format-unsupported" && $0.severity == .warning })
        XCTAssertFalse(findings.contains { $0.ruleId == "script-syntax" })
        // With one registered: its verdict is reported.
        let registry = ScriptCheckerRegistry()
        registry.register(.groovy) { MarkerChecker() }
        let definitions = try BPMNLoaderShim.load(xml)
        let validator = Validator(configs: try ConfigResolver(), checkers: registry, dialect: .camunda)
        findings = validator.check(definitions, library: ProcessLibrary(), config: .recommended).findings
        XCTAssertTrue(findings.contains { $0.ruleId == "script-syntax" && $0.message.contains("expected ':'") })
        XCTAssertFalse(findings.contains { $0.ruleId == "script-format-unsupported" })
    }

    func testPythonOnCamundaDiagramIsJythonAndNotChecked() throws {
        // Camunda 7 runs scriptFormat="python" with Jython 2.7 (print statements and all): the
        // Python 3 checker must not judge it; the warning says bpmnrun cannot check it.
        let xml = RuleExample.process("<bpmn:scriptTask id=\"Py\" scriptFormat=\"python\"><bpmn:script>print \"hi\"</bpmn:script></bpmn:scriptTask>").xml
        let findings = try validate(xml)
        XCTAssertFalse(findings.contains { $0.ruleId == "script-syntax" }, "\(findings.map(\.message))")
        XCTAssertTrue(findings.contains { $0.ruleId == "script-format-unsupported" && $0.severity == .warning })
    }

    func testNotWellFormedHasLibxml2LineAndColumn() throws {
        let findings = try validate("<?xml version=\"1.0\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <process id=\"P\"></proces>\n</definitions>\n")
        let f = try XCTUnwrap(findings.first)
        XCTAssertEqual(f.ruleId, "xml-well-formed")
        XCTAssertEqual(f.location.line, 3)
        XCTAssertGreaterThan(f.location.column, 1)
    }

    func testDeadlockNamesBothBranches() throws {
        let example = ParallelJoinDeadlockRule.examples.triggering[0]
        let f = try XCTUnwrap(validate(example.xml, config: only("parallel-join-deadlock")).first)
        XCTAssertEqual(f.elementId, "Join")
        XCTAssertEqual(f.path, ["Choose", "A", "Join"])
        XCTAssertTrue(f.message.contains("Choose -> B -> Join"), f.message)
    }

    /// The split/join analysis cuts its search at merges and post-dominators; a deadlock after a
    /// long chain of loops and exclusive blocks must still be found, and none invented before it.
    func testDeadlockAfterManyLoopsIsFound() throws {
        var body = "<bpmn:startEvent id=\"Start\" />\n"
        var previous = "Start"
        for k in 0..<150 {
            body += """
            <bpmn:sequenceFlow id="In\(k)" sourceRef="\(previous)" targetRef="Merge\(k)" />
            <bpmn:exclusiveGateway id="Merge\(k)" />
            <bpmn:sequenceFlow id="Body\(k)" sourceRef="Merge\(k)" targetRef="Work\(k)" />
            <bpmn:task id="Work\(k)" />
            <bpmn:sequenceFlow id="ToCheck\(k)" sourceRef="Work\(k)" targetRef="Check\(k)" />
            <bpmn:exclusiveGateway id="Check\(k)" default="Out\(k)" />
            <bpmn:sequenceFlow id="Back\(k)" sourceRef="Check\(k)" targetRef="Merge\(k)"><bpmn:conditionExpression>${again}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Out\(k)" sourceRef="Check\(k)" targetRef="Choose\(k)" />
            <bpmn:exclusiveGateway id="Choose\(k)" default="Right\(k)" />
            <bpmn:sequenceFlow id="Left\(k)" sourceRef="Choose\(k)" targetRef="L\(k)"><bpmn:conditionExpression>${left}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Right\(k)" sourceRef="Choose\(k)" targetRef="R\(k)" />
            <bpmn:task id="L\(k)" /><bpmn:task id="R\(k)" />
            <bpmn:sequenceFlow id="LJ\(k)" sourceRef="L\(k)" targetRef="Join\(k)" /><bpmn:sequenceFlow id="RJ\(k)" sourceRef="R\(k)" targetRef="Join\(k)" />
            <bpmn:exclusiveGateway id="Join\(k)" />

            """
            previous = "Join\(k)"
        }
        body += """
        <bpmn:sequenceFlow id="Last" sourceRef="\(previous)" targetRef="Pick" />
        <bpmn:exclusiveGateway id="Pick" default="P2" />
        <bpmn:sequenceFlow id="P1" sourceRef="Pick" targetRef="A"><bpmn:conditionExpression>${a}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="P2" sourceRef="Pick" targetRef="B" />
        <bpmn:task id="A" /><bpmn:task id="B" />
        <bpmn:sequenceFlow id="AJ" sourceRef="A" targetRef="Sync" /><bpmn:sequenceFlow id="BJ" sourceRef="B" targetRef="Sync" />
        <bpmn:parallelGateway id="Sync" /><bpmn:sequenceFlow id="Done" sourceRef="Sync" targetRef="End" /><bpmn:endEvent id="End" />
        """
        let findings = try validate(RuleExample.process(body).xml, config: only("parallel-join-deadlock"))
        XCTAssertEqual(findings.map(\.elementId), ["Sync"])
        XCTAssertEqual(findings.first?.path, ["Pick", "A", "Sync"])
    }

    func testEndlessLoopNamesTheCycle() throws {
        let example = EndlessLoopRule.examples.triggering[0]
        let f = try XCTUnwrap(validate(example.xml, config: only("endless-loop")).first)
        XCTAssertEqual(f.path, ["Merge", "Work", "Merge"])
        // The same loop through a user task never ends but does not spin: the other rule.
        let waiting = NoPathToEndRule.examples.triggering[0]
        XCTAssertTrue(try validate(waiting.xml, config: only("endless-loop")).isEmpty)
        XCTAssertEqual(try validate(waiting.xml, config: only("no-path-to-end")).first?.path, ["Merge", "Review", "Merge"])
    }

    func testCamundaRulesSkipProcessesCamundaDoesNotDeploy() throws {
        let xml = RuleExample.definitions("""
        <bpmn:process id="Documentation" isExecutable="false"><bpmn:serviceTask id="Undefined" /></bpmn:process>
        <bpmn:process id="Runs" isExecutable="true" camunda:historyTimeToLive="1"><bpmn:startEvent id="S" /></bpmn:process>
        """).xml
        XCTAssertTrue(try validate(xml, config: only("camunda-service-task-implementation")).isEmpty)
    }

    func testCamundaExtensionIdsAreNotXMLIds() throws {
        let xml = RuleExample.process("""
        <bpmn:userTask id="A"><bpmn:extensionElements><camunda:formData><camunda:formField id="name" type="string" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>
        <bpmn:userTask id="B"><bpmn:extensionElements><camunda:formData><camunda:formField id="name" type="string" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>
        """).xml
        XCTAssertTrue(try validate(xml, config: only("duplicate-id")).isEmpty)
    }

    func testPresetsAndExtendsChain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{\"extends\": \"camunda7\", \"rules\": {\"no-bpmndi\": \"error\"}}".write(to: folder.appendingPathComponent("base.json"), atomically: true, encoding: .utf8)
        try "{\"extends\": \"../base.json\", \"rules\": {\"endless-loop\": \"warn\"}}".write(to: folder.appendingPathComponent("a/.bpmnrunrc.json"), atomically: true, encoding: .utf8)
        let config = try ConfigResolver().configuration(forFile: folder.appendingPathComponent("a/b/x.bpmn").path)
        XCTAssertEqual(config.level(of: "label-required"), .off, "camunda7 turns modelling rules off")
        XCTAssertEqual(config.level(of: "no-bpmndi"), .error, "the base file turns it back on")
        XCTAssertEqual(config.level(of: "endless-loop"), .warn)
        XCTAssertEqual(config.level(of: "camunda-history-time-to-live"), .error)
        let overridden = try ConfigResolver(overrides: ["endless-loop": .off]).configuration(forFile: folder.appendingPathComponent("a/b/x.bpmn").path)
        XCTAssertEqual(overridden.level(of: "endless-loop"), .off)
        // Without any file: the recommended preset.
        XCTAssertEqual(try ConfigResolver().configuration(forFile: "/x.bpmn").level(of: "label-required"), .warn)
    }

    func testCustomFormTypesFromTheConfiguration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("types-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{\"formTypes\": [\"multiSelect\"]}".write(to: folder.appendingPathComponent(".bpmnrunrc.json"), atomically: true, encoding: .utf8)
        let xml = RuleExample.process("<bpmn:userTask id=\"Pick\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"genres\" type=\"multiSelect\" /><camunda:formField id=\"n\" type=\"double\" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>").xml
        let file = folder.appendingPathComponent("p.bpmn")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let findings = try Validator(configs: try ConfigResolver()).validate([.file(file.path)]).files[0].findings
            .filter { $0.ruleId == "camunda-form-field-type" }
        XCTAssertEqual(findings.count, 1)
        XCTAssertTrue(findings[0].message.contains("unknown type 'double'"), findings[0].message)
    }

    func testRulesMarkdownListsEveryRuleAndDocsAreCurrent() throws {
        let md = RulesMarkdown.render()
        for rule in RuleRegistry.all { XCTAssertTrue(md.contains("### \(rule.id)"), rule.id) }
        let committed = try String(contentsOf: packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        XCTAssertEqual(committed, md, "docs/rules.md is out of date: run `bpmnrun validate --list-rules --format markdown > docs/rules.md`")
    }
}

import BPMNParser

/// Loads an in-memory document with the validator's index.
enum BPMNLoaderShim {
    static func load(_ xml: String) throws -> BPMNDefinitions {
        try BPMNLoader.load(data: Array(xml.utf8), fileName: "test.bpmn", collectingIndex: true)
    }
}
