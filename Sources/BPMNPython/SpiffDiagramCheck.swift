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
    /// Everything below, sorted by position in the file.
    public static func problems(in process: ProcessSpec, engine: PythonEngine) -> [SpiffDiagramProblem] {
        (missingScripts(in: process) + scriptErrors(in: process, engine: engine) + missingConditions(in: process)
            + expressionErrors(in: process, engine: engine))
            .sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// Script tasks without a script (`camunda/parser/task_spec.py`: "Invalid Script Task. No
    /// Script Provided").
    public static func missingScripts(in process: ProcessSpec) -> [SpiffDiagramProblem] {
        process.nodes.filter { $0.kind == .scriptTask && isBlank($0.script?.body) }.map { node in
            SpiffDiagramProblem(processId: process.id, elementId: node.id, part: "script",
                                message: "script task '\(node.displayName)' has no script "
                                    + "(SpiffWorkflow refuses it: Invalid Script Task. No Script Provided)",
                                error: nil, location: node.location)
        }
    }

    /// Script task bodies that do not compile as Python under the engine's restrictions.
    public static func scriptErrors(in process: ProcessSpec, engine: PythonEngine) -> [SpiffDiagramProblem] {
        var found: [SpiffDiagramProblem] = []
        for node in process.nodes where node.kind == .scriptTask {
            guard let body = node.script?.body, !isBlank(body), let error = engine.checkSyntax(script: body) else { continue }
            found.append(SpiffDiagramProblem(processId: process.id, elementId: node.id, part: "script",
                                             message: "script does not compile as Python: \(error)", error: error,
                                             location: fileLocation(node.script?.location ?? node.location, error)))
        }
        return found
    }

    /// Non-default flows without a condition out of an exclusive or inclusive gateway with several
    /// outgoing flows (`bpmn/parser/task_parsers.py` `ConditionalGatewayParser`).
    public static func missingConditions(in process: ProcessSpec) -> [SpiffDiagramProblem] {
        var found: [SpiffDiagramProblem] = []
        for node in process.nodes where (node.kind == .exclusiveGateway || node.kind == .inclusiveGateway) && node.outgoing.count > 1 {
            for flowIndex in node.outgoing where flowIndex != node.defaultFlow {
                let flow = process.flows[flowIndex]
                guard isBlank(flow.condition?.text) else { continue }
                found.append(SpiffDiagramProblem(
                    processId: process.id, elementId: flow.id, part: "condition",
                    message: "sequence flow '\(flow.id)' leaves gateway '\(node.id)' without a condition "
                        + "and is not its default flow (SpiffWorkflow refuses it: Non-default exclusive outgoing "
                        + "sequence flow without condition)",
                    error: nil, location: flow.location))
            }
        }
        return found
    }

    /// Conditions, multi-instance and loop expressions, conditional events and timers that do not
    /// compile as Python expressions (SpiffWorkflow evaluates all of them with `eval`).
    public static func expressionErrors(in process: ProcessSpec, engine: PythonEngine) -> [SpiffDiagramProblem] {
        var found: [SpiffDiagramProblem] = []
        func expression(_ spec: ExpressionSpec?, _ element: String, _ part: String) {
            guard let spec, !isBlank(spec.text), let error = engine.checkSyntax(expression: spec.text) else { return }
            found.append(SpiffDiagramProblem(processId: process.id, elementId: element, part: part,
                                             message: "\(part) '\(spec.text)' does not compile as Python: \(error)",
                                             error: error, location: fileLocation(spec.location, error)))
        }
        for node in process.nodes {
            if let mi = node.multiInstance {
                expression(mi.loopCardinality, node.id, "loopCardinality")
                expression(mi.completionCondition, node.id, "completionCondition")
            }
            expression(node.standardLoop?.loopCondition, node.id, "loopCondition")
            for definition in node.eventDefinitions {
                expression(definition.condition, node.id, "condition")
                expression(definition.timeDate, node.id, "timeDate")
                expression(definition.timeDuration, node.id, "timeDuration")
                expression(definition.timeCycle, node.id, "timeCycle")
            }
        }
        for flow in process.flows {
            expression(flow.condition, flow.id, "condition")
        }
        return found
    }

    static func isBlank(_ text: String?) -> Bool {
        (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// The file position of an error inside a script or expression whose text starts on the line
    /// of its element (`<bpmn:script>` / `<bpmn:conditionExpression>`).
    static func fileLocation(_ element: SourceLocation, _ error: PythonError) -> SourceLocation {
        guard element.line > 0, let line = error.line, line > 1 else { return element }
        return SourceLocation(line: element.line + line - 1, column: error.column ?? 1)
    }
}
