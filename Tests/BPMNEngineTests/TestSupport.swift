import BPMNEngine
import BPMNModel
import BPMNParser
import BPMNPython
import Foundation
import XCTest

// Small diagrams written inline. Every test builds the XML it needs with these helpers, loads it
// with the real parser, compiles it and runs it through the public engine API.

let camundaNS = "http://camunda.org/schema/1.0/bpmn"

/// A Camunda Modeler-style document holding one executable process `p` with `body` inside.
func diagram(_ body: String, processId: String = "p") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="\(camundaNS)" \
    id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
    <bpmn:error id="Error_1" name="Rejected" errorCode="REJECTED"/>
    <bpmn:process id="\(processId)" isExecutable="true">
    \(body)
    </bpmn:process>
    </bpmn:definitions>
    """
}

/// Escapes text for an XML element body or attribute.
func xmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}

/// A sequence flow, optionally with a JUEL condition.
func flow(_ id: String, _ source: String, _ target: String, _ condition: String? = nil) -> String {
    guard let condition else { return "<bpmn:sequenceFlow id=\"\(id)\" sourceRef=\"\(source)\" targetRef=\"\(target)\"/>" }
    return """
    <bpmn:sequenceFlow id="\(id)" sourceRef="\(source)" targetRef="\(target)">\
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\(xmlEscaped(condition))</bpmn:conditionExpression>\
    </bpmn:sequenceFlow>
    """
}

/// Unconditional flows linking the given elements in order; flow ids are `source_target`.
func chain(_ ids: String...) -> String {
    zip(ids, ids.dropFirst()).map { flow("\($0)_\($1)", $0, $1) }.joined(separator: "\n")
}

/// Compiles the single process of a document.
func compile(_ xml: String, file: String = "test.bpmn", dialect: Dialect = .camunda, processId: String? = nil) throws -> ExecutableProcess {
    let definitions = try BPMNLoader.load(data: Array(xml.utf8), fileName: file)
    let spec = try ExecutableProcess.selectProcess(in: definitions, id: processId)
    return try ProcessCompiler.compile(definitions, process: spec, dialect: dialect)
}

/// The problems the compiler reports for a document (fails the test when it compiles).
func compileFailure(_ xml: String, file: StaticString = #filePath, line: UInt = #line) -> [LoadDiagnostic] {
    do {
        _ = try compile(xml)
        XCTFail("expected the diagram to be rejected", file: file, line: line)
    } catch let failure as LoadFailure {
        return failure.diagnostics
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
    return []
}

/// A fixed clock, so trace times are reproducible.
let fixedStart = Date(timeIntervalSince1970: 1_800_000_000)

func options(serviceTasks: ServiceTaskMode = .wait, scriptTimeout: Double = 5) -> RunOptions {
    var o = RunOptions()
    o.startTime = fixedStart
    o.serviceTasks = serviceTasks
    o.scriptTimeout = scriptTimeout
    return o
}

/// A run of an inline diagram with an in-memory trace, and shortcuts for what the tests check.
final class Harness {
    let trace = InMemoryTrace()
    let run: ProcessRun

    init(_ body: String, options: RunOptions = options()) throws {
        run = ProcessRun(process: try compile(diagram(body)), options: options, trace: trace)
    }

    /// A run of a whole document (BPMNDI included) in the given dialect.
    init(document: String, dialect: Dialect, processId: String? = nil, options: RunOptions = options()) throws {
        run = ProcessRun(process: try compile(document, dialect: dialect, processId: processId), options: options, trace: trace)
    }

    @discardableResult
    func start(_ variables: [String: VariableValue] = [:]) -> Harness {
        run.start(variables: variables)
        return self
    }

    var status: RunStatus { run.state.status }
    var error: RunError? { run.state.error }
    var variables: [String: VariableValue] { run.state.processVariables }
    /// Flow node ids in the order they completed.
    var completed: [String] { trace.completedElements }
    /// One id per waiting token (tasks and joins).
    var active: [String] { run.activeElementIds }
    /// Ids of the tasks a user can complete now, in token order.
    var waiting: [String] { run.waitingTasks.map(\.node.id) }

    func events(_ kind: TraceEvent.Kind) -> [TraceEvent] { trace.events.filter { $0.kind == kind } }

    /// Flow ids taken, in order.
    var flowsTaken: [String] { events(.flowTaken).compactMap(\.element) }

    func waitingTask(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> WaitingTask {
        guard let task = run.waitingTasks.first(where: { $0.node.id == id }) else {
            XCTFail("'\(id)' is not waiting; waiting: \(waiting)", file: file, line: line)
            throw RunError(message: "'\(id)' is not waiting")
        }
        return task
    }

    /// Completes the first waiting token at task `id` with these variables as they are.
    func complete(_ id: String, _ variables: [String: VariableValue] = [:], file: StaticString = #filePath, line: UInt = #line) throws {
        let task = try waitingTask(id, file: file, line: line)
        try run.complete(token: task.token, variables: variables)
    }

    /// Submits the task's form the way the terminal and answers files do: converted, validated and
    /// defaulted by FormSubmission, then completed.
    func submit(_ id: String, _ submitted: [String: VariableValue], file: StaticString = #filePath, line: UInt = #line) throws {
        let task = try waitingTask(id, file: file, line: line)
        let visible = run.variables(visibleTo: task.token)
        let values = try FormSubmission.variables(
            for: task.form!, submitted: submitted,
            defaultValue: { field in try field.defaultValue.map { try self.run.resolveDefault($0, token: task.token) } },
            existing: { visible[$0] })
        try run.complete(token: task.token, variables: values, source: "form")
    }
}

/// The description of the error a throwing call raises (fails the test when it does not throw).
func thrownMessage(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) -> String {
    do {
        try body()
        XCTFail("expected an error", file: file, line: line)
    } catch {
        return "\(error)"
    }
    return ""
}
