import BPMNPython
import BPMNModel

/// `camunda:field` injections and the built-in mail and shell tasks they configure.
public struct FieldInjectionRule: ValidationRule {
    public static let id = "camunda-field-injection"
    public static let summary = "camunda:field has a value; mail tasks have 'to' and 'text' or 'html'; shell tasks have 'command' and true/false flags."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:serviceTask id=\"T\" camunda:class=\"org.example.D\"><bpmn:extensionElements><camunda:field name=\"url\" /></bpmn:extensionElements></bpmn:serviceTask>"),
            .process("<bpmn:serviceTask id=\"Mail\" camunda:type=\"mail\"><bpmn:extensionElements><camunda:field name=\"subject\" stringValue=\"Hi\" /></bpmn:extensionElements></bpmn:serviceTask>"),
            .process("<bpmn:serviceTask id=\"Run\" camunda:type=\"shell\"><bpmn:extensionElements><camunda:field name=\"command\" stringValue=\"ls\" /><camunda:field name=\"wait\" stringValue=\"maybe\" /></bpmn:extensionElements></bpmn:serviceTask>"),
        ],
        passing: [.process("""
            <bpmn:serviceTask id="Mail" camunda:type="mail"><bpmn:extensionElements>
              <camunda:field name="to" expression="${customer.email}" /><camunda:field name="text"><camunda:string>Thanks</camunda:string></camunda:field>
            </bpmn:extensionElements></bpmn:serviceTask>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            let fields = n.extensions.fields
            for f in fields where f.value == nil {
                out.append(RuleFinding("One of the following is mandatory on a field declaration: one of attributes stringValue|expression or one of child elements string|expression (field '\(f.name)')",
                                       at: n.location, element: n.id))
            }
            let names = Set(fields.map(\.name))
            switch n.camunda("type")?.lowercased() {
            case "mail":
                if !names.contains("to") {
                    out.append(RuleFinding("No recipient is defined on the mail activity", at: n.location, element: n.id))
                }
                if !names.contains("text") && !names.contains("html") {
                    out.append(RuleFinding("Text or html field should be provided", at: n.location, element: n.id))
                }
            case "shell":
                if !names.contains("command") {
                    out.append(RuleFinding("No shell command is defined on the shell activity", at: n.location, element: n.id))
                }
                // The flags are read as fixed text: only true or false (any case) is accepted.
                for f in n.extensions.fields where ["wait", "redirectError", "cleanEnv"].contains(f.name) {
                    let value = f.value ?? ""
                    if value.lowercased() != "true" && value.lowercased() != "false" {
                        out.append(RuleFinding("undefined value for shell \(f.name) parameter :\(value)", at: n.location, element: n.id))
                    }
                }
            default:
                break
            }
        }
        return out
    }
}
