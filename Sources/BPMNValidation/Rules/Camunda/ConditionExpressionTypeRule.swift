import BPMNModel

/// `xsi:type` of a sequence flow's `<conditionExpression>`: Camunda 7 accepts only
/// `tFormalExpression` (Camunda Modeler writes `bpmn:tFormalExpression`).
public struct ConditionExpressionTypeRule: ValidationRule {
    public static let id = "camunda-condition-expression-type"
    public static let summary = "A sequence flow's conditionExpression has no xsi:type or xsi:type tFormalExpression, and no empty language attribute."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.document(document(type: "bpmn:tExpression")),
            .process("""
            <bpmn:exclusiveGateway id="Gateway" default="Other" />
            <bpmn:sequenceFlow id="Big" sourceRef="Gateway" targetRef="End"><bpmn:conditionExpression language="">amount &gt; 1000</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Other" sourceRef="Gateway" targetRef="End" /><bpmn:endEvent id="End" />
            """),
        ],
        passing: [.document(document(type: "bpmn:tFormalExpression"))])
    public init() {}

    static func document(type: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="180">
          <bpmn:startEvent id="Start" />
          <bpmn:exclusiveGateway id="Gateway" default="Other" />
          <bpmn:sequenceFlow id="Big" sourceRef="Gateway" targetRef="End">
            <bpmn:conditionExpression xsi:type="\(type)">${amount &gt; 1000}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:sequenceFlow id="Other" sourceRef="Gateway" targetRef="End" />
          <bpmn:endEvent id="End" />
        </bpmn:process>
        </bpmn:definitions>
        """
    }

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for e in diagram.rawElements("conditionExpression", in: .bpmn) {
            guard let owner = e.ownerId, diagram.executableElements.flowIds.contains(owner) else { continue }
            if let language = e.attributes["language"], language.trimmingCharacters(in: .whitespaces).isEmpty {
                // A language attribute makes it a script condition, and a script needs a language.
                out.append(RuleFinding("Unable to process condition expression:Script language is empty", at: e.location, element: owner))
            }
            guard let type = e.attributes["xsi:type"] else { continue }
            let local = type.split(separator: ":").last.map(String.init) ?? type
            if local != "tFormalExpression" {
                out.append(RuleFinding("Invalid type, only tFormalExpression is currently supported (xsi:type=\"\(type)\")", at: e.location, element: owner))
            }
        }
        return out
    }
}
