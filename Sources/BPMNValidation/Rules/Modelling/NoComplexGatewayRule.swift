import BPMNModel

/// bpmnlint `no-complex-gateway` (Camunda 7 cannot execute complex gateways either).
public struct NoComplexGatewayRule: ValidationRule {
    public static let id = "no-complex-gateway"
    public static let summary = "No complex gateways (discouraged; Camunda 7 does not execute them) (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:complexGateway id=\"G\" />")],
        passing: [.process("<bpmn:inclusiveGateway id=\"G\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachNode { _, n in
            if n.kind == .complexGateway {
                out.append(RuleFinding("Element type <bpmn:ComplexGateway> is discouraged", at: n.location, element: n.id))
            }
        }
        return out
    }
}
