import BPMNPython
import BPMNModel

/// `camunda:inputOutput` where Camunda 7 supports it: not on start or boundary events, gateways
/// or event sub-processes; no output parameters on end events or multi-instance activities;
/// every parameter named.
public struct InputOutputRule: ValidationRule {
    public static let id = "camunda-input-output"
    public static let summary = "camunda:inputOutput only on elements that support it, with named parameters holding one value each and keyed map entries (no outputs on end events or multi-instance)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:task id=\"T\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"p\"><camunda:list><camunda:value>1</camunda:value></camunda:list><camunda:list><camunda:value>2</camunda:value></camunda:list></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>"),
            .process("<bpmn:startEvent id=\"Start\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"a\">1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:startEvent>"),
            .process("<bpmn:userTask id=\"Review\"><bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name=\"r\">${x}</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics camunda:collection=\"${items}\" /></bpmn:userTask>"),
            .process("<bpmn:task id=\"T\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter>1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>"),
            .process("<bpmn:task id=\"T\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"m\"><camunda:map><camunda:entry>1</camunda:entry></camunda:map></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>"),
        ],
        passing: [.process("<bpmn:serviceTask id=\"T\" camunda:expression=\"${1}\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"a\">1</camunda:inputParameter><camunda:outputParameter name=\"b\">${a}</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            let x = n.extensions
            guard !x.inputParameters.isEmpty || !x.outputParameters.isEmpty else { return }
            let tag = n.kind.rawValue
            if n.kind == .startEvent || n.kind == .boundaryEvent || n.kind.isGateway || n.kind == .adHocSubProcess {
                out.append(RuleFinding("camunda:inputOutput mapping unsupported for element type '\(tag)'.", at: n.location, element: n.id))
                return
            }
            if n.kind == .subProcess && n.triggeredByEvent {
                out.append(RuleFinding("camunda:inputOutput mapping unsupported for element type 'subProcess' with attribute 'triggeredByEvent = true'.", at: n.location, element: n.id))
                return
            }
            for p in x.inputParameters + x.outputParameters where Self.hasEntryWithoutKey(p.value) {
                out.append(RuleFinding("Missing attribute 'key' for 'entry' element (parameter '\(p.name)')", at: p.location, element: n.id))
            }
            for p in x.inputParameters where p.name.isEmpty {
                out.append(RuleFinding("Missing attribute 'name' for inputParameter", at: p.location, element: n.id))
            }
            for p in x.outputParameters where p.name.isEmpty {
                out.append(RuleFinding("Missing attribute 'name' for outputParameter", at: p.location, element: n.id))
            }
            if !x.outputParameters.isEmpty {
                if n.kind == .endEvent {
                    out.append(RuleFinding("camunda:outputParameter not allowed for element type 'endEvent'.", at: n.location, element: n.id))
                } else if n.multiInstance != nil {
                    out.append(RuleFinding("camunda:outputParameter not allowed for multi-instance constructs", at: n.location, element: n.id))
                }
            }
        }
        out += nestedParameterProblems(diagram)
        return out
    }

    static let valueElements: Set<String> = ["list", "map", "script", "value"]

    /// A parameter or map entry holds one value: its text or a single list, map, script or value.
    private func nestedParameterProblems(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        let raw = diagram.index.rawElements
        for (i, e) in raw.enumerated() where e.namespace == .camunda && ["inputParameter", "outputParameter", "entry"].contains(e.name) {
            guard let owner = e.ownerId, diagram.executableNode(owner) != nil else { continue }
            let values = diagram.rawChildren(of: i, named: "list") + diagram.rawChildren(of: i, named: "map")
                + diagram.rawChildren(of: i, named: "script") + diagram.rawChildren(of: i, named: "value")
            if values.count > 1 {
                out.append(RuleFinding("Nested parameter can at most have one child element (\(e.name) '\(e.attributes["name"] ?? e.attributes["key"] ?? "")')",
                                       at: e.location, element: owner))
            }
        }
        return out
    }

    /// A `camunda:map` (at any depth) with an `entry` lacking its key.
    static func hasEntryWithoutKey(_ v: IOValue) -> Bool {
        switch v {
        case .map(let entries): return entries.contains { $0.key.isEmpty || hasEntryWithoutKey($0.value) }
        case .list(let items): return items.contains { hasEntryWithoutKey($0) }
        default: return false
        }
    }
}
