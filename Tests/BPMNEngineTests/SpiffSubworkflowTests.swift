import BPMNEngine
import BPMNModel
import BPMNPython
import XCTest

/// Under the spiff dialect sub-processes and call activities are SpiffWorkflow subworkflows: they
/// start with a copy of the calling task's data (a parallel branch's own copy included) and their
/// end data replaces it (`bpmn/specs/mixins/subworkflow_task.py`). Expected paths and data were
/// checked against SpiffWorkflow 3.2.0 through ../shared/tools/spiff's oracle on the same diagrams.
final class SpiffSubworkflowTests: XCTestCase {
    private func script(_ id: String, _ source: String) -> String {
        "<bpmn:scriptTask id=\"\(id)\"><bpmn:script>\(xmlEscaped(source))</bpmn:script></bpmn:scriptTask>"
    }

    /// Oracle: completed … A, B, InnerStart, Compute, InnerEnd, Inner, Join …; data
    /// {x: 10, y: 11, gone: True, z: 1}: the sub-process read branch A's x, branch B kept x = 1, and
    /// `gone`, deleted inside the sub-process, comes back from branch B at the join.
    func testSubProcessInAParallelBranchReadsThatBranchsData() throws {
        let h = try Harness(document: diagram("""
            <bpmn:startEvent id="s"/>
            \(script("init", "x = 1\ngone = True"))
            <bpmn:parallelGateway id="split"/><bpmn:parallelGateway id="join"/>
            \(script("A", "x = 10"))
            <bpmn:subProcess id="Inner">
              <bpmn:startEvent id="innerStart"/>
              \(script("compute", "y = x + 1\ndel gone"))
              <bpmn:endEvent id="innerEnd"/>
              \(chain("innerStart", "compute", "innerEnd"))
            </bpmn:subProcess>
            \(script("B", "z = x"))
            <bpmn:endEvent id="e"/>
            \(chain("s", "init", "split"))\(flow("toA", "split", "A"))\(flow("toB", "split", "B"))
            \(chain("A", "Inner", "join"))\(flow("bJoin", "B", "join"))\(flow("end", "join", "e"))
            """), dialect: .spiff, options: options()).start()
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.variables, ["x": .integer(10), "y": .integer(11), "gone": .boolean(true), "z": .integer(1)])
    }

    /// Oracle: {keep: 'yes', result: 6, after: 7} — all data goes in, the callee's end data (x
    /// deleted there) comes back; no camunda:in/out needed.
    func testCallActivityCopiesAllDataInAndTheEndDataOut() throws {
        let xml = diagram("""
            <bpmn:startEvent id="s"/>
            \(script("init", "x = 2\nkeep = 'yes'"))
            <bpmn:callActivity id="callIt" calledElement="callee"/>
            \(script("after", "after = result + 1"))
            <bpmn:endEvent id="e"/>
            \(chain("s", "init", "callIt", "after", "e"))
            </bpmn:process>
            <bpmn:process id="callee" isExecutable="true">
            <bpmn:startEvent id="cs"/>
            \(script("triple", "result = x * 3\ndel x"))
            <bpmn:endEvent id="ce"/>
            \(chain("cs", "triple", "ce"))
            """)
        let h = try Harness(document: xml, dialect: .spiff, processId: "p", options: options()).start()
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.completed, ["s", "init", "cs", "triple", "ce", "callIt", "after", "e"])
        XCTAssertEqual(h.variables, ["keep": .string("yes"), "result": .integer(6), "after": .integer(7)])
    }
}
