import BPMNModel
import BPMNParser
import BPMNPython
import Foundation
import XCTest

final class DialectDetectionTests: XCTestCase {
    /// A process with the given elements (flows and nodes as BPMN XML, `bpmn:` prefix).
    private func diagram(_ body: String) throws -> BPMNDefinitions {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:startEvent id="start"/>
            \(body)
          </bpmn:process>
        </bpmn:definitions>
        """
        return try BPMNLoader.load(data: Array(xml.utf8), fileName: "inline.bpmn")
    }

    private let gateway = """
        <bpmn:exclusiveGateway id="gw"/>
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw"/>
        <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
        """

    func testJUELConditionsMeanCamunda() throws {
        let decision = DialectDetector.detect(try diagram(gateway + """
            <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="e1"><bpmn:conditionExpression>${amount &gt; 500}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="no" sourceRef="gw" targetRef="e2"><bpmn:conditionExpression>#{amount &lt;= 500}</bpmn:conditionExpression></bpmn:sequenceFlow>
            """))
        XCTAssertEqual(decision.dialect, .camunda)
        XCTAssertNil(decision.conflict)
        XCTAssertEqual(decision.reason, "camunda: 2 ${...} expressions (e.g. '${amount > 500}' on yes)")
    }

    func testJavaScriptScriptsMeanCamunda() throws {
        let decision = DialectDetector.detect(try diagram("""
            <bpmn:scriptTask id="calc" scriptFormat="javascript"><bpmn:script>execution.setVariable('x', 1)</bpmn:script></bpmn:scriptTask>
            """))
        XCTAssertEqual(decision.dialect, .camunda)
        XCTAssertEqual(decision.reason, "camunda: 1 script with scriptFormat=javascript (e.g. calc)")
    }

    func testPythonConditionsAndFormatlessScriptsMeanSpiff() throws {
        let decision = DialectDetector.detect(try diagram(gateway + """
            <bpmn:scriptTask id="eval"><bpmn:script>proceed = amount &gt; 5</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="e1"><bpmn:conditionExpression>proceed == True</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="no" sourceRef="gw" targetRef="e2"><bpmn:conditionExpression>not proceed</bpmn:conditionExpression></bpmn:sequenceFlow>
            """))
        XCTAssertEqual(decision.dialect, .spiff)
        XCTAssertNil(decision.conflict)
        XCTAssertEqual(decision.reason, "spiff: 2 Python-looking conditions without ${} (e.g. 'proceed == True' on yes) "
            + "and 1 script task without scriptFormat (e.g. eval)")
    }

    func testScriptFormatPythonMeansSpiff() throws {
        let decision = DialectDetector.detect(try diagram("""
            <bpmn:scriptTask id="s" scriptFormat="python"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>
            """))
        XCTAssertEqual(decision.dialect, .spiff)
        XCTAssertEqual(decision.clues.map(\.kind), [.pythonScriptFormat])
    }

    func testNothingDialectSpecificDefaultsToCamunda() throws {
        let decision = DialectDetector.detect(try diagram("""
            <bpmn:userTask id="u"/><bpmn:sequenceFlow id="f" sourceRef="start" targetRef="u"/>
            """))
        XCTAssertEqual(decision.dialect, .camunda)
        XCTAssertTrue(decision.clues.isEmpty)
        XCTAssertTrue(decision.reason.hasPrefix("camunda: no ${...} expressions"), decision.reason)
    }

    /// SpiffWorkflow ignores assignees; a `${}` there only decides when nothing else does, and
    /// never conflicts with Python conditions.
    func testCamundaAttributesDecideOnlyAlone() throws {
        let alone = DialectDetector.detect(try diagram("""
            <bpmn:userTask id="u" camunda:assignee="${initiator}"/>
            """))
        XCTAssertEqual(alone.dialect, .camunda)
        XCTAssertEqual(alone.reason, "camunda: 1 camunda: attribute with ${...} (e.g. '${initiator}' on u)")
        let withPython = DialectDetector.detect(try diagram(gateway + """
            <bpmn:userTask id="u" camunda:assignee="${initiator}"/>
            <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="e1"><bpmn:conditionExpression>ok</bpmn:conditionExpression></bpmn:sequenceFlow>
            """))
        XCTAssertEqual(withPython.dialect, .spiff)
        XCTAssertNil(withPython.conflict)
    }

    func testJUELAndPythonConditionsConflict() throws {
        let decision = DialectDetector.detect(try diagram(gateway + """
            <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="e1"><bpmn:conditionExpression>${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="no" sourceRef="gw" targetRef="e2"><bpmn:conditionExpression>ok == False</bpmn:conditionExpression></bpmn:sequenceFlow>
            """))
        let conflict = try XCTUnwrap(decision.conflict)
        XCTAssertEqual(conflict.camunda.elementId, "yes")
        XCTAssertEqual(conflict.spiff.elementId, "no")
        XCTAssertEqual(conflict.description, "the diagram mixes Camunda 7 and SpiffWorkflow (Python) notation, which no engine runs "
            + "together: condition '${ok}' of yes is a ${...} expression (Camunda), but condition 'ok == False' of no is "
            + "Python-looking, without ${} (SpiffWorkflow). Write all expressions and scripts in one dialect, or choose one with --dialect.")
    }

    func testJavaScriptNextToPythonConditionsConflicts() throws {
        let decision = DialectDetector.detect(try diagram(gateway + """
            <bpmn:scriptTask id="js" scriptFormat="JavaScript"><bpmn:script>var x = 1;</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="e1"><bpmn:conditionExpression>x == 1</bpmn:conditionExpression></bpmn:sequenceFlow>
            """))
        let conflict = try XCTUnwrap(decision.conflict)
        XCTAssertTrue(conflict.description.contains("SpiffWorkflow would run the javascript script as Python"), conflict.description)
    }

    func testPythonScriptNextToJUELMentionsJython() throws {
        let decision = DialectDetector.detect(try diagram(gateway + """
            <bpmn:scriptTask id="py" scriptFormat="python"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="e1"><bpmn:conditionExpression>${x == 1}</bpmn:conditionExpression></bpmn:sequenceFlow>
            """))
        XCTAssertTrue(try XCTUnwrap(decision.conflict).description.contains("Jython"))
    }

    func testTimersFollowTheirNotation() throws {
        func timer(_ text: String) throws -> DialectDecision {
            DialectDetector.detect(try diagram("""
                <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>\(text)</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                """))
        }
        XCTAssertEqual(try timer("\"PT0.25S\"").clues.map(\.kind), [.pythonStringTimer])
        XCTAssertEqual(try timer("\"PT0.25S\"").dialect, .spiff)
        XCTAssertEqual(try timer("PT5M").clues.map(\.kind), [.literalTimer])
        XCTAssertEqual(try timer("${delay}").clues.map(\.kind), [.juelExpression])
        // A bare ISO timer in a Python diagram is a NameError in SpiffWorkflow: a conflict.
        let mixed = DialectDetector.detect(try diagram(gateway + """
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT5M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="e1"><bpmn:conditionExpression>ok</bpmn:conditionExpression></bpmn:sequenceFlow>
            """))
        XCTAssertEqual(mixed.conflict?.camunda.kind, .literalTimer)
    }

    func testMultiInstanceAndLoopExpressions() throws {
        let decision = DialectDetector.detect(try diagram("""
            <bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics>
              <bpmn:loopCardinality>len(items)</bpmn:loopCardinality>
              <bpmn:completionCondition>done</bpmn:completionCondition>
            </bpmn:multiInstanceLoopCharacteristics></bpmn:task>
            """))
        XCTAssertEqual(decision.dialect, .spiff)
        XCTAssertEqual(decision.clues.map(\.part), ["loopCardinality", "completionCondition"])
    }

    func testScriptTaskWithoutFormatHoldingJUELIsCamunda() throws {
        // Camunda 7 runs a script task without scriptFormat as JUEL (its conformance case
        // ScriptTaskTest.testShouldUseJuelAsDefaultScriptLanguage has `${true}`).
        let decision = DialectDetector.detect(try diagram("""
            <bpmn:scriptTask id="t"><bpmn:script>${true}</bpmn:script></bpmn:scriptTask>
            """))
        XCTAssertEqual(decision.dialect, .camunda)
        XCTAssertEqual(decision.clues.map(\.kind), [.juelExpression])
    }

    func testWholeNumberCardinalityIsNeitherDialect() throws {
        // `5` is a cardinality both engines read; next to JUEL it must not make a conflict
        // (camunda-7-to-8-migration's example-c7.bpmn has `${true}` and a cardinality of 5).
        let decision = DialectDetector.detect(try diagram("""
            <bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics>
              <bpmn:loopCardinality> 5 </bpmn:loopCardinality>
            </bpmn:multiInstanceLoopCharacteristics></bpmn:task>
            <bpmn:exclusiveGateway id="gw" />
            <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="t"><bpmn:conditionExpression>${true}</bpmn:conditionExpression></bpmn:sequenceFlow>
            """))
        XCTAssertNil(decision.conflict)
        XCTAssertEqual(decision.dialect, .camunda)
        XCTAssertEqual(decision.clues.map(\.part), ["condition"])
    }

    // MARK: The SpiffWorkflow book diagrams

    private func book(_ name: String) throws -> BPMNDefinitions {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/spiff-book")
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw XCTSkip("skipped because ../shared is absent (the spiff-book corpus lives next to the package root)")
        }
        return try BPMNLoader.load(path: root.appendingPathComponent(name).path)
    }

    func testBookAppointmentIsSpiff() throws {
        let decision = DialectDetector.detect(try book("dams_appointment.bpmn"))
        XCTAssertEqual(decision.dialect, .spiff)
        XCTAssertNil(decision.conflict)
        XCTAssertTrue(decision.reason.hasPrefix("spiff: 2 Python-looking conditions without ${} (e.g. "), decision.reason)
        XCTAssertTrue(decision.reason.contains("and 3 script tasks without scriptFormat"), decision.reason)
    }

    func testBookLoginIsSpiff() throws {
        let decision = DialectDetector.detect(try book("dams_login.bpmn"))
        XCTAssertEqual(decision.dialect, .spiff)
        XCTAssertNil(decision.conflict)
        XCTAssertTrue(decision.clues.contains { $0.elementId == "Activity_verify02b" && $0.kind == .scriptWithoutFormat })
        XCTAssertTrue(decision.clues.contains { $0.kind == .pythonExpression && $0.excerpt == "role_val == 0" })
    }

    /// The unfinished sketches have script tasks without scripts or formats: still recognisably
    /// written for SpiffWorkflow.
    func testBookSketchesAreSpiff() throws {
        for name in ["dams_signup.bpmn", "dams_doctor_diagnosis.bpmn"] {
            let decision = DialectDetector.detect(try book(name))
            XCTAssertEqual(decision.dialect, .spiff, name)
            XCTAssertNil(decision.conflict, name)
            XCTAssertTrue(decision.clues.allSatisfy { $0.kind == .scriptWithoutFormat }, name)
        }
    }

    /// Every condition and script of the book diagrams compiles under the restricted engine.
    func testBookPythonCompiles() throws {
        let engine = try PythonEngine()
        for name in ["dams_appointment.bpmn", "dams_login.bpmn"] {
            for process in try book(name).processes {
                for flow in process.flows {
                    if let condition = flow.condition { XCTAssertNil(engine.checkSyntax(expression: condition.text), flow.id) }
                }
                for node in process.nodes {
                    if let body = node.script?.body { XCTAssertNil(engine.checkSyntax(script: body), node.id) }
                }
            }
        }
    }
}
