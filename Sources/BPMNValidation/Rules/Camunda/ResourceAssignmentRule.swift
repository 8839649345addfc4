import BPMNModel

/// `<humanPerformer>` / `<potentialOwner>` of user tasks, the standard BPMN way to assign them,
/// as Camunda 7 reads them: one human performer at most, and not together with `camunda:assignee`.
/// (Their formal expressions are checked by `juel-syntax`.)
public struct ResourceAssignmentRule: ValidationRule {
    public static let id = "camunda-resource-assignment"
    public static let summary = "A user task has at most one humanPerformer, not combined with camunda:assignee."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("""
            <bpmn:userTask id="Approve" name="Approve order">
              <bpmn:humanPerformer><bpmn:resourceAssignmentExpression><bpmn:formalExpression>anna</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
              <bpmn:humanPerformer><bpmn:resourceAssignmentExpression><bpmn:formalExpression>ben</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
            </bpmn:userTask>
            """),
            .process("""
            <bpmn:userTask id="Approve" camunda:assignee="anna">
              <bpmn:humanPerformer><bpmn:resourceAssignmentExpression><bpmn:formalExpression>ben</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
            </bpmn:userTask>
            """),
        ],
        passing: [.process("""
            <bpmn:userTask id="Approve">
              <bpmn:humanPerformer><bpmn:resourceAssignmentExpression><bpmn:formalExpression>${manager}</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
              <bpmn:potentialOwner><bpmn:resourceAssignmentExpression><bpmn:formalExpression>user(kermit), group(management)</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
            </bpmn:userTask>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        var performers: [String: [(Int, DocumentIndex.RawElement)]] = [:]
        for (i, e) in diagram.index.rawElements.enumerated() where e.namespace == .bpmn && e.name == "humanPerformer" {
            guard let owner = e.ownerId, let task = diagram.executableNode(owner), task.kind == .userTask else { continue }
            performers[owner, default: []].append((i, e))
        }
        for (owner, list) in performers.sorted(by: { $0.key < $1.key }) {
            let task = diagram.executableNode(owner)!
            let name = task.name ?? "null"
            if list.count > 1 {
                out.append(RuleFinding("Invalid task definition: multiple humanPerformer sub elements defined for \(name)", at: list[1].1.location, element: owner))
                continue
            }
            // Camunda sets the assignee from the humanPerformer's expression first; camunda:assignee then collides.
            if task.camunda("assignee") != nil, hasFormalExpression(list[0].0, diagram) {
                out.append(RuleFinding("Invalid usage: duplicate assignee declaration for task \(name) (humanPerformer and camunda:assignee)", at: task.location, element: owner))
            }
        }
        return out
    }

    private func hasFormalExpression(_ performer: Int, _ diagram: DiagramContext) -> Bool {
        diagram.rawChildren(of: performer, named: "resourceAssignmentExpression").contains { rae in
            !diagram.rawChildren(of: rae.0, named: "formalExpression").isEmpty
        }
    }
}
