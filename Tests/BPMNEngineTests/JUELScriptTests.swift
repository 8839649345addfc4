import BPMNEngine
import BPMNModel
import XCTest

/// `scriptFormat="juel"`, and a script task without scriptFormat (Camunda's default), run a JUEL expression.
final class JUELScriptTests: XCTestCase {
    func process(format: String?, script: String) -> String {
        let attribute = format.map { " scriptFormat=\"\($0)\"" } ?? ""
        return """
            <bpmn:startEvent id="start"/>
            <bpmn:scriptTask id="calc"\(attribute) camunda:resultVariable="r"><bpmn:script>\(xmlEscaped(script))</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="end"/>
            \(chain("start", "calc", "end"))
            """
    }

    func testJuelScriptsEvaluateToTheResultVariable() throws {
        for format in ["juel", "JUEL", nil] {
            let h = try Harness(process(format: format, script: "${price * qty > 100 ? 'big' : 'small'}")).start(["price": 30, "qty": 4])
            XCTAssertEqual(h.status, .completed, format ?? "no format")
            XCTAssertEqual(h.variables["r"], .string("big"), format ?? "no format")
        }
    }

    func testJuelScriptsCanSetVariables() throws {
        let h = try Harness(process(format: "juel", script: "#{execution.setVariable('seen', true)}")).start()
        XCTAssertEqual(h.variables["seen"], .boolean(true))
        XCTAssertEqual(h.variables["r"], .null, "setVariable returns nothing")
    }

    func testAFailingJuelScriptFailsNamingTheElement() throws {
        let h = try Harness(process(format: "juel", script: "${nope}")).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "calc")
        XCTAssertTrue(h.error?.message.contains("Unknown property used in expression: ${nope}. Cause: Cannot resolve identifier 'nope'") == true,
                      h.error?.message ?? "")
    }

    func testAJuelScriptThatDoesNotParseIsRejectedBeforeTheRun() {
        let problems = compileFailure(diagram(process(format: "juel", script: "${a +}")))
        XCTAssertEqual(problems.map(\.elementId), ["calc"])
        XCTAssertTrue(problems.first?.message.hasPrefix("the JUEL script '${a +}' does not parse") == true, problems.first?.message ?? "")
    }
}
