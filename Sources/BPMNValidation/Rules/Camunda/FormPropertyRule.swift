import BPMNModel

/// The legacy `camunda:formProperty` form (before `camunda:formData`): its `required`,
/// `readable` and `writable` flags must be one of Camunda's boolean words.
public struct FormPropertyRule: ValidationRule {
    public static let id = "camunda-form-property"
    public static let summary = "Legacy camunda:formProperty flags required, readable and writable are one of on, yes, true, enabled, active, off, no, false, disabled, inactive."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:userTask id="Enter"><bpmn:extensionElements>
              <camunda:formProperty id="amount" type="long" required="required" />
            </bpmn:extensionElements></bpmn:userTask>
            """)],
        passing: [.process("""
            <bpmn:userTask id="Enter"><bpmn:extensionElements>
              <camunda:formProperty id="amount" type="long" required="yes" writable="false" />
            </bpmn:extensionElements></bpmn:userTask>
            """)])
    public init() {}

    /// Camunda's `parseBooleanAttribute` words (compared as written: `True` is not one of them).
    static let words: Set<String> = ["on", "yes", "true", "enabled", "active", "off", "no", "false", "disabled", "inactive"]

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for e in diagram.rawElements("formProperty", in: .camunda) {
            guard let owner = e.ownerId, diagram.executableNode(owner) != nil else { continue }
            for flag in ["required", "readable", "writable"] {
                if let value = e.attributes[flag], !Self.words.contains(value) {
                    out.append(RuleFinding("attribute '\(flag)' must be one of {on|yes|true|enabled|active|off|no|false|disabled|inactive} (form property '\(e.attributes["id"] ?? "")' has '\(value)')",
                                           at: e.location, element: owner))
                }
            }
        }
        return out
    }
}
