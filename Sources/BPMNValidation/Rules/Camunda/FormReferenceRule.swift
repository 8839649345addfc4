import BPMNPython
import BPMNModel

/// A user task or start event references its form once: `camunda:formKey` or `camunda:formRef`
/// (with a valid `formRefBinding`), not both.
public struct FormReferenceRule: ValidationRule {
    public static let id = "camunda-form-reference"
    public static let summary = "Only one of camunda:formKey and camunda:formRef, and formRefBinding is deployment, latest or version."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:userTask id=\"T\" camunda:formKey=\"embedded:app:a.html\" camunda:formRef=\"form-a\" camunda:formRefBinding=\"latest\" />"),
            .process("<bpmn:userTask id=\"T\" camunda:formRef=\"form-a\" />"),
        ],
        passing: [.process("<bpmn:userTask id=\"T\" camunda:formRef=\"form-a\" camunda:formRefBinding=\"deployment\" />")])
    public init() {}

    static let bindings: Set<String> = ["deployment", "latest", "version"]

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            guard n.kind == .userTask || n.kind == .startEvent else { return }
            let key = n.camundaAttributes["formKey"], ref = n.camundaAttributes["formRef"]
            if key != nil && ref != nil {
                out.append(RuleFinding("Invalid element definition: only one of the attributes formKey and formRef is allowed.", at: n.location, element: n.id))
            }
            if ref != nil {
                let binding = n.camundaAttributes["formRefBinding"]
                if binding == nil || !Self.bindings.contains(binding!) {
                    out.append(RuleFinding("Invalid element definition: value for formRefBinding attribute has to be one of [deployment, latest, version] but was \(binding ?? "null")",
                                           at: n.location, element: n.id))
                }
            }
        }
        return out
    }
}
