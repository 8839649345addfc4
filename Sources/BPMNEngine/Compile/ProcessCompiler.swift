import BPMNExpressions
import BPMNModel
import BPMNPython
import BPMNScripting

/// Turns a ProcessSpec into an ExecutableProcess: parses every condition and expression, checks
/// scripts, and picks each node's behaviour. Reports every problem it finds, not just the first,
/// so a user can fix a diagram in one pass.
public enum ProcessCompiler {
    public static func compile(_ definitions: BPMNDefinitions, process spec: ProcessSpec,
                               dialect: Dialect = .camunda) throws -> ExecutableProcess {
        if dialect == .spiff { return try SpiffProcessCompiler.compile(definitions, process: spec) }
        var problems: [LoadDiagnostic] = []
        let file = definitions.fileName
        func problem(_ location: SourceLocation, _ element: String?, _ message: String) {
            problems.append(LoadDiagnostic(file: file, location: location, elementId: element, message: message))
        }

        var jsChecker: JavaScriptEngine?
        func checkJavaScript(_ source: String, at location: SourceLocation, element: String) {
            if jsChecker == nil { jsChecker = JavaScriptEngine(timeLimit: 1) }
            if let error = jsChecker!.checkSyntax(source) {
                let line = error.line.map { " at line \($0) of the script" } ?? ""
                problem(location, element, "JavaScript does not compile\(line): \(error.message)")
            }
        }

        func compileJUEL(_ text: String, at location: SourceLocation, element: String, what: String) -> JUELExpression? {
            do {
                return try JUELExpression(parsing: text)
            } catch let error as JUELSyntaxError {
                problem(location, element, "\(what) '\(text)' does not parse: \(error.message) (column \(error.column) of the expression)")
            } catch {
                problem(location, element, "\(what) '\(text)' does not parse: \(error)")
            }
            return nil
        }

        // Conditions on sequence flows.
        var conditions: [CompiledExpression?] = Array(repeating: nil, count: spec.flows.count)
        for (i, flow) in spec.flows.enumerated() {
            // A flow to or from nothing would silently end its token; Camunda rejects it (BpmnParse).
            if flow.source == nil { problem(flow.location, flow.id, "Invalid source '\(flow.sourceRef)' of sequence flow '\(flow.id)'") }
            if flow.target == nil { problem(flow.location, flow.id, "Invalid destination '\(flow.targetRef)' of sequence flow '\(flow.id)'") }
            guard let condition = flow.condition else { continue }
            let text = condition.text.trimmingWhitespace()
            if text.isEmpty { continue }
            switch ScriptLanguage(format: condition.language) {
            case .javascript:
                checkJavaScript(text, at: condition.location, element: flow.id)
                conditions[i] = .javascript(text)
            case .juel, .other(""):
                if let e = compileJUEL(text, at: condition.location, element: flow.id, what: "the condition") { conditions[i] = .juel(e) }
            default:
                problem(condition.location, flow.id,
                        "the condition is written in '\(condition.language ?? "")', which bpmnrun cannot evaluate; write it as a JUEL ${...} expression")
            }
        }

        var scripts: [CompiledScript?] = Array(repeating: nil, count: spec.nodes.count)
        var expressions: [CompiledExpression?] = Array(repeating: nil, count: spec.nodes.count)
        var behaviors: [FlowNodeBehavior] = []
        behaviors.reserveCapacity(spec.nodes.count)
        var noneStartEvents: [Int: Int] = [:]

        for (i, node) in spec.nodes.enumerated() {
            // Script tasks: JUEL by default (Camunda's default language), JavaScript, nothing else.
            if node.kind == .scriptTask {
                let script = node.script
                let body = script?.body?.trimmingWhitespace() ?? ""
                if script?.resource != nil && body.isEmpty {
                    problem(script?.location ?? node.location, node.id,
                            "the script task loads its script from camunda:resource '\(script!.resource!)', which bpmnrun cannot read; put the script inline")
                } else if body.isEmpty {
                    problem(node.location, node.id, "the script task has no script; add a <script> body (Camunda rejects it too)")
                } else {
                    switch ScriptLanguage(format: script?.format) {
                    case .javascript:
                        checkJavaScript(body, at: script!.location, element: node.id)
                        scripts[i] = .javascript(body)
                    case .juel, .other(""):
                        if let e = compileJUEL(body, at: script!.location, element: node.id, what: "the JUEL script") { scripts[i] = .juel(e) }
                    case .python:
                        problem(script!.location, node.id,
                                "scriptFormat '\(script?.format ?? "")' is Python, which runs only under the SpiffWorkflow dialect; bpmnrun runs javascript and juel scripts here")
                    default:
                        problem(script!.location, node.id,
                                "scriptFormat '\(script?.format ?? "")' is not supported: bpmnrun runs javascript (also ecmascript, js) and juel scripts")
                    }
                }
            }
            // Service-like tasks with camunda:expression.
            if [.serviceTask, .sendTask, .businessRuleTask].contains(node.kind), let text = node.camunda("expression") {
                if let e = compileJUEL(text, at: node.location, element: node.id, what: "camunda:expression") { expressions[i] = .juel(e) }
            }
            if node.kind == .startEvent, node.eventDefinitions.isEmpty {
                let key = node.parent ?? -1
                if node.parent == nil || !spec.nodes[node.parent!].triggeredByEvent {
                    if noneStartEvents[key] == nil { noneStartEvents[key] = i }
                }
            }
            behaviors.append(BehaviorCatalog.behavior(for: node))
        }

        if !problems.isEmpty { throw LoadFailure(problems) }
        return ExecutableProcess(definitions: definitions, spec: spec, behaviors: behaviors, conditions: conditions,
                                 scripts: scripts, expressions: expressions, noneStartEvents: noneStartEvents)
    }
}
