import BPMNModel
import BPMNParser
import BPMNPython
import Foundation
import XCTest

/// The SpiffWorkflow book diagrams' conditions and scripts, run through `PythonEngine` along the
/// path the oracle recorded (`../shared/tools/spiff/cases/*.expected.json`), must give the same
/// final data and the same script error. A deliberately small walk (script tasks, user-task
/// answers, exclusive choices): the engine itself is not involved.
final class BookScriptParityTests: XCTestCase {
    private struct Walk {
        var completed: [String] = []
        var variables: [String: VariableValue] = [:]
        var failure: (element: String, error: PythonError)?
    }

    private func shared() throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("tools/spiff/cases").path) else {
            throw XCTSkip("skipped because ../shared is absent (the spiff-book corpus and oracle cases live next to the package root)")
        }
        return root
    }

    private func walk(_ process: ProcessSpec, answers: VariableValue, engine: PythonEngine) throws -> Walk {
        var walk = Walk()
        if case .object(let initial) = answers.objectMember("variables") { walk.variables = initial }
        var steps: [VariableValue] = []
        if case .array(let list) = answers.objectMember("tasks") { steps = list }
        var index = try XCTUnwrap(process.topLevelNodes.first { process.nodes[$0].kind == .startEvent })
        for _ in 0..<100 {
            let node = process.nodes[index]
            switch node.kind {
            case .scriptTask:
                do {
                    walk.variables = try engine.run(node.script?.body ?? "", variables: walk.variables).variables
                } catch {
                    walk.failure = (node.id, error)
                    return walk
                }
            case .userTask:
                let step = steps.removeFirst()
                XCTAssertEqual(step.objectMember("task"), .string(node.id))
                if case .object(let values) = step.objectMember("values") { walk.variables.merge(values) { $1 } }
            default: break
            }
            walk.completed.append(node.id)
            if node.outgoing.isEmpty { return walk }
            var next: Int?
            for flowIndex in node.outgoing {
                let flow = process.flows[flowIndex]
                if let condition = flow.condition {
                    if try engine.evaluateCondition(condition.text, variables: walk.variables) { next = flow.target; break }
                } else {
                    next = flow.target
                    break
                }
            }
            index = try XCTUnwrap(next, "no flow to take from \(node.id)")
        }
        XCTFail("walk did not end")
        return walk
    }

    private func check(_ diagram: String, _ caseName: String) throws {
        let root = try shared()
        let definitions = try BPMNLoader.load(path: root.appendingPathComponent("corpus/spiff-book/\(diagram)").path)
        let answers = try JSONText.decode(String(contentsOf: root.appendingPathComponent("tools/spiff/cases/\(caseName).json"), encoding: .utf8))
        let expected = try JSONText.decode(String(contentsOf: root.appendingPathComponent("tools/spiff/cases/\(caseName).expected.json"), encoding: .utf8))
        let result = try walk(try XCTUnwrap(definitions.processes.first), answers: answers, engine: try PythonEngine())
        guard case .array(let completedList) = expected.objectMember("completed") else { return XCTFail("no completed list") }
        XCTAssertEqual(result.completed, completedList.compactMap { $0.objectMember("id")?.stringValue }, caseName)
        if let detail = expected.objectMember("error_detail") {
            let failure = try XCTUnwrap(result.failure, caseName)
            XCTAssertEqual(.string(failure.element), detail.objectMember("element"))
            XCTAssertEqual(failure.error.exceptionType.map(VariableValue.string), detail.objectMember("error_type"))
            XCTAssertEqual(failure.error.line.map { VariableValue.integer(Int64($0)) }, detail.objectMember("line_number"))
            XCTAssertEqual(failure.error.lineText.map(VariableValue.string), detail.objectMember("error_line"))
        } else {
            XCTAssertNil(result.failure.map { "\($0.element): \($0.error)" }, caseName)
            XCTAssertEqual(VariableValue.object(result.variables), expected.objectMember("variables"), caseName)
        }
    }

    func testAppointmentProceed() throws { try check("dams_appointment.bpmn", "dams_appointment.proceed") }
    func testAppointmentEmpty() throws { try check("dams_appointment.bpmn", "dams_appointment.empty") }
    func testLoginDoctor() throws { try check("dams_login.bpmn", "dams_login.doctor_ok") }
    func testLoginPatient() throws { try check("dams_login.bpmn", "dams_login.patient_ok") }
    func testLoginAdminBad() throws { try check("dams_login.bpmn", "dams_login.admin_bad") }
    func testLoginMissingVariable() throws { try check("dams_login.bpmn", "dams_login.missing_var") }
}

private extension VariableValue {
    func objectMember(_ key: String) -> VariableValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}
