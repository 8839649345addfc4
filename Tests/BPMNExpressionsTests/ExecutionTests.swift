import BPMNExpressions
import BPMNModel
import Foundation
import XCTest

final class ExecutionTests: XCTestCase {
    private func context() -> VariableMapContext {
        let c = VariableMapContext(["a": 1, "name": "Ann"], activityId: "Task_1")
        c.businessKey = "BK-7"
        c.currentActivityName = "Review"
        c.processInstanceId = "pi-1"
        c.executionId = "pi-1"
        c.processDefinitionId = "order:3:42"
        return c
    }

    private func eval(_ text: String, _ c: VariableMapContext) throws -> VariableValue {
        try JUELExpression(parsing: text).evaluate(in: c)
    }

    func testGetters() throws {
        let c = context()
        let cases: [(String, VariableValue)] = [
            ("${execution.getVariable('a')}", 1),
            ("${execution.getVariable('missing')}", .null),
            ("${execution.getVariableLocal('name')}", "Ann"),
            ("${execution.hasVariable('a')}", true),
            ("${execution.hasVariable('missing')}", false),
            ("${execution.getId()}", "pi-1"),
            ("${execution.id}", "pi-1"),
            ("${execution.getProcessInstanceId()}", "pi-1"),
            ("${execution.processInstanceId}", "pi-1"),
            ("${execution.getProcessDefinitionId()}", "order:3:42"),
            ("${execution.getCurrentActivityId()}", "Task_1"),
            ("${execution.currentActivityId}", "Task_1"),
            ("${execution.getCurrentActivityName()}", "Review"),
            ("${execution.getProcessBusinessKey()}", "BK-7"),
            ("${execution.processBusinessKey}", "BK-7"),
            ("${execution.getBusinessKey()}", "BK-7"),
            ("${execution.variables.name}", "Ann"),
            ("${execution.getVariables().size()}", 2),
            ("${execution.variableNames}", ["a", "name"]),
            ("${execution.getVariable('a') + 1}", 2),
            ("${execution}", "ProcessInstance[pi-1]"),
            ("id=${execution.id}", "id=pi-1"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try eval(text, c), expected, text)
        }
    }

    func testSetVariable() throws {
        let c = context()
        XCTAssertEqual(try eval("${execution.setVariable('b', a + 1)}", c), .null)
        XCTAssertEqual(c.variables["b"], 2)
        XCTAssertEqual(try eval("${execution.setVariableLocal('c', 'x')}", c), .null)
        XCTAssertEqual(c.variables["c"], "x")
        XCTAssertEqual(try eval("${execution.setVariable('list', execution.variableNames)}", c), .null)
        XCTAssertEqual(c.variables["list"], ["a", "b", "c", "name"])
        // The new variable is visible to later expressions.
        XCTAssertEqual(try eval("${b * 10}", c), 20)
    }

    func testExecutionWinsOverAVariableNamedExecution() throws {
        let c = context()
        c.variables["execution"] = "shadow"
        XCTAssertEqual(try eval("${execution.id}", c), "pi-1")
    }

    func testExecutionErrors() {
        let c = context()
        func message(_ text: String) -> String? {
            do { _ = try eval(text, c); return nil } catch { return (error as? ExpressionError)?.message }
        }
        XCTAssertEqual(message("${execution.foo}"),
                       "Unknown property used in expression: ${execution.foo}. Cause: Could not find property foo in class org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity")
        XCTAssertEqual(message("${execution.getVariable()}"),
                       "Unknown method used in expression: ${execution.getVariable()}. Cause: Cannot find method getVariable with 0 parameters in class org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity")
        XCTAssertEqual(message("${execution.removeVariable('a')}"),
                       "Error while evaluating expression: ${execution.removeVariable('a')}. Cause: execution.removeVariable() is not supported by bpmnrun")
        XCTAssertEqual(message("${execution.setVariable('x', execution)}"),
                       "Error while evaluating expression: ${execution.setVariable('x', execution)}. Cause: The execution object cannot be stored as a variable value")
    }

    /// A context with its own local scope, a fixed clock and a user.
    final class ScopedContext: ExtendedExpressionContext {
        var global: [String: VariableValue] = ["g": 1, "shared": "outer"]
        var local: [String: VariableValue] = ["l": 2, "shared": "inner"]
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        func variable(_ name: String) -> VariableValue? { local[name] ?? global[name] }
        func setVariable(_ name: String, _ value: VariableValue) throws {
            if local[name] != nil { local[name] = value } else { global[name] = value }
        }
        func setVariableLocal(_ name: String, _ value: VariableValue) throws { local[name] = value }
        func visibleVariables() -> [String: VariableValue] { global.merging(local) { _, l in l } }
        func localVariable(_ name: String) -> VariableValue? { local[name] }
        func localVariables() -> [String: VariableValue] { local }
        var currentTime: Date { now }
        var authenticatedUserId: String? { "demo" }
        var authenticatedGroupIds: [String]? { ["admins"] }
        var currentActivityId: String? { "Sub_1" }
        var currentActivityName: String? { nil }
        var processInstanceId: String { "pi" }
        var processDefinitionId: String { "p:1" }
        var businessKey: String? { nil }
        var executionId: String { "ex-2" }
    }

    func testExtendedContext() throws {
        let c = ScopedContext()
        let cases: [(String, VariableValue)] = [
            ("${execution.getVariableLocal('g')}", .null),
            ("${execution.getVariableLocal('l')}", 2),
            ("${execution.hasVariableLocal('g')}", false),
            ("${execution.getVariable('g')}", 1),
            ("${shared}", "inner"),
            ("${execution.variablesLocal.size()}", 2),
            ("${execution.getVariables().size()}", 3),
            ("${now()}", .date(c.now)),
            ("${dateTime()}", .date(c.now)),
            ("${authenticatedUserId}", "demo"),
            ("${currentUser()}", "demo"),
            ("${currentUserGroups()}", ["admins"]),
            ("${execution}", "Execution[ex-2]"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try JUELExpression(parsing: text).evaluate(in: c), expected, text)
        }
        _ = try JUELExpression(parsing: "${execution.setVariableLocal('g', 5)}").evaluate(in: c)
        XCTAssertEqual(c.local["g"], 5)
        XCTAssertEqual(c.global["g"], 1)
    }

    func testPlainContextDefaults() throws {
        XCTAssertEqual(try JUELExpression(parsing: "${authenticatedUserId}").evaluate(in: VariableMapContext()), .null)
        XCTAssertEqual(try JUELExpression(parsing: "${currentUser()}").evaluate(in: VariableMapContext()), .null)
        guard case .date(let d) = try JUELExpression(parsing: "${now()}").evaluate(in: VariableMapContext()) else {
            return XCTFail("now() should be a date")
        }
        XCTAssertLessThan(abs(d.timeIntervalSinceNow), 60)
    }
}
