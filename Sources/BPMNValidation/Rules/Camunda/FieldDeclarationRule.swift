import BPMNModel

/// How a `camunda:field` gives its value, as Camunda 7 reads it: an attribute (`stringValue`,
/// `expression`) or one child element (`camunda:string`, `camunda:expression`) with text, never both.
public struct FieldDeclarationRule: ValidationRule {
    public static let id = "camunda-field-declaration"
    public static let summary = "A camunda:field gives its value once: an attribute or one non-empty camunda:string/camunda:expression child, not both."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("""
            <bpmn:serviceTask id="Mail" camunda:class="org.example.Mail"><bpmn:extensionElements>
              <camunda:field name="to" stringValue="a@example.com"><camunda:string>b@example.com</camunda:string></camunda:field>
            </bpmn:extensionElements></bpmn:serviceTask>
            """),
            .process("""
            <bpmn:serviceTask id="Mail" camunda:class="org.example.Mail"><bpmn:extensionElements>
              <camunda:field name="to"><camunda:string>a@example.com</camunda:string><camunda:string>b@example.com</camunda:string></camunda:field>
            </bpmn:extensionElements></bpmn:serviceTask>
            """),
        ],
        passing: [.process("""
            <bpmn:serviceTask id="Mail" camunda:class="org.example.Mail"><bpmn:extensionElements>
              <camunda:field name="to" stringValue="a@example.com" />
              <camunda:field name="text"><camunda:expression>Hello ${name}</camunda:expression></camunda:field>
            </bpmn:extensionElements></bpmn:serviceTask>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for (i, field) in diagram.index.rawElements.enumerated() where field.namespace == .camunda && field.name == "field" {
            guard let owner = field.ownerId, diagram.executableNode(owner) != nil else { continue }
            for (attribute, element, kind) in [("stringValue", "string", "string"), ("expression", "expression", "expression")] {
                let children = diagram.rawChildren(of: i, named: element).filter { $0.1.namespace == .camunda }
                if children.count > 1 {
                    out.append(RuleFinding("Multiple \(kind) field declarations found (field '\(field.attributes["name"] ?? "")')", at: children[1].1.location, element: owner))
                } else if let child = children.first {
                    if field.attributes[attribute] != nil {
                        out.append(RuleFinding("Can't use attribute '\(attribute)' and element '\(element)' together, only use one", at: field.location, element: owner))
                    } else if (child.1.text ?? "").isEmpty {
                        out.append(RuleFinding("No valid value found in attribute '\(attribute)' nor element '\(element)'", at: child.1.location, element: owner))
                    }
                }
            }
        }
        return out
    }
}
