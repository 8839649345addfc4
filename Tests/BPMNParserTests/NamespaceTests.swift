import BPMNModel
import XCTest
@testable import BPMNParser

/// Namespaces are matched by URI, whatever the prefix.
final class NamespaceTests: XCTestCase {
    private func doc(prefix: String, camundaURI: String = camundaNS) -> String {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let decl = prefix.isEmpty ? "xmlns=\"\(bpmnNS)\"" : "xmlns:\(prefix)=\"\(bpmnNS)\""
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <\(p)definitions \(decl) xmlns:camunda="\(camundaURI)" id="defs">
          <\(p)process id="P" isExecutable="true" camunda:historyTimeToLive="30">
            <\(p)startEvent id="S"/>
            <\(p)userTask id="U" camunda:assignee="demo"/>
            <\(p)sequenceFlow id="F1" sourceRef="S" targetRef="U"/>
          </\(p)process>
        </\(p)definitions>
        """
    }

    private func check(_ d: BPMNDefinitions, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(d.id, "defs", file: file, line: line)
        XCTAssertEqual(d.processes.count, 1, file: file, line: line)
        let p = d.processes[0]
        XCTAssertEqual(p.isExecutable, true, file: file, line: line)
        XCTAssertEqual(p.camundaAttributes["historyTimeToLive"], "30", file: file, line: line)
        XCTAssertEqual(p.nodes.map(\.id), ["S", "U"], file: file, line: line)
        XCTAssertEqual(p.node(id: "U")?.camunda("assignee"), "demo", file: file, line: line)
        XCTAssertEqual(p.flows.first?.source, 0, file: file, line: line)
        XCTAssertEqual(p.flows.first?.target, 1, file: file, line: line)
    }

    func testBpmnPrefix() throws { check(try loadXML(doc(prefix: "bpmn"))) }
    func testBpmn2Prefix() throws { check(try loadXML(doc(prefix: "bpmn2"))) }
    func testSemanticPrefix() throws { check(try loadXML(doc(prefix: "semantic"))) }
    func testDefaultNamespace() throws { check(try loadXML(doc(prefix: ""))) }
    func testOddPrefix() throws { check(try loadXML(doc(prefix: "x"))) }

    func testLegacyActivitiNamespaceMeansCamunda() throws {
        check(try loadXML(doc(prefix: "bpmn", camundaURI: "http://activiti.org/bpmn")))
    }

    func testPrefixBoundToOtherURIIsNotBPMN() throws {
        // The prefix says "bpmn" but the URI is something else: not BPMN.
        let xml = #"<bpmn:definitions xmlns:bpmn="http://example.com/not-bpmn" id="d"><bpmn:process id="P"/></bpmn:definitions>"#
        let e = loadError(Array(xml.utf8))
        XCTAssertEqual(e?.kind, .notBPMN)
        XCTAssertEqual(e?.line, 1)
        XCTAssertEqual(e?.column, 1)
    }

    func testCamundaPrefixBoundToUnknownURIIsIgnored() throws {
        let xml = doc(prefix: "bpmn", camundaURI: "http://example.com/other")
        let d = try loadXML(xml)
        XCTAssertEqual(d.processes[0].camundaAttributes, [:])
        XCTAssertNil(d.processes[0].node(id: "U")?.camunda("assignee"))
    }

    func testCamunda8FileStillLoads() throws {
        let xml = """
        <bpmn:definitions xmlns:bpmn="\(bpmnNS)" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d">
          <bpmn:process id="P" isExecutable="true">
            <bpmn:serviceTask id="T">
              <bpmn:extensionElements><zeebe:taskDefinition type="work"/></bpmn:extensionElements>
            </bpmn:serviceTask>
          </bpmn:process>
        </bpmn:definitions>
        """
        let d = try loadXML(xml)
        XCTAssertEqual(d.processes[0].nodes.map(\.kind), [.serviceTask])
        XCTAssertTrue(d.processes[0].nodes[0].extensions.isEmpty)
    }

    func testUnknownAndForeignElementsAreSkipped() throws {
        let xml = camundaDoc("""
          <bpmn:process id="P">
            <bpmn:fancyNewThing id="X"><bpmn:userTask id="Hidden"/></bpmn:fancyNewThing>
            <vendor:meta xmlns:vendor="http://vendor.example/x"><bpmn:userTask id="AlsoHidden"/></vendor:meta>
            <bpmn:laneSet id="LS"><bpmn:lane id="L"><bpmn:flowNodeRef>T</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
            <bpmn:task id="T">
              <bpmn:incoming>nowhere</bpmn:incoming>
              <bpmn:extensionElements>
                <vendor:x xmlns:vendor="http://vendor.example/x"><camunda:inputOutput/></vendor:x>
              </bpmn:extensionElements>
            </bpmn:task>
            <bpmn:textAnnotation id="A"><bpmn:text>note</bpmn:text></bpmn:textAnnotation>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="PL" bpmnElement="P"/></bpmndi:BPMNDiagram>
        """)
        let d = try loadXML(xml)
        XCTAssertEqual(d.processes[0].nodes.map(\.id), ["T"])
        XCTAssertEqual(d.warnings.count, 1)
        XCTAssertEqual(d.warnings.first?.severity, .warning)
        XCTAssertTrue(d.warnings.first?.message.contains("fancyNewThing") ?? false, "\(d.warnings)")
        XCTAssertEqual(d.warnings.first?.location, SourceLocation(line: 4, column: 5))
    }
}
