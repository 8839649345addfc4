import BPMNEngine
import BPMNModel
import BPMNPython
import XCTest

/// Joins that SpiffWorkflow lets go on before every incoming flow has delivered a token
/// (docs/dialects.md, "Joins"); outcomes checked against SpiffWorkflow 3.2.0 through the oracle
/// (SpiffWorkflow's own tests gateway_loop_input.bpmn and Parallel-One-Path-Ends.bpmn20.xml).
final class SpiffJoinTests: XCTestCase {
    private func run(_ body: String, dialect: Dialect = .spiff) throws -> Harness {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="\(camundaNS)" id="d" targetNamespace="t">
        <bpmn:process id="p" isExecutable="true">
        \(body)
        </bpmn:process>
        </bpmn:definitions>
        """
        return try Harness(document: xml, dialect: dialect, options: options()).start()
    }

    private func script(_ id: String, _ source: String) -> String {
        "<bpmn:scriptTask id=\"\(id)\"><bpmn:script>\(xmlEscaped(source))</bpmn:script></bpmn:scriptTask>"
    }

    /// A parallel gateway that is also the loop's merge point: its second input comes back from
    /// behind it, so SpiffWorkflow does not wait for it (x ends at 2 after two rounds).
    private let loopThroughParallelGateway = """
        <bpmn:startEvent id="s"/>
        <bpmn:scriptTask id="set"><bpmn:script>x = 0</bpmn:script></bpmn:scriptTask>
        <bpmn:parallelGateway id="join"/>
        <bpmn:scriptTask id="increment"><bpmn:script>x += 1</bpmn:script></bpmn:scriptTask>
        <bpmn:exclusiveGateway id="again" default="toEnd"/>
        <bpmn:task id="back"/>
        <bpmn:endEvent id="e"/>
        \(chain("s", "set", "join", "increment", "again"))
        \(flow("toEnd", "again", "e"))
        \(flow("toBack", "again", "back", "x < 2"))
        \(flow("back_join", "back", "join"))
        """

    func testParallelJoinThatIsALoopsMergePointDoesNotWaitForTheLoopBackInput() throws {
        let h = try run(loopThroughParallelGateway)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "waiting at \(h.waiting)")
        XCTAssertEqual(h.completed, ["s", "set", "join", "increment", "again", "back", "join", "increment", "again", "e"])
        XCTAssertEqual(h.variables["x"], .integer(2))
    }

    func testUnderCamundaTheSameParallelJoinWaitsForBothInputs() throws {
        let h = try run(loopThroughParallelGateway.replacingOccurrences(of: "x < 2", with: "${x < 2}")
            .replacingOccurrences(of: "<bpmn:scriptTask id=\"set\">", with: "<bpmn:scriptTask id=\"set\" scriptFormat=\"javascript\">")
            .replacingOccurrences(of: "<bpmn:scriptTask id=\"increment\">", with: "<bpmn:scriptTask id=\"increment\" scriptFormat=\"javascript\">"),
            dialect: .camunda)
        XCTAssertEqual(h.status, .waiting)
        XCTAssertEqual(h.completed, ["s", "set"])
    }

    func testParallelJoinWhoseOtherBranchWasDroppedByAChoiceStillWaits() throws {
        // No loop: SpiffWorkflow waits for ever here too (the dropped branch never completes).
        let h = try run("""
            <bpmn:startEvent id="s"/><bpmn:parallelGateway id="split"/><bpmn:task id="a"/>
            <bpmn:exclusiveGateway id="choice"/><bpmn:task id="b"/><bpmn:endEvent id="elsewhere"/>
            <bpmn:parallelGateway id="join"/><bpmn:endEvent id="e"/>
            \(chain("s", "split", "a", "join", "e"))
            \(flow("split_choice", "split", "choice"))
            \(flow("toB", "choice", "b", "False"))\(flow("b_join", "b", "join"))
            \(flow("toElsewhere", "choice", "elsewhere", "True"))
            """)
        XCTAssertEqual(h.status, .waiting)
        XCTAssertFalse(h.completed.contains("e"))
    }

    func testInclusiveJoinIsReleasedWhenTheOtherBranchEndsElsewhere() throws {
        // The branch through 'a' reaches the join first; once the choice sends the other branch
        // to 'no', nothing else can reach the join, and it fires before 'no' runs (SpiffWorkflow's
        // Parallel-One-Path-Ends: ... E205 4029 8FFE F3A9 5181).
        let h = try run("""
            <bpmn:startEvent id="s"/><bpmn:parallelGateway id="split"/><bpmn:task id="a"/>
            \(script("choose", "choice = 'No'"))
            <bpmn:exclusiveGateway id="choice"/><bpmn:task id="yes"/><bpmn:endEvent id="no"/>
            <bpmn:inclusiveGateway id="join"/><bpmn:task id="done"/><bpmn:endEvent id="e"/>
            \(chain("s", "split", "a", "join", "done", "e"))
            \(flow("split_choose", "split", "choose"))\(flow("choose_choice", "choose", "choice"))
            \(flow("toYes", "choice", "yes", "choice == 'Yes'"))\(flow("yes_join", "yes", "join"))
            \(flow("toNo", "choice", "no", "choice == 'No'"))
            """)
        XCTAssertEqual(h.status, .completed, h.error?.message ?? "waiting at \(h.waiting)")
        XCTAssertEqual(Array(h.completed.suffix(5)), ["choice", "join", "no", "done", "e"])
    }
}
