import BPMNEngine
import BPMNModel
import BPMNPython
import XCTest

/// Under the spiff dialect, multi-instance, loop, conditional-event and timer expressions are
/// Python, as SpiffWorkflow `eval`s them. The expected paths and data were checked against
/// SpiffWorkflow 3.2.0 through ../shared/tools/spiff's oracle on the same diagrams.
final class SpiffExpressionTests: XCTestCase {
    private func script(_ id: String, _ source: String, inner: String = "") -> String {
        "<bpmn:scriptTask id=\"\(id)\">\(inner)<bpmn:script>\(xmlEscaped(source))</bpmn:script></bpmn:scriptTask>"
    }

    private func spiff(_ body: String, variables: [String: VariableValue] = [:]) throws -> Harness {
        try Harness(document: diagram(body), dialect: .spiff, options: options()).start(variables)
    }

    /// Oracle: completed Each ×2 (the condition holds after the second), Again ×3; data
    /// {items: [3, 4, 5], total: 2, count: 3} — no loop counter left in the data.
    func testCardinalityCompletionAndLoopConditionsArePython() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("init", "items = [3, 4, 5]\ntotal = 0\ncount = 0"))
            \(script("each", "total = total + 1", inner: """
                <bpmn:multiInstanceLoopCharacteristics isSequential="true">
                <bpmn:loopCardinality>len(items)</bpmn:loopCardinality>
                <bpmn:completionCondition>total &gt;= 2</bpmn:completionCondition>
                </bpmn:multiInstanceLoopCharacteristics>
                """))
            \(script("again", "count = count + 1", inner: """
                <bpmn:standardLoopCharacteristics><bpmn:loopCondition>count &lt; 3</bpmn:loopCondition></bpmn:standardLoopCharacteristics>
                """))
            <bpmn:endEvent id="e"/>
            \(chain("s", "init", "each", "again", "e"))
            """)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.completed.filter { $0 == "each" }.count, 2)
        XCTAssertEqual(h.completed.filter { $0 == "again" }.count, 3)
        XCTAssertEqual(h.variables, ["items": .array([.integer(3), .integer(4), .integer(5)]), "total": .integer(2), "count": .integer(3)])
    }

    /// Oracle (same diagram, parallel): all three instances run, each on its own copy of the data
    /// (total 0 -> 1), merged in completion order: total is 1 and the completion condition
    /// `total >= 2` never holds.
    func testParallelInstancesWorkOnTheirOwnCopiesMergedAtTheEnd() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("init", "items = [3, 4, 5]\ntotal = 0"))
            \(script("each", "total = total + 1", inner: """
                <bpmn:multiInstanceLoopCharacteristics isSequential="false">
                <bpmn:loopCardinality>len(items)</bpmn:loopCardinality>
                <bpmn:completionCondition>total &gt;= 2</bpmn:completionCondition>
                </bpmn:multiInstanceLoopCharacteristics>
                """))
            <bpmn:endEvent id="e"/>
            \(chain("s", "init", "each", "e"))
            """)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.completed.filter { $0 == "each" }.count, 3)
        XCTAssertEqual(h.variables, ["items": .array([.integer(3), .integer(4), .integer(5)]), "total": .integer(1)])
    }

    /// Oracle: a parallel multi-instance user task over `camunda:collection` with an element
    /// variable writes each instance's element back into the collection and drops the rest of the
    /// instance's data: {names: ['A', 'B', 'C']} (no `name`, no `note`).
    func testCollectionIsAlsoTheOutputOfItsInstances() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("init", "names = ['a', 'b', 'c']"))
            <bpmn:userTask id="each"><bpmn:multiInstanceLoopCharacteristics camunda:collection="names" camunda:elementVariable="name" /></bpmn:userTask>
            <bpmn:endEvent id="e"/>
            \(chain("s", "init", "each", "e"))
            """)
        try h.complete("each", ["name": .string("A"), "note": .integer(1)])
        try h.complete("each", ["name": .string("B")])
        try h.complete("each", ["name": .string("C")])
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["names": .array([.string("A"), .string("B"), .string("C")])])
    }

    /// Oracle (SpiffWorkflow's own camunda/data/parallel_multiinstance_cardinality.bpmn, the same
    /// shape): with a cardinality, camunda:collection is only the output; each instance's element
    /// is appended: output_data [1, 2, 3], no output_item left. (On a script task SpiffWorkflow
    /// 3.2.0 fails on a list cardinality with a TypeError.)
    func testCollectionNextToACardinalityCollectsTheElements() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            <bpmn:task id="each">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="output_data" camunda:elementVariable="output_item">
                <bpmn:loopCardinality>input_data</bpmn:loopCardinality>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:task>
            <bpmn:endEvent id="e"/>
            \(chain("s", "each", "e"))
            """, variables: ["input_data": .array([.integer(1), .integer(2), .integer(3)])])
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["input_data": .array([.integer(1), .integer(2), .integer(3)]),
                                     "output_data": .array([.integer(1), .integer(2), .integer(3)])])
    }

    /// SpiffWorkflow's standard_loop test (testBefore, condition false from the start): the task
    /// never runs, the data is unchanged.
    func testLoopWithTestBeforeAndFalseConditionRunsNoTime() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("again", "count = count + 1", inner: """
                <bpmn:standardLoopCharacteristics testBefore="true"><bpmn:loopCondition>count &lt; 0</bpmn:loopCondition></bpmn:standardLoopCharacteristics>
                """))
            <bpmn:endEvent id="e"/>
            \(chain("s", "again", "e"))
            """, variables: ["count": .integer(0)])
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["count": .integer(0)])
        XCTAssertTrue(h.events(.scriptFailed).isEmpty)
    }

    /// SpiffWorkflow means a cardinality that is not an int to be the input collection, but 3.2.0
    /// fails on it (`TypeError`, checked with the oracle); bpmnrun runs one instance per item.
    func testCardinalityGivingAListRunsOneInstancePerItem() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("init", "names = ['a', 'b', 'c']\nseen = []"))
            \(script("each", "seen.append(name)", inner: """
                <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:elementVariable="name">
                <bpmn:loopCardinality>[n for n in names if n != 'b']</bpmn:loopCardinality>
                </bpmn:multiInstanceLoopCharacteristics>
                """))
            <bpmn:endEvent id="e"/>
            \(chain("s", "init", "each", "e"))
            """)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables["seen"], .array([.string("a"), .string("c")]))
    }

    func testNonIntegerCardinalityFailsNamingTheElement() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("each", "x = 1", inner: "<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2.5</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>"))
            <bpmn:endEvent id="e"/>
            \(chain("s", "each", "e"))
            """)
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "each")
        XCTAssertTrue(h.error?.message.contains("non-negative int or a collection") == true, h.error?.message ?? "")
    }

    /// The timer text is a Python expression over the data (here a string built from it).
    func testTimerTextIsAPythonExpression() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            \(script("init", "minutes = 5"))
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>"PT%dM" % minutes</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="e"/>
            \(chain("s", "init", "wait", "e"))
            """)
        XCTAssertEqual(h.status, .waiting, h.error?.message ?? "")
        let due = try XCTUnwrap(h.run.nextTimerDue)
        XCTAssertEqual(due.timeIntervalSince1970 - h.run.state.clock, 300, accuracy: 0.001)
        XCTAssertTrue(try h.run.fireNextTimer())
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
    }

    /// A bare ISO literal is a NameError in SpiffWorkflow too; the message says how to write it.
    func testBareTimerLiteralSaysToQuoteIt() throws {
        let h = try spiff("""
            <bpmn:startEvent id="s"/>
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT5M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="e"/>
            \(chain("s", "wait", "e"))
            """)
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "wait")
        let message = h.error?.message ?? ""
        XCTAssertTrue(message.contains("NameError") && message.contains("\"PT5M\""), message)
    }
}
