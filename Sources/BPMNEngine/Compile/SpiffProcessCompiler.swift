import BPMNModel
import BPMNPython

/// Compiles a process for the spiff dialect: what SpiffWorkflow 3.2.0's `CamundaParser` makes of
/// a Camunda Modeler diagram. Conditions and scripts are Python (whatever `scriptFormat` or
/// `language` says); the Camunda extensions SpiffWorkflow ignores are removed from the spec the
/// run sees, so nothing downstream can honour them by accident; outgoing flows are put in the
/// order SpiffWorkflow tries them.
enum SpiffProcessCompiler {
    static func compile(_ definitions: BPMNDefinitions, process original: ProcessSpec) throws -> ExecutableProcess {
        let file = definitions.fileName
        let spec = spiffView(of: original, shapeY: definitions.shapeY)
        let checker: PythonEngine
        do {
            checker = try PythonEngine(timeLimit: 1)
        } catch {
            throw LoadFailure([LoadDiagnostic(file: file, location: .unknown, elementId: nil,
                                              message: "the spiff dialect needs the embedded Python, which did not start: \(error)")])
        }
        // Everything SpiffWorkflow's parser refuses, and every condition or script that does not
        // compile, element by element (SpiffWorkflow itself stops at the first).
        let problems = SpiffDiagramCheck.problems(in: spec, engine: checker)
        if !problems.isEmpty {
            throw LoadFailure(problems.map {
                LoadDiagnostic(file: file, location: $0.location, elementId: $0.elementId, message: $0.message)
            })
        }
        let conditions: [CompiledExpression?] = spec.flows.map { flow in
            guard let text = flow.condition?.text.trimmingWhitespace(), !text.isEmpty else { return nil }
            return .python(text)
        }
        let scripts: [CompiledScript?] = spec.nodes.map { node in
            guard node.kind == .scriptTask, let body = node.script?.body else { return nil }
            return .python(body)
        }
        var noneStartEvents: [Int: Int] = [:]
        for (i, node) in spec.nodes.enumerated() where node.kind == .startEvent && node.eventDefinitions.isEmpty {
            if node.parent == nil || !spec.nodes[node.parent!].triggeredByEvent {
                let key = node.parent ?? -1
                if noneStartEvents[key] == nil { noneStartEvents[key] = i }
            }
        }
        return ExecutableProcess(definitions: definitions, spec: spec, behaviors: spec.nodes.map(BehaviorCatalog.behavior(for:)),
                                 conditions: conditions, scripts: scripts,
                                 expressions: Array(repeating: nil, count: spec.nodes.count),
                                 noneStartEvents: noneStartEvents, dialect: .spiff)
    }

    /// The spec as SpiffWorkflow sees it.
    ///
    /// - Ignored (absent from SpiffWorkflow's Camunda parser): `camunda:inputOutput`, execution and
    ///   task listeners, `camunda:in`/`out` on call activities, and `camunda:resultVariable` /
    ///   `camunda:expression` / `class` / `delegateExpression` on tasks (message events keep
    ///   `resultVariable`, which `camunda/specs/event_definitions.py` honours).
    /// - Outgoing flows sorted by the y coordinate of their target's shape, ties in document
    ///   order, no shape counting as 0 (`bpmn/parser/TaskParser.py`): this decides which flow an
    ///   exclusive gateway takes when several conditions hold, and which branch of a split runs first.
    static func spiffView(of original: ProcessSpec, shapeY: [String: Double]) -> ProcessSpec {
        var spec = original
        spec.extensions.executionListeners = []
        for i in spec.nodes.indices {
            spec.nodes[i].extensions.inputParameters = []
            spec.nodes[i].extensions.outputParameters = []
            spec.nodes[i].extensions.executionListeners = []
            spec.nodes[i].extensions.taskListeners = []
            spec.nodes[i].extensions.inMappings = []
            spec.nodes[i].extensions.outMappings = []
            if spec.nodes[i].kind.isActivity {
                for attribute in ["resultVariable", "expression", "class", "delegateExpression"] {
                    spec.nodes[i].camundaAttributes[attribute] = nil
                }
            }
            // A message event definition without messageRef waits for (or throws) the message
            // named like its event (`bpmn/parser/event_parsers.py` `parse_message_event`).
            if let name = spec.nodes[i].name, !name.isEmpty {
                for d in spec.nodes[i].eventDefinitions.indices
                where spec.nodes[i].eventDefinitions[d].kind == .message && spec.nodes[i].eventDefinitions[d].ref == nil {
                    spec.nodes[i].eventDefinitions[d].ref = name
                }
            }
            let outgoing = spec.nodes[i].outgoing
            if outgoing.count > 1 {
                let keyed = outgoing.enumerated().map { (position, flow) -> (Double, Int, Int) in
                    let target = spec.flows[flow].target.map { spec.nodes[$0].id } ?? spec.flows[flow].targetRef
                    return (shapeY[target] ?? 0, position, flow)
                }
                spec.nodes[i].outgoing = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            }
        }
        for i in spec.flows.indices { spec.flows[i].extensions.executionListeners = [] }
        return spec
    }
}
