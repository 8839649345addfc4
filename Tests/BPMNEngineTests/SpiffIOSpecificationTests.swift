import BPMNEngine
import BPMNModel
import BPMNPython
import XCTest

/// A called process with an `<ioSpecification>` takes only its data inputs and gives back only its
/// data outputs under the spiff dialect, as SpiffWorkflow's `CallActivity` does. Expected data from
/// SpiffWorkflow 3.2.0's own io_spec_parent.bpmn / io_spec.bpmn through ../shared/tools/spiff's oracle.
final class SpiffIOSpecificationTests: XCTestCase {
    private func script(_ id: String, _ source: String) -> String {
        "<bpmn:scriptTask id=\"\(id)\"><bpmn:script>\(xmlEscaped(source))</bpmn:script></bpmn:scriptTask>"
    }

    private func document(setData: String) -> String {
        diagram("""
            <bpmn:startEvent id="s"/>
            \(script("set", setData))
            <bpmn:callActivity id="callIt" calledElement="callee"/>
            <bpmn:endEvent id="e"/>
            \(chain("s", "set", "callIt", "e"))
            </bpmn:process>
            <bpmn:process id="callee" isExecutable="true">
            <bpmn:ioSpecification>
              <bpmn:dataInput id="in_1" name="input 1"/><bpmn:dataInput id="in_2" name="input 2"/>
              <bpmn:dataOutput id="out_1" name="output 1"/><bpmn:dataOutput id="out_2" name="output 2"/>
              <bpmn:inputSet><bpmn:dataInputRefs>in_1</bpmn:dataInputRefs><bpmn:dataInputRefs>in_2</bpmn:dataInputRefs></bpmn:inputSet>
              <bpmn:outputSet><bpmn:dataOutputRefs>out_1</bpmn:dataOutputRefs><bpmn:dataOutputRefs>out_2</bpmn:dataOutputRefs></bpmn:outputSet>
            </bpmn:ioSpecification>
            <bpmn:startEvent id="cs"/>
            \(script("work", """
                try:
                    unused
                    leaked = True
                except NameError:
                    leaked = False
                out_1, out_2, unused = -1 if leaked else in_1 * 2, in_2.upper(), False
                """))
            <bpmn:endEvent id="ce"/>
            \(chain("cs", "work", "ce"))
            """)
    }

    /// Oracle: {in_1: 1, in_2: 'hello world', unused: True, out_1: 2, out_2: 'HELLO WORLD'} — the
    /// callee's `unused = False` and anything else it set stay inside, and `unused` never went in.
    func testOnlyDeclaredInputsGoInAndOnlyDeclaredOutputsComeOut() throws {
        let h = try Harness(document: document(setData: "in_1, in_2, unused = 1, 'hello world', True"),
                            dialect: .spiff, processId: "p", options: options()).start()
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "")
        XCTAssertEqual(h.completed, ["s", "set", "cs", "work", "ce", "callIt", "e"])
        XCTAssertEqual(h.variables, ["in_1": .integer(1), "in_2": .string("hello world"), "unused": .boolean(true),
                                     "out_1": .integer(2), "out_2": .string("HELLO WORLD")])
    }

    /// SpiffWorkflow: WorkflowDataException "You are missing a required Data Input for a call activity."
    func testMissingDataInputStopsTheRunAtTheCallActivity() throws {
        let h = try Harness(document: document(setData: "in_1 = 1"), dialect: .spiff, processId: "p", options: options()).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "callIt")
        XCTAssertTrue(h.error?.message.contains("data input 'in_2'") ?? false, h.error?.message ?? "")
    }
}
