import BPMNModel
import XCTest
@testable import BPMNParser

final class ExtensionTests: XCTestCase {
    func testFormDataWithEverything() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:process id="P">
            <bpmn:userTask id="U" camunda:formKey="embedded:app:forms/review.html" camunda:assignee="${starter}">
              <bpmn:extensionElements>
                <camunda:formData businessKey="orderId">
                  <camunda:formField id="orderId" label="Order" type="string" defaultValue="${id}">
                    <camunda:validation>
                      <camunda:constraint name="required"/>
                      <camunda:constraint name="maxlength" config="10"/>
                    </camunda:validation>
                    <camunda:properties><camunda:property id="hint" value="the number"/></camunda:properties>
                  </camunda:formField>
                  <camunda:formField id="color" label="Colour" type="enum">
                    <camunda:value id="r" name="Red"/>
                    <camunda:value id="g" name="Green"/>
                  </camunda:formField>
                  <camunda:formField id="due" type="date" datePattern="yyyy-MM-dd"/>
                </camunda:formData>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:startEvent id="S" camunda:formKey="start.html"/>
          </bpmn:process>
        """))
        let u = d.processes[0].node(id: "U")!
        let form = try XCTUnwrap(u.form)
        XCTAssertEqual(form.formKey, "embedded:app:forms/review.html")
        XCTAssertEqual(form.businessKey, "orderId")
        XCTAssertFalse(form.isLegacyFormProperties)
        XCTAssertEqual(form.location, SourceLocation(line: 6, column: 9))
        XCTAssertEqual(form.fields.map(\.id), ["orderId", "color", "due"])
        let f0 = form.fields[0]
        XCTAssertEqual(f0.label, "Order")
        XCTAssertEqual(f0.type, "string")
        XCTAssertEqual(f0.defaultValue, "${id}")
        XCTAssertEqual(f0.constraints, [NameValue(name: "required", value: nil), NameValue(name: "maxlength", value: "10")])
        XCTAssertEqual(f0.constraint("required"), "")
        XCTAssertEqual(f0.constraint("maxlength"), "10")
        XCTAssertEqual(f0.properties, [NameValue(name: "hint", value: "the number")])
        XCTAssertEqual(f0.location, SourceLocation(line: 7, column: 11))
        XCTAssertEqual(form.fields[1].enumValues, [NameValue(name: "r", value: "Red"), NameValue(name: "g", value: "Green")])
        XCTAssertEqual(form.fields[2].datePattern, "yyyy-MM-dd")
        XCTAssertNil(form.fields[2].label)
        XCTAssertEqual(u.camunda("assignee"), "${starter}")

        let s = d.processes[0].node(id: "S")!
        XCTAssertEqual(s.form, FormSpec(formKey: "start.html", location: s.location))
    }

    func testLegacyFormProperties() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:process id="P">
            <bpmn:userTask id="U">
              <bpmn:extensionElements>
                <camunda:formProperty id="amount" name="Amount" type="long" required="true" default="5"/>
                <camunda:formProperty id="ro" name="Shown" type="string" writable="false"/>
                <camunda:formProperty id="kind" type="enum">
                  <camunda:value id="a" name="Option A"/>
                  <camunda:value id="b" name="Option B"/>
                </camunda:formProperty>
              </bpmn:extensionElements>
            </bpmn:userTask>
          </bpmn:process>
        """))
        let form = try XCTUnwrap(d.processes[0].nodes[0].form)
        XCTAssertTrue(form.isLegacyFormProperties)
        XCTAssertNil(form.formKey)
        XCTAssertEqual(form.location, SourceLocation(line: 6, column: 9))
        XCTAssertEqual(form.fields.count, 3)
        XCTAssertEqual(form.fields[0], FormField(id: "amount", label: "Amount", type: "long", defaultValue: "5",
                                                 constraints: [NameValue(name: "required", value: nil)],
                                                 location: SourceLocation(line: 6, column: 9)))
        XCTAssertEqual(form.fields[1].constraints, [NameValue(name: "readonly", value: nil)])
        XCTAssertNil(form.fields[1].constraint("required"))
        XCTAssertEqual(form.fields[2].enumValues.map(\.value), ["Option A", "Option B"])
        XCTAssertNil(form.fields[2].label)
    }

    func testInputOutputWithTextListMapScript() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:process id="P">
            <bpmn:serviceTask id="T" camunda:type="external" camunda:topic="work">
              <bpmn:extensionElements>
                <camunda:connector>
                  <camunda:inputOutput><camunda:inputParameter name="connectorOnly">x</camunda:inputParameter></camunda:inputOutput>
                  <camunda:connectorId>http-connector</camunda:connectorId>
                </camunda:connector>
                <camunda:inputOutput>
                  <camunda:inputParameter name="plain">  ${a + 1}  </camunda:inputParameter>
                  <camunda:inputParameter name="empty"></camunda:inputParameter>
                  <camunda:inputParameter name="list">
                    <camunda:list>
                      <camunda:value>one</camunda:value>
                      <camunda:value>${two}</camunda:value>
                      <camunda:list><camunda:value>nested</camunda:value></camunda:list>
                    </camunda:list>
                  </camunda:inputParameter>
                  <camunda:inputParameter name="map">
                    <camunda:map>
                      <camunda:entry key="k1">v1</camunda:entry>
                      <camunda:entry key="k2"><camunda:list><camunda:value>x</camunda:value></camunda:list></camunda:entry>
                    </camunda:map>
                  </camunda:inputParameter>
                  <camunda:inputParameter name="scripted">
                    <camunda:script scriptFormat="groovy"><![CDATA[ sum = a + b ]]></camunda:script>
                  </camunda:inputParameter>
                  <camunda:outputParameter name="out">${result}</camunda:outputParameter>
                  <camunda:outputParameter name="ext"><camunda:script scriptFormat="js" resource="classpath://s.js"/></camunda:outputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
          </bpmn:process>
        """))
        let x = d.processes[0].nodes[0].extensions
        XCTAssertEqual(x.inputParameters.map(\.name), ["plain", "empty", "list", "map", "scripted"])
        XCTAssertEqual(x.inputParameters[0].value, .text("${a + 1}"))
        XCTAssertEqual(x.inputParameters[0].location, SourceLocation(line: 11, column: 11))
        XCTAssertEqual(x.inputParameters[1].value, IOValue.none)
        XCTAssertEqual(x.inputParameters[2].value, .list([.text("one"), .text("${two}"), .list([.text("nested")])]))
        XCTAssertEqual(x.inputParameters[3].value, .map([(key: "k1", value: .text("v1")), (key: "k2", value: .list([.text("x")]))]))
        guard case .script(let s) = x.inputParameters[4].value else { return XCTFail("expected a script") }
        XCTAssertEqual(s.format, "groovy")
        XCTAssertEqual(s.body, " sum = a + b ")
        XCTAssertEqual(s.location, SourceLocation(line: 27, column: 13))
        XCTAssertEqual(x.outputParameters.map(\.name), ["out", "ext"])
        XCTAssertEqual(x.outputParameters[0].value, .text("${result}"))
        guard case .script(let e) = x.outputParameters[1].value else { return XCTFail("expected a script") }
        XCTAssertEqual(e.resource, "classpath://s.js")
        XCTAssertNil(e.body)
        XCTAssertEqual(d.processes[0].nodes[0].camunda("topic"), "work")
    }

    func testListenersMappingsFieldsProperties() throws {
        let d = try loadXML(camundaDoc("""
          <bpmn:process id="P">
            <bpmn:extensionElements>
              <camunda:executionListener class="org.Start" event="start"/>
              <camunda:properties><camunda:property name="owner" value="team-a"/></camunda:properties>
            </bpmn:extensionElements>
            <bpmn:callActivity id="C" calledElement="child">
              <bpmn:extensionElements>
                <camunda:in source="a" target="b"/>
                <camunda:in sourceExpression="${x + 1}" target="y" local="true"/>
                <camunda:in businessKey="${execution.processBusinessKey}"/>
                <camunda:in variables="all"/>
                <camunda:out variables="all" local="true"/>
                <camunda:executionListener expression="${log.end()}" event="end"/>
                <camunda:executionListener event="start"><camunda:script scriptFormat="javascript">print(1)</camunda:script></camunda:executionListener>
              </bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:userTask id="U">
              <bpmn:extensionElements>
                <camunda:taskListener delegateExpression="${notifier}" event="create"/>
                <camunda:taskListener event="complete"/>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:serviceTask id="S" camunda:class="org.Mail">
              <bpmn:extensionElements>
                <camunda:field name="to" stringValue="a@b.c"/>
                <camunda:field name="subject" expression="${subject}"/>
                <camunda:field name="body"><camunda:string>Hello</camunda:string></camunda:field>
                <camunda:field name="cc"><camunda:expression>${cc}</camunda:expression></camunda:field>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="F" sourceRef="C" targetRef="U">
              <bpmn:extensionElements><camunda:executionListener class="org.Take" event="take"/></bpmn:extensionElements>
            </bpmn:sequenceFlow>
          </bpmn:process>
        """))
        let p = d.processes[0]
        XCTAssertEqual(p.extensions.executionListeners.map(\.implementation), [.javaClass("org.Start")])
        XCTAssertEqual(p.extensions.executionListeners.first?.event, "start")
        XCTAssertEqual(p.extensions.properties, [NameValue(name: "owner", value: "team-a")])

        let c = p.node(id: "C")!.extensions
        XCTAssertEqual(c.inMappings.count, 4)
        XCTAssertEqual(c.inMappings[0].source, "a")
        XCTAssertEqual(c.inMappings[0].target, "b")
        XCTAssertFalse(c.inMappings[0].local)
        XCTAssertEqual(c.inMappings[1].sourceExpression, "${x + 1}")
        XCTAssertTrue(c.inMappings[1].local)
        XCTAssertEqual(c.inMappings[2].businessKey, "${execution.processBusinessKey}")
        XCTAssertTrue(c.inMappings[3].allVariables)
        XCTAssertFalse(c.inMappings[0].allVariables)
        XCTAssertEqual(c.outMappings.map(\.allVariables), [true])
        XCTAssertEqual(c.executionListeners.count, 2)
        XCTAssertEqual(c.executionListeners[0].implementation, .expression("${log.end()}"))
        XCTAssertEqual(c.executionListeners[1].implementation,
                       .script(ScriptSpec(format: "javascript", body: "print(1)", location: SourceLocation(line: 16, column: 50))))

        let u = p.node(id: "U")!.extensions
        XCTAssertEqual(u.taskListeners.map(\.implementation), [.delegateExpression("${notifier}"), ListenerSpec.Implementation.none])
        XCTAssertEqual(u.taskListeners.map(\.event), ["create", "complete"])

        XCTAssertEqual(p.node(id: "S")!.extensions.fields, [
            NameValue(name: "to", value: "a@b.c"), NameValue(name: "subject", value: "${subject}"),
            NameValue(name: "body", value: "Hello"), NameValue(name: "cc", value: "${cc}"),
        ])
        XCTAssertEqual(p.flow(id: "F")!.extensions.executionListeners.map(\.event), ["take"])
    }
}
