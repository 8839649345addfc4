import BPMNModel

/// Enum fields without values offer nothing to choose; duplicate field ids write the same
/// variable twice. Camunda 7 deploys both; the generated form (and form submission, which
/// validates enum values) misbehaves, while completing the task through the API does not notice:
/// hence a warning.
public struct FormFieldValuesRule: ValidationRule {
    public static let id = "form-field-consistency"
    public static let summary = "Enum form fields have values, and form field ids are unique within a form."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:userTask id=\"Pick\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"colour\" type=\"enum\" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>"),
            .process("<bpmn:userTask id=\"Enter\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"name\" type=\"string\" /><camunda:formField id=\"name\" type=\"string\" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>"),
        ],
        passing: [.process("<bpmn:userTask id=\"Pick\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"colour\" type=\"enum\"><camunda:value id=\"red\" name=\"Red\" /></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            guard let form = n.form else { return }
            var seen: Set<String> = []
            for f in form.fields {
                if f.type == "enum" && f.enumValues.isEmpty {
                    out.append(RuleFinding("enum form field '\(f.id)' has no camunda:value entries, so there is nothing to choose", at: f.location, element: n.id))
                }
                if !f.id.isEmpty && !seen.insert(f.id).inserted {
                    out.append(RuleFinding("duplicate form field id '\(f.id)': both fields write the variable '\(f.id)'", at: f.location, element: n.id))
                }
            }
        }
        return out
    }
}
