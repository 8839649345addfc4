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
        ],
        passing: [.process("<bpmn:userTask id=\"Task\"><bpmn:extensionElements><camunda:taskListener event=\"complete\" expression=\"${audit.log(task)}\" /><camunda:executionListener event=\"end\" class=\"org.example.L\" /></bpmn:extensionElements></bpmn:userTask>")])
    public init() {}

    static let executionEvents: Set<String> = ["start", "end"]
    static let taskEvents: Set<String> = ["create", "assignment", "complete", "update", "delete", "timeout"]

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
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
                if case .none = l.implementation {
                    out.append(RuleFinding("Element 'class', 'expression', 'delegateExpression' or 'script' is mandatory on executionListener", at: l.location, element: owner))
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
                    if case .none = l.implementation {
                        out.append(RuleFinding("Element 'class', 'expression', 'delegateExpression' or 'script' is mandatory on taskListener", at: l.location, element: n.id))
                    }
                }
            }
        }
        return out
    }
}
