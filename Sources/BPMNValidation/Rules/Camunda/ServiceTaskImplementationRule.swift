import BPMNPython
import BPMNModel

/// Service, send and business rule tasks (and message throw events using them) need an
/// implementation Camunda 7 knows.
public struct ServiceTaskImplementationRule: ValidationRule {
    public static let id = "camunda-service-task-implementation"
    public static let summary = "Service, send and business rule tasks have camunda:class, delegateExpression, expression, type (external with a topic) or a connector."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:serviceTask id=\"Charge\" />"),
            .process("<bpmn:serviceTask id=\"Charge\" camunda:type=\"external\" />"),
            .process("<bpmn:serviceTask id=\"Charge\" camunda:class=\"org.example.Charge\" camunda:resultVariable=\"r\" />"),
        ],
        passing: [
            .process("<bpmn:serviceTask id=\"Charge\" camunda:type=\"external\" camunda:topic=\"charge\" />"),
            .process("<bpmn:serviceTask id=\"Charge\" camunda:expression=\"${charger.charge(amount)}\" camunda:resultVariable=\"r\" />"),
            .process("<bpmn:businessRuleTask id=\"Decide\" camunda:decisionRef=\"rules\" />"),
            .process("<bpmn:serviceTask id=\"Mail\"><bpmn:extensionElements><camunda:connector><camunda:connectorId>mail-send</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>"),
        ])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            guard [.serviceTask, .sendTask, .businessRuleTask].contains(n.kind) else { return }
            if n.kind == .businessRuleTask && n.camunda("decisionRef") != nil { return }
            let name = n.kind.rawValue
            let type = n.camunda("type")
            let cls = n.camunda("class")?.trimmingCharacters(in: .whitespaces)
            let delegate = n.camundaAttributes["delegateExpression"]
            let expression = n.camunda("expression")?.trimmingCharacters(in: .whitespaces)
            let result = n.camundaAttributes["resultVariable"] ?? n.camundaAttributes["resultVariableName"]
            if let type {
                switch type.lowercased() {
                case "external":
                    if (n.camunda("topic") ?? "").isEmpty {
                        out.append(RuleFinding("External tasks must specify a 'topic' attribute in the camunda namespace", at: n.location, element: n.id))
                    }
                case "mail", "shell":
                    break
                default:
                    out.append(RuleFinding("Invalid usage of type attribute on \(name): '\(type)'", at: n.location, element: n.id))
                }
            } else if let cls, !cls.isEmpty {
                if result != nil {
                    out.append(RuleFinding("'resultVariableName' not supported for \(name) elements using 'class'", at: n.location, element: n.id))
                }
            } else if delegate != nil {
                if result != nil {
                    out.append(RuleFinding("'resultVariableName' not supported for \(name) elements using 'delegateExpression'", at: n.location, element: n.id))
                }
            } else if let expression, !expression.isEmpty {
                return
            } else if n.extensions.connectorId != nil {
                return
            } else if n.kind == .sendTask {
                out.append(RuleFinding("One of the attributes 'class', 'delegateExpression', 'type', or 'expression' is mandatory on sendTask.", at: n.location, element: n.id))
            } else {
                out.append(RuleFinding("One of the attributes 'class', 'delegateExpression', 'type', or 'expression' is mandatory on \(name). If you are using a connector, make sure the connect process engine plugin is registered with the process engine.",
                                       at: n.location, element: n.id))
            }
        }
        return out
    }
}

import Foundation
