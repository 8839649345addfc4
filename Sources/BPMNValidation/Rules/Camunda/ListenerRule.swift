import BPMNPython
import BPMNModel

/// Execution and task listeners need an event Camunda knows and an implementation.
public struct ListenerRule: ValidationRule {
    public static let id = "camunda-listener"
    public static let summary = "Execution and task listeners have a valid event and one of class, expression, delegateExpression or script."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:userTask id=\"Task\"><bpmn:extensionElements><camunda:taskListener event=\"finish\" class=\"org.example.L\" /></bpmn:extensionElements></bpmn:userTask>"),
            .process("<bpmn:task id=\"Task\"><bpmn:extensionElements><camunda:executionListener event=\"start\" /></bpmn:extensionElements></bpmn:task>"),
            .process("<bpmn:task id=\"Task\"><bpmn:extensionElements><camunda:executionListener event=\"start\" class=\"\" /></bpmn:extensionElements></bpmn:task>"),
        ],
        passing: [.process("<bpmn:userTask id=\"Task\"><bpmn:extensionElements><camunda:taskListener event=\"complete\" expression=\"${audit.log(task)}\" /><camunda:executionListener event=\"end\" class=\"org.example.L\" /><camunda:executionListener event=\"start\" expression=\"\" /></bpmn:extensionElements></bpmn:userTask>")])
    public init() {}

    static let executionEvents: Set<String> = ["start", "end"]
    static let taskEvents: Set<String> = ["create", "assignment", "complete", "update", "delete", "timeout"]

    /// Why a listener without implementation in the model is wrong, in Camunda's terms: the model
    /// reads an empty attribute as absent, Camunda does not. nil when Camunda accepts it
    /// (an empty `expression` is an expression that does nothing).
    static func missingImplementation(_ attributes: [String: String]?, execution: Bool) -> String? {
        let kind = execution ? "executionListener" : "taskListener"
        guard let a = attributes else {
            return "Element 'class', 'expression', 'delegateExpression' or 'script' is mandatory on \(kind)"
        }
        if a["class"] != nil {
            return execution ? "Attribute 'class' cannot be empty"
                : "Attribute 'class' is empty: Camunda 7 deploys the task listener, but it fails when it fires"
        }
        if a["expression"] != nil { return nil }
        if a["delegateExpression"] != nil {
            return execution ? "Attribute 'delegateExpression' cannot be empty"
                : "Attribute 'delegateExpression' is empty: Camunda 7 deploys the task listener, but it fails when it fires"
        }
        return "Element 'class', 'expression', 'delegateExpression' or 'script' is mandatory on \(kind)"
    }

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        // The attributes as written, by position, for listeners the model found no implementation in.
        var written: [SourceLocation: [String: String]] = [:]
        for e in diagram.index.rawElements where e.namespace == .camunda && (e.name == "executionListener" || e.name == "taskListener") {
            written[e.location] = e.attributes
        }
        func checkExecution(_ listeners: [ListenerSpec], _ owner: String, isFlow: Bool) {
            for l in listeners {
                let allowed = isFlow ? Set(["take"]) : Self.executionEvents
                if let e = l.event, !e.isEmpty {
                    if !allowed.contains(e) && !(isFlow && e.isEmpty) {
                        out.append(RuleFinding(isFlow ? "Attribute 'event' must be 'take' on a sequence flow listener, not '\(e)'" : "Attribute 'event' must be one of {start|end}", at: l.location, element: owner))
                    }
                } else if !isFlow {
                    out.append(RuleFinding("Attribute 'event' is mandatory on listener", at: l.location, element: owner))
                }
                if case .none = l.implementation, let message = Self.missingImplementation(written[l.location], execution: true) {
                    out.append(RuleFinding(message, at: l.location, element: owner))
                }
            }
        }
        for p in diagram.executableProcesses {
            checkExecution(p.extensions.executionListeners, p.id, isFlow: false)
            for f in p.flows { checkExecution(f.extensions.executionListeners, f.id, isFlow: true) }
            for n in p.nodes {
                checkExecution(n.extensions.executionListeners, n.id, isFlow: false)
                for l in n.extensions.taskListeners {
                    if let e = l.event, !e.isEmpty {
                        if !Self.taskEvents.contains(e) {
                            out.append(RuleFinding("Attribute 'event' must be one of {create|assignment|complete|update|delete|timeout}", at: l.location, element: n.id))
                        }
                    } else {
                        out.append(RuleFinding("Attribute 'event' is mandatory on taskListener", at: l.location, element: n.id))
                    }
                    if case .none = l.implementation, let message = Self.missingImplementation(written[l.location], execution: false) {
                        out.append(RuleFinding(message, at: l.location, element: n.id))
                    }
                }
            }
        }
        return out
    }
}
