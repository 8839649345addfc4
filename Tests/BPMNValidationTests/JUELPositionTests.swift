import BPMNModel
import Foundation
import XCTest
@testable import BPMNValidation

/// `juel-syntax` findings point at the offending character in the file (line and column of the
/// attribute value or element text plus the offset inside the expression), not at the element.
final class JUELPositionTests: XCTestCase {
    /// The character written at a 1-based line and column of `xml`.
    private func character(in xml: String, at location: SourceLocation) -> Character? {
        let lines = xml.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return nil }
        let line = Array(lines[location.line - 1])
        guard location.column >= 1, location.column <= line.count else { return nil }
        return line[location.column - 1]
    }

    private func juelFindings(_ body: String) throws -> (String, [Finding]) {
        let xml = RuleExample.process(body).xml
        return (xml, try validate(xml).filter { $0.ruleId == JUELSyntaxRule.id })
    }

    func testAttributeExpressionColumnPointsInsideTheValue() throws {
        let (xml, findings) = try juelFindings("<bpmn:userTask id=\"Approve\" camunda:assignee=\"${a + * b}\" />")
        let f = try XCTUnwrap(findings.first)
        XCTAssertEqual(f.elementId, "Approve")
        // Header lines, then `<bpmn:process ...>`, then the task on line 5.
        let line = xml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("id=\"Approve\"") }! + 1
        XCTAssertEqual(f.location.line, line)
        let valueStart = Array(xml.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]).firstIndex(of: "$")! + 1
        XCTAssertEqual(f.location.column, valueStart + 6, "the '*' is the 7th character of the expression")
        XCTAssertEqual(character(in: xml, at: f.location), "*")
        XCTAssertTrue(f.message.contains("column 7 of the expression"), f.message)
    }

    func testEntitiesInAttributeAreCountedAsOneCharacter() throws {
        let (xml, findings) = try juelFindings("<bpmn:serviceTask id=\"Call\" camunda:expression=\"${a &gt; b &amp;&amp; * c}\" />")
        let f = try XCTUnwrap(findings.first)
        XCTAssertEqual(character(in: xml, at: f.location), "*")
    }

    func testMultiLineConditionTextPointsAtTheLineOfTheError() throws {
        let (xml, findings) = try juelFindings("""
            <bpmn:exclusiveGateway id="Gateway" default="Other" />
            <bpmn:sequenceFlow id="Big" sourceRef="Gateway" targetRef="Task">
              <bpmn:conditionExpression>
                ${amount &gt; 1000
                  &amp;&amp; approved == * }
              </bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Other" sourceRef="Gateway" targetRef="Task" />
            <bpmn:task id="Task" />
            """)
        let f = try XCTUnwrap(findings.first)
        XCTAssertEqual(f.elementId, "Big")
        let starLine = xml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("approved == *") }! + 1
        XCTAssertEqual(f.location.line, starLine)
        XCTAssertEqual(character(in: xml, at: f.location), "*")
    }

    func testCDATAConditionIsLocated() throws {
        let (xml, findings) = try juelFindings("""
            <bpmn:exclusiveGateway id="Gateway" default="Other" />
            <bpmn:sequenceFlow id="Big" sourceRef="Gateway" targetRef="Task"><bpmn:conditionExpression><![CDATA[${a > 1 &&
            b < * 2}]]></bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Other" sourceRef="Gateway" targetRef="Task" />
            <bpmn:task id="Task" />
            """)
        let f = try XCTUnwrap(findings.first)
        XCTAssertEqual(character(in: xml, at: f.location), "*")
        XCTAssertTrue(xml.split(separator: "\n", omittingEmptySubsequences: false)[f.location.line - 1].contains("b < *"))
    }

    func testInputParameterTextIsLocated() throws {
        let (xml, findings) = try juelFindings("""
            <bpmn:task id="Task"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="total">${price * }</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>
            """)
        let f = try XCTUnwrap(findings.first)
        XCTAssertEqual(character(in: xml, at: f.location), "}")
    }

    func testFilesAreReadAgainForThePosition() throws {
        // Files are not kept in memory while checked: the position is found by reading the file again.
        let xml = RuleExample.process("<bpmn:userTask id=\"Approve\" camunda:assignee=\"${a + * b}\" />").xml
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("juel-\(UUID().uuidString).bpmn")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try Validator(configs: try ConfigResolver()).validate([.file(file.path)]).files[0].findings
            .filter { $0.ruleId == JUELSyntaxRule.id }
        let fromStandardInput = try Validator(configs: try ConfigResolver()).validate([.data(Array(xml.utf8), name: "-")]).files[0].findings
            .filter { $0.ruleId == JUELSyntaxRule.id }
        XCTAssertEqual(fromFile.count, 1)
        XCTAssertEqual(fromFile.map(\.location), fromStandardInput.map(\.location))
        XCTAssertEqual(character(in: xml, at: fromFile[0].location), "*")
    }

    func testUTF16OffsetsMapToCodePoints() {
        // "é" is one UTF-16 unit, "😀" two: JUEL counts units, columns count code points.
        XCTAssertEqual(SourcePosition.scalarIndex("${'😀' + *}", utf16Offset: 9), 8)
        XCTAssertEqual(SourcePosition.scalarIndex("${'é' + *}", utf16Offset: 8), 8)
    }
}
