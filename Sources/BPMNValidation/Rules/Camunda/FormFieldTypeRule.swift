import BPMNModel

/// `camunda:formField` types Camunda 7 knows out of the box: string, long, boolean, date, enum.
/// Any other name needs a custom form type registered in the engine. On spiff diagrams only the
/// id is required: SpiffWorkflow keeps the type for the application (none or any name is fine),
/// and bpmnrun reads a field without a type as a string and an unknown type's value as given.
public struct FormFieldTypeRule: ValidationRule {
    public static let id = "camunda-form-field-type"
    public static let summary = "Form fields have an id and a type Camunda 7 knows (string, long, boolean, date, enum, or one listed in formTypes)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:userTask id=\"Enter\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"amount\" type=\"double\" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>"),
            .process("<bpmn:userTask id=\"Enter\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"amount\" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>"),
        ],
        passing: [.process("<bpmn:userTask id=\"Enter\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"amount\" type=\"long\" /><camunda:formField id=\"when\" type=\"date\" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>")])
    public init() {}

    static let known: Set<String> = ["string", "long", "boolean", "date", "enum"]

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            guard let form = n.form else { return }
            for f in form.fields {
                if f.id.isEmpty {
                    out.append(RuleFinding(form.isLegacyFormProperties ? "attribute 'id' is required" : "attribute id must be set for FormFieldGroup and must have a non-empty value", at: f.location, element: n.id))
                }
                if diagram.dialect == .spiff { continue }
                guard let type = f.type, !type.isEmpty else {
                    if !form.isLegacyFormProperties {
                        out.append(RuleFinding("form field must have a 'type' attribute (field '\(f.id)')", at: f.location, element: n.id))
                    }
                    continue
                }
                if !Self.known.contains(type) && !diagram.configuration.customFormTypes.contains(type) {
                    var m = "unknown type '\(type)' (field '\(f.id)'; Camunda 7 knows string, long, boolean, date and enum"
                    if type == "double" || type == "integer" || type == "number" { m += "; use long, or string and convert" }
                    out.append(RuleFinding(m + ", unless the engine registers a custom form type: list it in \"formTypes\" of .bpmnrunrc.json)", at: f.location, element: n.id))
                }
            }
        }
        return out
    }
}
