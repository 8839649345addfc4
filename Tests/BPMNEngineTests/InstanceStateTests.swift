import BPMNEngine
import BPMNModel
import Foundation
import XCTest

/// A run's state is plain Codable data: saved as JSON in the middle of a run and resumed, the run
/// goes on exactly as it would have without the break.
final class InstanceStateTests: XCTestCase {
    /// Waits in a sub-process and at a parallel join at the same time, with variables of every type.
    let process = """
        <bpmn:startEvent id="start"/>
        <bpmn:scriptTask id="init" scriptFormat="javascript"><bpmn:script>
          execution.setVariable('count', 3);
          execution.setVariable('half', 0.5);
          execution.setVariable('order', {id: 'A-1', lines: [1, 2.5, null, true]});
        </bpmn:script></bpmn:scriptTask>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="quick"/>
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="subStart"/>
          <bpmn:userTask id="inner"/>
          <bpmn:endEvent id="subEnd"/>
          \(chain("subStart", "inner", "subEnd"))
        </bpmn:subProcess>
        <bpmn:parallelGateway id="join"/>
        <bpmn:exclusiveGateway id="route" default="toSmall"/>
        <bpmn:task id="small"/>
        <bpmn:task id="large"/>
        <bpmn:endEvent id="end"/>
        \(chain("start", "init", "fork", "quick", "join", "route"))
        \(chain("fork", "sub", "join"))
        \(flow("toLarge", "route", "large", "${ratio * count > 5}"))
        \(flow("toSmall", "route", "small"))
        \(chain("small", "end"))
        \(chain("large", "end"))
        """

    func roundTrip(_ state: InstanceState) throws -> InstanceState {
        let data = try JSONEncoder().encode(state)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: data), "the state is a JSON document")
        return try JSONDecoder().decode(InstanceState.self, from: data)
    }

    func testTheStateSurvivesJSONWithEveryType() throws {
        let h = try Harness(process).start(["ratio": .double(2), "due": .date(Date(timeIntervalSince1970: 1_798_070_400)), "nothing": nil])
        try h.complete("quick")
        let restored = try roundTrip(h.run.state)
        XCTAssertEqual(restored.processVariables, h.run.state.processVariables)
        XCTAssertEqual(restored.processVariables["ratio"], .double(2.0), "a whole double stays a double")
        XCTAssertEqual(restored.processVariables["count"], .integer(3))
        XCTAssertEqual(restored.processVariables["due"], .date(Date(timeIntervalSince1970: 1_798_070_400)))
        XCTAssertEqual(restored.processVariables["nothing"], .null)
        XCTAssertEqual(restored.tokens, h.run.state.tokens)
        XCTAssertEqual(restored.scopes, h.run.state.scopes)
        XCTAssertEqual(restored.status, .waiting)
        XCTAssertEqual(restored.seq, h.run.state.seq)
        XCTAssertEqual(restored.nextTokenId, h.run.state.nextTokenId)
    }

    func testAResumedRunContinuesIdentically() throws {
        // The same run twice: once straight through, once saved to JSON and resumed after 'quick'.
        let straight = try Harness(process).start(["ratio": .double(2)])
        try straight.complete("quick")
        let cut = straight.trace.events.count
        try straight.complete("inner")
        XCTAssertEqual(straight.status, .completed)

        let first = try Harness(process).start(["ratio": .double(2)])
        try first.complete("quick")
        XCTAssertEqual(first.active, ["join", "inner"])
        let saved = try roundTrip(first.run.state)

        let trace = InMemoryTrace()
        let resumed = try ProcessRun(process: compile(diagram(process)), resuming: saved, options: options(), trace: trace)
        XCTAssertEqual(resumed.activeElementIds, ["join", "inner"])
        XCTAssertEqual(resumed.waitingTasks.map(\.node.id), ["inner"])
        try resumed.complete(token: resumed.waitingTasks[0].token, variables: [:])

        XCTAssertEqual(resumed.state.status, .completed)
        XCTAssertEqual(trace.events, Array(straight.trace.events[cut...]), "same events, same seq numbers, same tokens")
        XCTAssertEqual(trace.completedElements, ["inner", "subEnd", "sub", "join", "route", "large", "end"])
        XCTAssertEqual(resumed.state.processVariables, straight.variables)
    }

    func testAStateFromAnotherProcessIsRefused() throws {
        let h = try Harness(process).start()
        var state = h.run.state
        state.processId = "other"
        let message = thrownMessage { _ = try ProcessRun(process: h.run.process, resuming: state) }
        XCTAssertEqual(message, "the saved state belongs to process 'other', not 'p'")
    }
}
