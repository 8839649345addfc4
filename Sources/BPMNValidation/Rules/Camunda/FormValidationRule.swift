import BPMNModel

/// `camunda:constraint` of a form field: Camunda 7 knows the validators required, readonly,
/// minlength, maxlength, min and max, plus `validator` (a class or expression given as config)
/// and those the engine registers; any other name fails the deployment.
public struct FormValidationRule: ValidationRule {
    public static let id = "camunda-form-validation"
    public static let summary = "Form field constraints name a known validator (required, readonly, minlength, maxlength, min, max, validator with a config, or one listed in \"formValidators\")."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("""
            <bpmn:userTask id="Enter"><bpmn:extensionElements><camunda:formData>
              <camunda:formField id="amount" type="long"><camunda:validation><camunda:constraint name="requird" /></camunda:validation></camunda:formField>
            </camunda:formData></bpmn:extensionElements></bpmn:userTask>
            """),
            .process("""
            <bpmn:userTask id="Enter"><bpmn:extensionElements><camunda:formData>
              <camunda:formField id="iban" type="string"><camunda:validation><camunda:constraint name="validator" /></camunda:validation></camunda:formField>
            </camunda:formData></bpmn:extensionElements></bpmn:userTask>
            """),
        ],
        passing: [.process("""
            <bpmn:userTask id="Enter"><bpmn:extensionElements><camunda:formData>
              <camunda:formField id="amount" type="long"><camunda:validation>
                <camunda:constraint name="required" /><camunda:constraint name="min" config="1" />
                <camunda:constraint name="validator" config="${ibanValidator}" />
              </camunda:validation></camunda:formField>
            </camunda:formData></bpmn:extensionElements></bpmn:userTask>
            """)])
    public init() {}

    static let builtIn: Set<String> = ["required", "readonly", "minlength", "maxlength", "min", "max"]

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            for i in p.nodes.indices where p.nodes[i].extensions.form != nil {
                let n = p.nodes[i]
                for f in n.form?.fields ?? [] {
                    for c in f.constraints {
                        if c.name == "validator" {
                            if (c.value ?? "").isEmpty {
                                out.append(RuleFinding("validator configuration needs to provide either a fully qualified classname or an expression resolving to a custom FormFieldValidator implementation. (field '\(f.id)')", at: f.location, element: n.id))
                            }
                        } else if !Self.builtIn.contains(c.name) && !diagram.configuration.customFormValidators.contains(c.name) {
                            out.append(RuleFinding("Cannot find validator implementation for name '\(c.name)'. (field '\(f.id)'; list validators the engine registers in \"formValidators\" of .bpmnrunrc.json)", at: f.location, element: n.id))
                        }
                    }
                }
            }
        }
        return out
    }
}
