import BPMNModel

/// Two elements with the same id: XML schema validation (on in Camunda 7) rejects the file, and
/// references to the id become ambiguous.
public struct DuplicateIdRule: ValidationRule {
    public static let id = "duplicate-id"
    public static let summary = "Every id in the file is unique (BPMN elements and diagram shapes alike)."
    public static let category = RuleCategory.structure
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Start_End" />
            <bpmn:endEvent id="Start_End"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:endEvent>
            <bpmn:task id="Start" />
            """)],
        passing: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:task id="Task" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        let ids = diagram.index.ids
        var seen = Set<String>(minimumCapacity: ids.count)
        var out: [RuleFinding] = []
        for (k, d) in ids.enumerated() where !seen.insert(d.id).inserted {
            // Rare: look the first one up only now.
            if let earlier = ids[..<k].first(where: { $0.id == d.id }) {
                out.append(RuleFinding("duplicate id '\(d.id)' on <\(d.element)>: already used by <\(earlier.element)> at line \(earlier.location.line); ids must be unique in a file (cvc-id.2)",
                                       at: d.location, element: d.id))
            }
        }
        return out
    }
}
