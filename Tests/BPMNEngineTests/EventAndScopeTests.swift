import BPMNEngine
import BPMNModel
import XCTest

/// Boundary, catch and throw events, event sub-processes, timers on the virtual clock, call
/// activities, multi-instance and compensation, each checked against Camunda 7's behaviour.
final class EventAndScopeTests: XCTestCase {
    func testInterruptingTimerBoundaryCancelsTheTaskOnTheVirtualClock() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="work"/>
            <bpmn:boundaryEvent id="late" attachedToRef="work">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="done"/><bpmn:endEvent id="escalated"/>
            \(chain("work", "done"))\(flow("f0", "start", "work"))\(flow("f9", "late", "escalated"))
            """).start()
        XCTAssertEqual(h.run.pendingEvents.map(\.kind), [.timer])
        XCTAssertEqual(h.run.nextTimerDue, fixedStart.addingTimeInterval(7200))
        try h.run.advanceClock(by: 3600)
        XCTAssertEqual(h.waiting, ["work"], "one hour in, the two-hour timer has not fired")
        try h.run.advanceClock(by: 3600)
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "late", "escalated"])
        XCTAssertEqual(h.events(.activityTerminated).map(\.element), ["work"])
        XCTAssertEqual(h.run.now, fixedStart.addingTimeInterval(7200))
    }

    func testNonInterruptingCycleTimerRepeatsWhileTheTaskWaits() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="work"/>
            <bpmn:boundaryEvent id="remind" attachedToRef="work" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:scriptTask id="count" scriptFormat="javascript"><bpmn:script>execution.setVariable("n", (execution.getVariable("n") || 0) + 1)</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="done"/><bpmn:endEvent id="reminded"/>
            \(chain("start", "work", "done"))\(chain("remind", "count", "reminded"))
            """).start()
        try h.run.advanceClock(by: 5 * 3600)
        XCTAssertEqual(h.variables["n"], .integer(2), "R2 fires exactly twice")
        XCTAssertEqual(h.waiting, ["work"])
        XCTAssertTrue(h.run.pendingEvents.isEmpty)
        try h.complete("work")
        XCTAssertEqual(h.status, .completed)
    }

    func testErrorFromSubProcessIsCaughtByItsBoundaryAndCancelsTheScope() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="s1"/><bpmn:parallelGateway id="fork"/>
              <bpmn:userTask id="a"/><bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="Error_1"/></bpmn:endEvent>
              \(flow("g1", "s1", "fork"))\(flow("g2", "fork", "a"))\(flow("g3", "fork", "fail"))
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="caught" attachedToRef="sub">
              <bpmn:errorEventDefinition errorRef="Error_1" camunda:errorCodeVariable="code"/>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="ok"/><bpmn:endEvent id="handled"/>
            \(chain("start", "sub", "ok"))\(flow("f9", "caught", "handled"))
            """).start()
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "s1", "fork", "caught", "handled"])
        XCTAssertEqual(Set(h.events(.activityTerminated).compactMap(\.element)), ["a", "fail", "sub"])
        XCTAssertEqual(h.variables["code"], .string("REJECTED"))
    }

    func testUncaughtEscalationIsIgnoredAndMessageEventSubProcessRunsBeside() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:intermediateThrowEvent id="esc"><bpmn:escalationEventDefinition escalationRef="E"/></bpmn:intermediateThrowEvent>
            <bpmn:userTask id="work"/><bpmn:endEvent id="end"/>
            \(chain("start", "esc", "work", "end"))
            <bpmn:subProcess id="onNote" triggeredByEvent="true">
              <bpmn:startEvent id="noteStart" isInterrupting="false"><bpmn:messageEventDefinition messageRef="Note"/></bpmn:startEvent>
              <bpmn:userTask id="read"/><bpmn:endEvent id="noteEnd"/>
              \(chain("noteStart", "read", "noteEnd"))
            </bpmn:subProcess>
            """).start()
        XCTAssertEqual(h.waiting, ["work"])
        try h.run.deliverMessage("Note")
        XCTAssertEqual(Set(h.waiting), ["work", "read"], "non-interrupting: the main flow keeps its task")
        XCTAssertEqual(h.run.pendingEvents.map(\.name), ["Note"], "it keeps listening")
        try h.complete("work")
        XCTAssertEqual(h.status, .waiting, "the instance waits for the event sub-process")
        try h.complete("read")
        XCTAssertEqual(h.status, .completed)
    }

    func testEventBasedGatewayTakesTheFirstEventAndCancelsTheOthers() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/><bpmn:eventBasedGateway id="gw"/>
            <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="Paid"/></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
            \(flow("f1", "start", "gw"))\(flow("f2", "gw", "paid"))\(flow("f3", "gw", "timeout"))\(flow("f4", "paid", "e1"))\(flow("f5", "timeout", "e2"))
            """).start()
        XCTAssertEqual(Set(h.run.pendingEvents.map(\.kind)), [.message, .timer])
        XCTAssertEqual(h.active, ["gw"])
        try h.run.deliverMessage("Paid", variables: ["amount": .integer(10)])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "paid", "e1"])
        XCTAssertTrue(h.run.pendingEvents.isEmpty, "the timer went with the gateway")
        XCTAssertThrowsError(try h.run.deliverMessage("Paid"))
    }

    func testParallelMultiInstanceOverACollectionStopsAtTheCompletionCondition() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="review" camunda:assignee="${reviewer}">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${reviewers}" camunda:elementVariable="reviewer">
                <bpmn:completionCondition>${nrOfCompletedInstances >= 2}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:endEvent id="end"/>
            \(chain("start", "review", "end"))
            """).start(["reviewers": .array([.string("ann"), .string("ben"), .string("cy")])])
        XCTAssertEqual(h.run.waitingTasks.map(\.assignee), ["ann", "ben", "cy"])
        try h.complete("review")
        XCTAssertEqual(h.waiting.count, 2)
        try h.complete("review")
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "review", "review", "review#multiInstanceBody", "end"])
        XCTAssertNil(h.variables["loopCounter"], "loopCounter is local to each instance")
        XCTAssertNil(h.variables["nrOfInstances"], "the counters are local to the body")
    }

    func testCallActivityPassesOnlyMappedVariablesBothWays() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:callActivity id="call" calledElement="q">
              <bpmn:extensionElements>
                <camunda:in source="amount" target="input"/>
                <camunda:out sourceExpression="${result * 2}" target="doubled"/>
              </bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:endEvent id="end"/>
            \(chain("start", "call", "end"))
            </bpmn:process>
            <bpmn:process id="q" isExecutable="false">
              <bpmn:startEvent id="qs"/>
              <bpmn:scriptTask id="calc" scriptFormat="javascript"><bpmn:script>execution.setVariable("result", input + 1); execution.setVariable("sawSecret", execution.hasVariable("secret"))</bpmn:script></bpmn:scriptTask>
              <bpmn:endEvent id="qe"/>
              \(chain("qs", "calc", "qe"))
            """).start(["amount": .integer(20), "secret": .string("x")])
        XCTAssertEqual(h.status, .completed, "\(String(describing: h.error))")
        XCTAssertEqual(h.variables["doubled"], .integer(42))
        XCTAssertNil(h.variables["result"], "nothing comes back but the camunda:out mappings")
        XCTAssertEqual(h.completed, ["start", "qs", "calc", "qe", "call", "end"])
    }

    func testCompensationUndoesCompletedActivitiesNewestFirst() throws {
        func booking(_ id: String) -> String {
            """
            <bpmn:task id="\(id)"/>
            <bpmn:boundaryEvent id="\(id)Comp" attachedToRef="\(id)"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
            <bpmn:scriptTask id="undo\(id)" isForCompensation="true" scriptFormat="javascript"><bpmn:script>execution.setVariable("log", (execution.getVariable("log") || "") + "\(id);")</bpmn:script></bpmn:scriptTask>
            <bpmn:association id="a\(id)" sourceRef="\(id)Comp" targetRef="undo\(id)"/>
            """
        }
        let h = try Harness("""
            <bpmn:startEvent id="start"/>\(booking("flight"))\(booking("hotel"))
            <bpmn:intermediateThrowEvent id="undoAll"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="end"/>
            \(chain("start", "flight", "hotel", "undoAll", "end"))
            """).start()
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.variables["log"], .string("hotel;flight;"))
        XCTAssertEqual(h.completed.suffix(2), ["undoAll", "end"], "the throw event waits for its handlers")
    }

    func testTimerDefinitionsWithExpressionsAreResolvedWhenCreated() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT${minutes}M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end"/>
            \(chain("start", "wait", "end"))
            """).start(["minutes": .integer(15)])
        XCTAssertEqual(h.run.pendingEvents.first?.name, "PT15M")
        XCTAssertTrue(try h.run.fireNextTimer())
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.run.now, fixedStart.addingTimeInterval(900))
    }

    func testSavedStateOfAWaitingTimerResumesAndFires() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end"/>
            \(chain("start", "wait", "end"))
            """).start()
        let saved = try JSONDecoder().decode(InstanceState.self, from: JSONEncoder().encode(h.run.state))
        let resumed = try ProcessRun(process: h.run.process, resuming: saved, options: options())
        XCTAssertEqual(resumed.pendingEvents.map(\.element), ["wait"])
        try resumed.fireNextTimer()
        XCTAssertEqual(resumed.state.status, .completed)
    }
}
