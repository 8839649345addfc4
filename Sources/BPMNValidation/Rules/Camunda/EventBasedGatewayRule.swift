import BPMNModel

/// Camunda 7 accepts only intermediate catch events (not link events) after an event-based
/// gateway, and those catch events may have no other incoming flow.
public struct EventBasedGatewayRule: ValidationRule {
    public static let id = "camunda-event-based-gateway"
    public static let summary = "An event-based gateway leads only to intermediate catch events that have no other incoming flow."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("""
            <bpmn:eventBasedGateway id="Gateway" />
            <bpmn:sequenceFlow id="F1" sourceRef="Gateway" targetRef="Task" />
            <bpmn:userTask id="Task" />
            """),
            .process("""
            <bpmn:eventBasedGateway id="Gateway" />
            <bpmn:sequenceFlow id="F1" sourceRef="Gateway" targetRef="Wait" />
            <bpmn:task id="Other" />
            <bpmn:sequenceFlow id="F2" sourceRef="Other" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition id="T"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            """),
        ],
        passing: [.process("""
            <bpmn:eventBasedGateway id="Gateway" />
            <bpmn:sequenceFlow id="F1" sourceRef="Gateway" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition id="T"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            for (g, gateway) in p.nodes.enumerated() where gateway.kind == .eventBasedGateway {
                if gateway.camunda("asyncAfter").map({ $0 == "true" }) == true {
                    out.append(RuleFinding("'asyncAfter' not supported for eventBasedGateway elements.", at: gateway.location, element: gateway.id))
                }
                var reportedGateway = false
                for f in gateway.outgoing {
                    guard let t = p.flows[f].target else { continue }
                    let target = p.nodes[t]
                    if target.kind != .intermediateCatchEvent {
                        if !reportedGateway {
                            out.append(RuleFinding("Event based gateway can only be connected to elements of type intermediateCatchEvent ('\(target.id)' is a \(target.kind.rawValue))",
                                                   at: gateway.location, element: gateway.id))
                            reportedGateway = true
                        }
                        continue
                    }
                    if target.eventDefinitions.first?.kind == .link {
                        out.append(RuleFinding("IntermediateCatchLinkEvent is not allowed after an EventBasedGateway.", at: target.location, element: target.id))
                    }
                    for other in target.incoming where p.flows[other].source != g {
                        let flow = p.flows[other]
                        out.append(RuleFinding("Invalid incoming sequenceflow for intermediateCatchEvent with id '\(target.id)' connected to an event-based gateway.",
                                               at: flow.location, element: flow.id))
                    }
                }
            }
        }
        return out
    }
}
