import BPMNModel

/// Camunda 7's multi-instance checks: a cardinality or a collection, and a collection whenever an
/// element variable is named.
public struct MultiInstanceRule: ValidationRule {
    public static let id = "camunda-multi-instance"
    public static let summary = "A multi-instance activity has loopCardinality or a collection (camunda:collection / loopDataInputRef)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:userTask id=\"Review\"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>"),
            .process("<bpmn:userTask id=\"Review\"><bpmn:multiInstanceLoopCharacteristics camunda:elementVariable=\"reviewer\"><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>"),
            .process("<bpmn:userTask id=\"Review\"><bpmn:multiInstanceLoopCharacteristics camunda:collection=\"reviewers\"><bpmn:loopCardinality></bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>"),
        ],
        passing: [
            .process("<bpmn:userTask id=\"Review\"><bpmn:multiInstanceLoopCharacteristics camunda:collection=\"${reviewers}\" camunda:elementVariable=\"reviewer\" /></bpmn:userTask>"),
            .process("<bpmn:userTask id=\"Review\"><bpmn:multiInstanceLoopCharacteristics isSequential=\"true\"><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>"),
        ])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            guard let mi = n.multiInstance else { return }
            let cardinality = !(mi.loopCardinality?.text.isEmpty ?? true)
            let collection = !(mi.collection ?? "").isEmpty || !(mi.loopDataInputRef ?? "").isEmpty
            if let c = mi.loopCardinality, c.text.isEmpty {
                // An empty <loopCardinality> is refused on its own (Camunda then has an expression, empty).
                out.append(RuleFinding("loopCardinality must be defined for a multiInstanceLoopCharacteristics definition", at: c.location, element: n.id))
            } else if !cardinality && !collection {
                out.append(RuleFinding("Either loopCardinality or loopDataInputRef/activiti:collection must be set", at: mi.location, element: n.id))
            } else if !collection && (!(mi.elementVariable ?? "").isEmpty || !(mi.inputDataItem ?? "").isEmpty) {
                out.append(RuleFinding("LoopDataInputRef/activiti:collection must be set when using inputDataItem or activiti:elementVariable", at: mi.location, element: n.id))
            }
        }
        return out
    }
}
