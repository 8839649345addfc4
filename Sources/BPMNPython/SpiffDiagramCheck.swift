import Foundation

import BPMNModel

/// One thing that keeps a spiff-dialect process from running, found without running it.
public struct SpiffDiagramProblem: Sendable, CustomStringConvertible {
    public var processId: String
    public var elementId: String
    /// `script`, `condition`, `loopCardinality`, `completionCondition`, `loopCondition`, ...
    public var part: String
    public var message: String
    /// The compile error, when the problem is one.
    public var error: PythonError?
    /// Where in the BPMN file: the element, or for an error inside a script the script's line.
    public var location: SourceLocation

    public var description: String { "\(location): \(elementId): \(message)" }
}

/// What `bpmnrun validate` needs for the spiff dialect: every Python condition and script compiled
/// (never run) under the engine's restrictions, and the gaps SpiffWorkflow's parser refuses
/// (`camunda/parser/task_spec.py` "Invalid Script Task. No Script Provided";
/// `bpmn/parser/task_parsers.py` `ConditionalGatewayParser` "Non-default exclusive outgoing
/// sequence flow without condition").
public enum SpiffDiagramCheck {
    public static func problems(in process: ProcessSpec, engine: PythonEngine) -> [SpiffDiagramProblem] {
        var found: [SpiffDiagramProblem] = []
        func add(_ element: String, _ part: String, _ message: String, _ location: SourceLocation, _ error: PythonError? = nil) {
            found.append(SpiffDiagramProblem(processId: process.id, elementId: element, part: part, message: message,
                                             error: error, location: location))
        }
        func expression(_ spec: ExpressionSpec?, _ element: String, _ part: String) {
            guard let spec, !spec.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                  let error = engine.checkSyntax(expression: spec.text) else { return }
            add(element, part, "\(part) '\(spec.text)' does not compile as Python: \(error)",
                fileLocation(spec.location, error), error)
        }

        for node in process.nodes {
            if node.kind == .scriptTask {
                let body = node.script?.body ?? ""
                if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    add(node.id, "script", "script task '\(node.displayName)' has no script "
                        + "(SpiffWorkflow refuses it: Invalid Script Task. No Script Provided)", node.location)
                } else if let error = engine.checkSyntax(script: body) {
                    add(node.id, "script", "script does not compile as Python: \(error)",
                        fileLocation(node.script?.location ?? node.location, error), error)
                }
            }
            if node.kind == .exclusiveGateway || node.kind == .inclusiveGateway, node.outgoing.count > 1 {
                for flowIndex in node.outgoing where flowIndex != node.defaultFlow {
                    let flow = process.flows[flowIndex]
                    if (flow.condition?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        add(flow.id, "condition", "sequence flow '\(flow.id)' leaves gateway '\(node.id)' without a condition "
                            + "and is not its default flow (SpiffWorkflow refuses it: Non-default exclusive outgoing "
                            + "sequence flow without condition)", flow.location)
                    }
                }
            }
            if let mi = node.multiInstance {
                expression(mi.loopCardinality, node.id, "loopCardinality")
                expression(mi.completionCondition, node.id, "completionCondition")
            }
            expression(node.standardLoop?.loopCondition, node.id, "loopCondition")
            for definition in node.eventDefinitions {
                expression(definition.condition, node.id, "condition")
            }
        }
        for flow in process.flows {
            expression(flow.condition, flow.id, "condition")
        }
        return found.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// The file position of an error inside a script or expression whose text starts on the line
    /// of its element (`<bpmn:script>` / `<bpmn:conditionExpression>`).
    static func fileLocation(_ element: SourceLocation, _ error: PythonError) -> SourceLocation {
        guard element.line > 0, let line = error.line, line > 1 else { return element }
        return SourceLocation(line: element.line + line - 1, column: error.column ?? 1)
    }
}
