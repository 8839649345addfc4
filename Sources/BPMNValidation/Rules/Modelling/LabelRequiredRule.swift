import BPMNModel

/// bpmnlint `label-required`: flow nodes (but parallel/event-based gateways, joining gateways and
/// sub-processes), conditional flows and participants have a name.
public struct LabelRequiredRule: ValidationRule {
    public static let id = "label-required"
    public static let summary = "Tasks, events, forking gateways, conditional flows and pools have a name (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:userTask id=\"Task_1\" />")],
        passing: [.process("<bpmn:userTask id=\"Task_1\" name=\"Approve invoice\" /><bpmn:parallelGateway id=\"Join\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        func blank(_ s: String?) -> Bool { !(s ?? "").utf8.contains { $0 > 0x20 } }
        for p in diagram.processes {
            for n in p.nodes where blank(n.name) {
                if n.kind == .parallelGateway || n.kind == .eventBasedGateway || n.kind.isSubProcess { continue }
                if n.kind.isGateway && n.outgoing.count <= 1 { continue }
                out.append(RuleFinding("Element is missing label/name", at: n.location, element: n.id))
            }
            for f in p.flows where f.condition != nil && blank(f.name) {
                out.append(RuleFinding("Element is missing label/name (a conditional flow)", at: f.location, element: f.id))
            }
        }
        for part in diagram.definitions.participants where blank(part.name) {
            out.append(RuleFinding("Element is missing label/name (a pool)", at: part.location, element: part.id))
        }
        return out
    }
}

import Foundation
