import BPMNModel

/// bpmnlint `single-blank-start-event`.
public struct SingleBlankStartEventRule: ValidationRule {
    public static let id = "single-blank-start-event"
    public static let summary = "A process or sub-process has at most one blank (none) start event (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:startEvent id=\"A\" /><bpmn:startEvent id=\"B\" />")],
        passing: [.process("<bpmn:startEvent id=\"A\" /><bpmn:startEvent id=\"B\"><bpmn:messageEventDefinition id=\"M\" /></bpmn:startEvent>")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            func blank(_ ids: [Int]) -> Int { ids.filter { p.nodes[$0].kind == .startEvent && p.nodes[$0].eventDefinitions.isEmpty }.count }
            if blank(p.topLevelNodes) > 1 {
                out.append(RuleFinding("Process has multiple blank start events", at: p.location, element: p.id))
            }
            for s in p.nodes where s.kind.isSubProcess && blank(s.children) > 1 {
                out.append(RuleFinding("Sub process has multiple blank start events", at: s.location, element: s.id))
            }
        }
        return out
    }
}
