/// Every rule bpmnrun knows, in the order of docs/rules.md.
public enum RuleRegistry {
    public static let all: [any ValidationRule.Type] =
        structureRules + camunda7Rules + expressionRules + modellingRules + soundnessRules + spiffRules

    public static func rule(id: String) -> (any ValidationRule.Type)? { all.first { $0.id == id } }

    public static var ids: Set<String> { Set(all.map { $0.id }) }
}
