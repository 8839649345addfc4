import BPMNEngine
import BPMNModel
import BPMNPython
import XCTest

/// The spiff dialect's semantic choices (docs/dialects.md), each checked on a small diagram. The
/// expected values were checked against SpiffWorkflow 3.2.0 through ../shared/tools/spiff's oracle.
final class SpiffDialectTests: XCTestCase {
    /// A document with BPMNDI shapes at the given y coordinates (SpiffWorkflow orders flows by them).
    private func document(_ body: String, shapesY: [String: Int] = [:]) -> String {
        let shapes = shapesY.keys.sorted().map { id in
            "<bpmndi:BPMNShape id=\"S_\(id)\" bpmnElement=\"\(id)\"><dc:Bounds x=\"100\" y=\"\(shapesY[id]!)\" width=\"100\" height=\"80\"/></bpmndi:BPMNShape>"
        }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" \
        xmlns:camunda="\(camundaNS)" id="d" targetNamespace="t">
        <bpmn:process id="p" isExecutable="true">
        \(body)
        </bpmn:process>
        <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="p">
        \(shapes)
        </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """
    }

    private func script(_ id: String, _ source: String, attributes: String = "", extensions: String = "") -> String {
        "<bpmn:scriptTask id=\"\(id)\" \(attributes)>\(extensions)<bpmn:script>\(xmlEscaped(source))</bpmn:script></bpmn:scriptTask>"
    }

    private func spiff(_ body: String, shapesY: [String: Int] = [:], options: RunOptions = options()) throws -> Harness {
        try Harness(document: document(body, shapesY: shapesY), dialect: .spiff, options: options).start()
    }

    func testScriptsAssignAddAndDeleteVariablesAndConditionsArePython() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("one", "total = 0\nfor n in range(4):\n    total += n\nscratch = 'tmp'\nnames = ['a']\nnames.append('b')"))
            \(script("two", "del scratch\nsummary = {'total': total, 'count': len(names)}"))
            <bpmn:exclusiveGateway id="g"/>
            <bpmn:endEvent id="big"/><bpmn:endEvent id="small"/>
            \(chain("s", "one", "two", "g"))
            \(flow("toBig", "g", "big", "total > 5 and summary['count'] == 2"))
            \(flow("toSmall", "g", "small", "not total > 5"))
            """)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        // The loop variable stays, as in SpiffWorkflow: every global name the script leaves is data.
        XCTAssertEqual(h.variables, ["total": .integer(6), "n": .integer(3), "names": .array([.string("a"), .string("b")]),
                                     "summary": .object(["total": .integer(6), "count": .integer(2)])])
        XCTAssertEqual(h.completed, ["s", "one", "two", "g", "big"])
        XCTAssertEqual(h.events(.variableDeleted).compactMap { $0["variable"]?.stringValue }, ["scratch"])
    }

    func testExclusiveGatewayTakesTheTopMostTrueFlowByDiagramPosition() throws {
        // Both conditions hold; 'upper' is drawn above 'lower' although its flow comes second in the XML.
        let h = try spiff("""
            <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g"/>
            \(script("lower", "went = 'lower'"))\(script("upper", "went = 'upper'"))
            \(flow("s_g", "s", "g"))
            \(flow("toLower", "g", "lower", "True"))
            \(flow("toUpper", "g", "upper", "1 == 1"))
            """, shapesY: ["lower": 300, "upper": 80])
        XCTAssertEqual(h.variables["went"], .string("upper"))
    }

    func testExclusiveGatewayWithoutTrueConditionOrDefaultFailsInSpiffWorkflowsWords() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g"/><bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
            \(flow("s_g", "s", "g"))\(flow("a", "g", "e1", "False"))\(flow("b", "g", "e2", "[]"))
            """)
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.message, "No conditions satisfied for g")
        XCTAssertEqual(h.error?.element, "g")
        XCTAssertEqual(h.completed, ["s"], "SpiffWorkflow leaves the failing gateway unfinished")
    }

    func testResultVariableAndInputOutputParametersAreIgnored() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("t", "value = 41 + 1", attributes: "camunda:resultVariable=\"result\"",
                     extensions: "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"input\">${nothing}</camunda:inputParameter><camunda:outputParameter name=\"out\">${value}</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements>"))
            <bpmn:endEvent id="e"/>
            \(chain("s", "t", "e"))
            """)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["value": .integer(42)])
    }

    func testFormFieldsLandInTheDataUnderTheirIds() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="form"><bpmn:extensionElements><camunda:formData>\
            <camunda:formField id="age" type="long"/><camunda:formField id="name"/></camunda:formData></bpmn:extensionElements></bpmn:userTask>
            \(script("greet", "greeting = 'hi ' + name + ' ' + str(age + 1)"))
            <bpmn:endEvent id="e"/>
            \(chain("s", "form", "greet", "e"))
            """)
        try h.submit("form", ["age": .string("41"), "name": .string("Ann")])
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables["greeting"], .string("hi Ann 42"))
        XCTAssertEqual(h.variables["age"], .integer(41))
    }

    /// Each branch works on its own copy; the join starts from the branch that arrived last and
    /// merges the others into it (DeepMerge), so a value the first branch changed is lost when the
    /// last branch still has the old one — as in SpiffWorkflow.
    func testParallelBranchesRunInRoundsAndMergeAtTheJoinLikeSpiffWorkflow() throws {
        let body = """
            <bpmn:startEvent id="s"/>
            \(script("init", "x = 1\nitems = [1]\ninfo = {'k': 1}"))
            <bpmn:parallelGateway id="split"/><bpmn:parallelGateway id="join"/>
            \(script("a", "x = 2\na = 'A'\nitems.append(2)\ninfo['a'] = 1"))
            \(script("b", "b = 'B'\ninfo['b'] = 2"))
            \(script("b2", "b2 = True"))
            <bpmn:endEvent id="e"/>
            \(chain("s", "init", "split"))
            \(flow("toB", "split", "b"))\(flow("toA", "split", "a"))
            \(flow("b_b2", "b", "b2"))\(flow("b2_join", "b2", "join"))\(flow("a_join", "a", "join"))
            \(flow("join_e", "join", "e"))
            """
        let h = try spiff(body, shapesY: ["a": 100, "b": 300])
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.completed, ["s", "init", "split", "a", "b", "b2", "join", "e"])
        XCTAssertEqual(h.variables["x"], .integer(1), "branch b arrived last with the old x")
        XCTAssertEqual(h.variables["items"], .array([.integer(1)]), "DeepMerge cuts the list to the last branch's length")
        XCTAssertEqual(h.variables["info"], .object(["k": .integer(1), "a": .integer(1), "b": .integer(2)]))
        XCTAssertEqual(h.variables["a"], .string("A"))
        XCTAssertEqual(h.variables["b2"], .boolean(true))
    }

    func testFailingScriptStopsTheRunWithThePythonErrorAndItsLine() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("calc", "a = 1\nb = a / 0"))
            <bpmn:endEvent id="e"/>
            \(chain("s", "calc", "e"))
            """)
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "calc")
        let message = h.error?.message ?? ""
        XCTAssertTrue(message.contains("ZeroDivisionError"), message)
        XCTAssertTrue(message.contains("at line 2 of the script"), message)
    }

    func testRunawayScriptIsStoppedByTheTimeLimit() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("spin", "n = 0\nwhile True:\n    n += 1"))
            <bpmn:endEvent id="e"/>
            \(chain("s", "spin", "e"))
            """, options: options(scriptTimeout: 0.3))
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "spin")
        XCTAssertTrue(h.error?.message.contains("--script-timeout") == true, h.error?.message ?? "")
    }

    /// SpiffWorkflow 3.2.0 silently ends such a loop after about 330 rounds; bpmnrun runs it through.
    func testLongLoopBackToAnEarlierTaskRunsToTheEnd() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("init", "i = 0"))
            \(script("step", "i = i + 1"))
            <bpmn:exclusiveGateway id="g"/><bpmn:endEvent id="e"/>
            \(chain("s", "init", "step", "g"))
            \(flow("again", "g", "step", "i < 1000"))\(flow("done", "g", "e", "i >= 1000"))
            """)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["i": .integer(1000)])
    }

    func testUnfinishedSketchIsRefusedElementByElement() throws {
        let xml = document("""
            <bpmn:startEvent id="s"/><bpmn:scriptTask id="empty"/><bpmn:exclusiveGateway id="g"/>
            <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
            \(chain("s", "empty", "g"))\(flow("x", "g", "e1"))\(flow("y", "g", "e2", "ok =="))
            """)
        do {
            _ = try compile(xml, dialect: .spiff)
            XCTFail("the sketch compiled")
        } catch let failure as LoadFailure {
            let byElement = Dictionary(grouping: failure.diagnostics, by: { $0.elementId ?? "" })
            XCTAssertEqual(Set(byElement.keys), ["empty", "x", "y"], failure.description)
            XCTAssertTrue(byElement["empty"]![0].message.contains("No Script Provided"))
            XCTAssertTrue(byElement["y"]![0].message.contains("does not compile as Python"))
        }
    }
}
