import BPMNModel
import XCTest
@testable import BPMNParser

final class ElementTests: XCTestCase {
    func testDefinitionsAndRootElements() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:message id="M1" name="order received"/>
          <bpmn:signal id="S1" name="alarm"/>
          <bpmn:error id="E1" name="Failure" errorCode="FAIL" camunda:errorMessage="it failed"/>
          <bpmn:escalation id="X1" name="Late" escalationCode="LATE"/>
          <bpmn:collaboration id="C">
            <bpmn:participant id="Pool1" name="Shop" processRef="P1"/>
            <bpmn:participant id="Pool2" name="Customer"/>
            <bpmn:messageFlow id="MF" sourceRef="Pool2" targetRef="Pool1"/>
          </bpmn:collaboration>
          <bpmn:process id="P1" name="First"><bpmn:documentation>  Doc one  </bpmn:documentation>\
        <bpmn:documentation>two</bpmn:documentation></bpmn:process>
          <bpmn:process id="P2" isExecutable="false"/>
        """))
        XCTAssertEqual(d.fileName, "test.bpmn")
        XCTAssertEqual(d.id, "Definitions_1")
        XCTAssertEqual(d.targetNamespace, "http://bpmn.io/schema/bpmn")
        XCTAssertEqual(d.messages, [RootElement(id: "M1", name: "order received", location: SourceLocation(line: 3, column: 3))])
        XCTAssertEqual(d.signal(id: "S1")?.name, "alarm")
        XCTAssertEqual(d.error(id: "E1")?.errorCode, "FAIL")
        XCTAssertEqual(d.error(id: "E1")?.errorMessage, "it failed")
        XCTAssertEqual(d.escalation(id: "X1")?.escalationCode, "LATE")
        XCTAssertEqual(d.participants.map(\.id), ["Pool1", "Pool2"])
        XCTAssertEqual(d.participants[0].processRef, "P1")
        XCTAssertNil(d.participants[1].processRef)
        XCTAssertEqual(d.processes.map(\.id), ["P1", "P2"])
        XCTAssertNil(d.processes[0].isExecutable)
        XCTAssertEqual(d.processes[1].isExecutable, false)
        XCTAssertEqual(d.processes[0].documentation, "Doc one\n\ntwo")
        XCTAssertEqual(d.processes[0].name, "First")
        XCTAssertTrue(d.warnings.isEmpty)
    }

    func testEveryFlowNodeKind() throws {
        let inner = FlowNodeKind.allCases.map { "<bpmn:\($0.rawValue) id=\"n_\($0.rawValue)\"/>" }.joined(separator: "\n")
        let d = try loadXML(camundaDoc("<bpmn:process id=\"P\">\n\(inner)\n</bpmn:process>"))
        XCTAssertEqual(d.processes[0].nodes.map(\.kind), FlowNodeKind.allCases)
        XCTAssertEqual(d.processes[0].nodes.map(\.id), FlowNodeKind.allCases.map { "n_\($0.rawValue)" })
    }

    func testNestedSubProcessesBoundaryEventsAndFlows() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:process id="P" isExecutable="true">
            <bpmn:startEvent id="Start"/>
            <bpmn:subProcess id="Sub">
              <bpmn:startEvent id="SubStart"/>
              <bpmn:transaction id="Tx">
                <bpmn:userTask id="Deep"/>
              </bpmn:transaction>
              <bpmn:sequenceFlow id="SF1" sourceRef="SubStart" targetRef="Tx"/>
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="B1" attachedToRef="Sub"><bpmn:errorEventDefinition errorRef="Err"/></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="B2" attachedToRef="Deep" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDuration>  PT5M </bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="B3" attachedToRef="Missing"/>
            <bpmn:subProcess id="EvtSub" triggeredByEvent="true">
              <bpmn:startEvent id="EvtStart" isInterrupting="false"><bpmn:signalEventDefinition signalRef="Sig"/></bpmn:startEvent>
            </bpmn:subProcess>
            <bpmn:adHocSubProcess id="AdHoc"><bpmn:task id="Free"/></bpmn:adHocSubProcess>
            <bpmn:exclusiveGateway id="G" default="Fdef" gatewayDirection="Diverging"/>
            <bpmn:endEvent id="End"/>
            <bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="Sub"/>
            <bpmn:sequenceFlow id="F1" name="go" sourceRef="Sub" targetRef="G"/>
            <bpmn:sequenceFlow id="Fdef" sourceRef="G" targetRef="End"/>
            <bpmn:sequenceFlow id="Fc" sourceRef="G" targetRef="End">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                ${x &gt; 1 &amp;&amp; y}
              </bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Fbad" sourceRef="G" targetRef="Nowhere"/>
          </bpmn:process>
        """))
        let p = d.processes[0]
        XCTAssertEqual(p.nodes.map(\.id), ["Start", "Sub", "SubStart", "Tx", "Deep", "B1", "B2", "B3", "EvtSub", "EvtStart",
                                           "AdHoc", "Free", "G", "End"])
        let sub = p.nodeIndex(of: "Sub")!, tx = p.nodeIndex(of: "Tx")!, deep = p.nodeIndex(of: "Deep")!
        XCTAssertEqual(p.nodes[sub].children, [p.nodeIndex(of: "SubStart")!, tx])
        XCTAssertEqual(p.nodes[tx].children, [deep])
        XCTAssertEqual(p.nodes[deep].parent, tx)
        XCTAssertEqual(p.nodes[tx].parent, sub)
        XCTAssertNil(p.nodes[sub].parent)
        XCTAssertEqual(p.topLevelNodes.map { p.nodes[$0].id }, ["Start", "Sub", "B1", "B2", "B3", "EvtSub", "AdHoc", "G", "End"])
        XCTAssertEqual(p.nodes[p.nodeIndex(of: "Free")!].parent, p.nodeIndex(of: "AdHoc"))

        // flows inside the sub-process are linked too
        let sf1 = p.flowIndex(of: "SF1")!
        XCTAssertEqual(p.flows[sf1].target, tx)
        XCTAssertEqual(p.nodes[tx].incoming, [sf1])

        // boundary events
        let b1 = p.node(id: "B1")!, b2 = p.node(id: "B2")!, b3 = p.node(id: "B3")!
        XCTAssertEqual(b1.attachedTo, sub)
        XCTAssertTrue(b1.cancelActivity)
        XCTAssertEqual(b1.eventDefinitions.first?.kind, .error)
        XCTAssertEqual(b1.eventDefinitions.first?.ref, "Err")
        XCTAssertEqual(b2.attachedTo, deep)
        XCTAssertFalse(b2.cancelActivity)
        XCTAssertEqual(b2.eventDefinitions.first?.timeDuration?.text, "PT5M")
        XCTAssertEqual(b2.eventDefinitions.first?.timeDuration?.location.line, 14)
        XCTAssertNil(b3.attachedTo)
        XCTAssertEqual(b3.attachedToRef, "Missing")
        XCTAssertEqual(p.nodes[sub].boundaryEvents, [p.nodeIndex(of: "B1")!])
        XCTAssertEqual(p.nodes[deep].boundaryEvents, [p.nodeIndex(of: "B2")!])

        // event sub-process
        XCTAssertTrue(p.node(id: "EvtSub")!.triggeredByEvent)
        XCTAssertFalse(p.node(id: "Sub")!.triggeredByEvent)
        XCTAssertFalse(p.node(id: "EvtStart")!.isInterrupting)
        XCTAssertTrue(p.node(id: "Start")!.isInterrupting)
        XCTAssertEqual(p.node(id: "EvtStart")!.eventDefinitions.first?.ref, "Sig")

        // gateway: outgoing in document order, default resolved, condition trimmed with entities decoded
        let g = p.node(id: "G")!
        XCTAssertEqual(g.gatewayDirection, "Diverging")
        XCTAssertEqual(g.outgoing.map { p.flows[$0].id }, ["Fdef", "Fc", "Fbad"])
        XCTAssertEqual(g.incoming.map { p.flows[$0].id }, ["F1"])
        XCTAssertEqual(g.defaultFlowId, "Fdef")
        XCTAssertEqual(g.defaultFlow, p.flowIndex(of: "Fdef"))
        let fc = p.flow(id: "Fc")!
        XCTAssertEqual(fc.condition?.text, "${x > 1 && y}")
        XCTAssertNil(fc.condition?.language)
        XCTAssertEqual(fc.condition?.location, SourceLocation(line: 27, column: 7))
        XCTAssertEqual(p.flow(id: "F1")?.name, "go")
        XCTAssertNil(p.flow(id: "Fbad")?.target)
        XCTAssertEqual(p.flow(id: "Fbad")?.source, p.nodeIndex(of: "G"))
        XCTAssertEqual(p.node(id: "End")!.incoming.map { p.flows[$0].id }, ["Fdef", "Fc"])
    }

    func testDefaultFlowNotAmongOutgoingIsNotResolved() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:process id="P">
            <bpmn:exclusiveGateway id="G" default="Other"/>
            <bpmn:task id="A"/><bpmn:task id="B"/>
            <bpmn:sequenceFlow id="Other" sourceRef="A" targetRef="B"/>
          </bpmn:process>
        """))
        let g = d.processes[0].node(id: "G")!
        XCTAssertEqual(g.defaultFlowId, "Other")
        XCTAssertNil(g.defaultFlow)
    }

    func testEventDefinitions() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:process id="P">
            <bpmn:startEvent id="T1"><bpmn:timerEventDefinition id="TD"><bpmn:timeDate>2030-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:intermediateCatchEvent id="T2"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT10H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="C1"><bpmn:conditionalEventDefinition camunda:variableName="x" camunda:variableEvents="create">
              <bpmn:condition xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${x == 1}</bpmn:condition>
            </bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:intermediateThrowEvent id="L1"><bpmn:linkEventDefinition name="toB"/></bpmn:intermediateThrowEvent>
            <bpmn:intermediateThrowEvent id="Comp"><bpmn:compensateEventDefinition activityRef="A" waitForCompletion="false"/></bpmn:intermediateThrowEvent>
            <bpmn:intermediateThrowEvent id="Esc"><bpmn:escalationEventDefinition escalationRef="X1"/></bpmn:intermediateThrowEvent>
            <bpmn:intermediateThrowEvent id="Sig"><bpmn:signalEventDefinition signalRef="S1">
              <bpmn:extensionElements><camunda:in variables="all"/></bpmn:extensionElements>
            </bpmn:signalEventDefinition></bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="Msg"><bpmn:messageEventDefinition messageRef="M1" camunda:class="org.Send"/></bpmn:endEvent>
            <bpmn:endEvent id="Term"><bpmn:terminateEventDefinition/></bpmn:endEvent>
            <bpmn:endEvent id="Cancel"><bpmn:cancelEventDefinition/></bpmn:endEvent>
            <bpmn:boundaryEvent id="Err" attachedToRef="A"><bpmn:errorEventDefinition errorRef="E1" camunda:errorCodeVariable="code" camunda:errorMessageVariable="msg"/></bpmn:boundaryEvent>
            <bpmn:endEvent id="None"/>
            <bpmn:task id="A"/>
          </bpmn:process>
        """))
        let p = d.processes[0]
        let t1 = p.node(id: "T1")!.eventDefinitions[0]
        XCTAssertEqual(t1.kind, .timer)
        XCTAssertEqual(t1.id, "TD")
        XCTAssertEqual(t1.timeDate?.text, "2030-01-01T00:00:00Z")
        XCTAssertNil(t1.timeCycle)
        XCTAssertEqual(p.node(id: "T2")!.eventDefinitions[0].timeCycle?.text, "R3/PT10H")
        let c1 = p.node(id: "C1")!.eventDefinitions[0]
        XCTAssertEqual(c1.kind, .conditional)
        XCTAssertEqual(c1.condition?.text, "${x == 1}")
        XCTAssertEqual(c1.camundaAttributes, ["variableName": "x", "variableEvents": "create"])
        XCTAssertEqual(p.node(id: "L1")!.eventDefinitions[0].linkName, "toB")
        let comp = p.node(id: "Comp")!.eventDefinitions[0]
        XCTAssertEqual(comp.ref, "A")
        XCTAssertEqual(comp.waitForCompletion, false)
        XCTAssertEqual(p.node(id: "Esc")!.eventDefinitions[0].ref, "X1")
        XCTAssertEqual(p.node(id: "Sig")!.eventDefinitions[0].kind, .signal)
        XCTAssertEqual(p.node(id: "Sig")!.extensions.inMappings, [VariableMapping(allVariables: true, location: SourceLocation(line: 13, column: 31))])
        let msg = p.node(id: "Msg")!.eventDefinitions[0]
        XCTAssertEqual(msg.ref, "M1")
        XCTAssertEqual(msg.camundaAttributes["class"], "org.Send")
        XCTAssertEqual(p.node(id: "Term")!.eventDefinitions.map(\.kind), [.terminate])
        XCTAssertEqual(p.node(id: "Cancel")!.eventDefinitions.map(\.kind), [.cancel])
        let err = p.node(id: "Err")!.eventDefinitions[0]
        XCTAssertEqual(err.camundaAttributes["errorCodeVariable"], "code")
        XCTAssertEqual(err.camundaAttributes["errorMessageVariable"], "msg")
        XCTAssertEqual(p.node(id: "None")!.eventDefinitions, [])
    }

    func testTasksAttributesAndLoops() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:process id="P">
            <bpmn:serviceTask id="S" implementation="##WebService" camunda:class="org.Foo" camunda:asyncBefore="true" isForCompensation="true"/>
            <bpmn:sendTask id="Send" messageRef="M1"/>
            <bpmn:callActivity id="Call" calledElement="child" camunda:calledElementBinding="latest"/>
            <bpmn:userTask id="U" name="Review">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="${items}" camunda:elementVariable="item">
                <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"> 3 </bpmn:loopCardinality>
                <bpmn:completionCondition>${nrOfCompletedInstances == 2}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:task id="Std">
              <bpmn:multiInstanceLoopCharacteristics>
                <bpmn:loopDataInputRef>assignees</bpmn:loopDataInputRef>
                <bpmn:inputDataItem name="assignee"/>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:task>
            <bpmn:task id="Loop">
              <bpmn:standardLoopCharacteristics testBefore="true" loopMaximum="4"><bpmn:loopCondition>${again}</bpmn:loopCondition></bpmn:standardLoopCharacteristics>
            </bpmn:task>
          </bpmn:process>
        """))
        let p = d.processes[0]
        let s = p.node(id: "S")!
        XCTAssertEqual(s.implementation, "##WebService")
        XCTAssertEqual(s.camundaAttributes, ["class": "org.Foo", "asyncBefore": "true"])
        XCTAssertTrue(s.isForCompensation)
        XCTAssertEqual(p.node(id: "Send")!.messageRef, "M1")
        XCTAssertEqual(p.node(id: "Call")!.calledElement, "child")
        XCTAssertEqual(p.node(id: "Call")!.camunda("calledElementBinding"), "latest")
        let mi = try XCTUnwrap(p.node(id: "U")!.multiInstance)
        XCTAssertTrue(mi.isSequential)
        XCTAssertEqual(mi.loopCardinality?.text, "3")
        XCTAssertEqual(mi.completionCondition?.text, "${nrOfCompletedInstances == 2}")
        XCTAssertEqual(mi.collection, "${items}")
        XCTAssertEqual(mi.elementVariable, "item")
        XCTAssertEqual(mi.location, SourceLocation(line: 8, column: 7))
        let std = try XCTUnwrap(p.node(id: "Std")!.multiInstance)
        XCTAssertFalse(std.isSequential)
        XCTAssertEqual(std.loopDataInputRef, "assignees")
        XCTAssertEqual(std.inputDataItem, "assignee")
        XCTAssertNil(std.loopCardinality)
        let loop = try XCTUnwrap(p.node(id: "Loop")!.standardLoop)
        XCTAssertEqual(loop.loopCondition?.text, "${again}")
        XCTAssertTrue(loop.testBefore)
        XCTAssertEqual(loop.loopMaximum, 4)
        XCTAssertNil(p.node(id: "Loop")!.multiInstance)
    }

    func testScriptTasksKeepTextExactly() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:process id="P">
            <bpmn:scriptTask id="Cdata" scriptFormat="javascript" camunda:resultVariable="r">
              <bpmn:script><![CDATA[if (a < b && c > d) {
          x = "<tag>";
        }
        ]]></bpmn:script>
            </bpmn:scriptTask>
            <bpmn:scriptTask id="Text" scriptFormat="groovy"><bpmn:script>  a &lt; b &amp;&amp; "&#x263A;"  </bpmn:script></bpmn:scriptTask>
            <bpmn:scriptTask id="Mixed" scriptFormat="js"><bpmn:script>one<![CDATA[<two>]]>three</bpmn:script></bpmn:scriptTask>
            <bpmn:scriptTask id="Ext" scriptFormat="python" camunda:resource="deployment://x.py"/>
          </bpmn:process>
        """))
        let p = d.processes[0]
        let cdata = try XCTUnwrap(p.node(id: "Cdata")!.script)
        XCTAssertEqual(cdata.format, "javascript")
        XCTAssertEqual(cdata.body, "if (a < b && c > d) {\n  x = \"<tag>\";\n}\n")
        XCTAssertEqual(cdata.location, SourceLocation(line: 5, column: 7))
        XCTAssertEqual(p.node(id: "Cdata")!.camunda("resultVariable"), "r")
        XCTAssertEqual(p.node(id: "Text")!.script?.body, "  a < b && \"\u{263A}\"  ")
        XCTAssertEqual(p.node(id: "Mixed")!.script?.body, "one<two>three")
        let ext = try XCTUnwrap(p.node(id: "Ext")!.script)
        XCTAssertNil(ext.body)
        XCTAssertEqual(ext.resource, "deployment://x.py")
        XCTAssertEqual(ext.format, "python")
        XCTAssertNil(p.node(id: "Cdata")!.multiInstance)
    }

    func testEntitiesInAttributes() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:process id="P" name="a &amp; b &lt;c&gt; &#65;&#x42; &quot;q&quot; &apos;s">
            <bpmn:serviceTask id="T" camunda:expression="${a &amp;&amp; b || c &lt; 2}" name="line&#10;break"/>
          </bpmn:process>
        """))
        let p = d.processes[0]
        XCTAssertEqual(p.name, "a & b <c> AB \"q\" 's")
        XCTAssertEqual(p.nodes[0].camunda("expression"), "${a && b || c < 2}")
        XCTAssertEqual(p.nodes[0].name, "line\nbreak")
    }

    func testMissingIdsGetPlaceholdersAndDuplicatesKeepFirst() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:process id="P">
            <bpmn:task id="A" name="first"/>
            <bpmn:task id="A" name="second"/>
            <bpmn:task name="anonymous"/>
            <bpmn:sequenceFlow sourceRef="A" targetRef="A"/>
          </bpmn:process>
        """))
        let p = d.processes[0]
        XCTAssertEqual(p.nodes.count, 3)
        XCTAssertEqual(p.node(id: "A")?.name, "first")
        XCTAssertEqual(p.nodes[2].id, "task@6:5")
        XCTAssertEqual(p.flows[0].id, "sequenceFlow@7:5")
        XCTAssertEqual(p.flows[0].source, 0)
        XCTAssertEqual(p.nodes[0].outgoing, [0])
        XCTAssertEqual(p.nodes[1].outgoing, [])
        XCTAssertEqual(d.warnings.map(\.elementId), ["task@6:5", "sequenceFlow@7:5"])
        XCTAssertEqual(d.warnings.map(\.location.line), [6, 7])
    }

    func testLocationsOfSeveralElements() throws {
        // Multi-line start tags report where the tag begins; columns count characters (ä is one).
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn2:definitions
            xmlns:bpmn2="\(bpmnNS)"
            id="d">
          <bpmn2:process id="P"><bpmn2:startEvent id="S" name="ä"/>  <bpmn2:endEvent id="E"/>
        \t<bpmn2:userTask
              id="U"
              name="multi-line"/>
          </bpmn2:process>
        </bpmn2:definitions>
        """
        let d = try loadXML(xml)
        let p = d.processes[0]
        XCTAssertEqual(p.location, SourceLocation(line: 5, column: 3))
        XCTAssertEqual(p.node(id: "S")?.location, SourceLocation(line: 5, column: 25))
        XCTAssertEqual(p.node(id: "E")?.location, SourceLocation(line: 5, column: 62))
        XCTAssertEqual(p.node(id: "U")?.location, SourceLocation(line: 6, column: 2))
    }
}
