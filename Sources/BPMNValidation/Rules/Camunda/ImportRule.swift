import BPMNModel

/// `<import>`: Camunda 7 has no importer for any import type (the WSDL one needs the Apache CXF
/// module, which no distribution ships), so it refuses the deployment.
public struct ImportRule: ValidationRule {
    public static let id = "camunda-import"
    public static let summary = "The file has no <import> (Camunda 7 cannot import XSD, WSDL or other documents and refuses the deployment)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.definitions("""
            <bpmn:import importType="http://www.w3.org/2001/XMLSchema" location="order.xsd" namespace="http://example.com/order" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1"><bpmn:startEvent id="Start" /></bpmn:process>
            """)],
        passing: [.process("<bpmn:startEvent id=\"Start\" />")])
    public init() {}

    static let wsdl = "http://schemas.xmlsoap.org/wsdl/"

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        diagram.rawElements("import", in: .bpmn).map { element in
            let type = element.attributes["importType"] ?? "null"
            var message = "Could not import item of type \(type)"
            if type == Self.wsdl {
                message = "Could not find importer for type \(type) (the WSDL importer needs Apache CXF); " + message
            }
            return RuleFinding(message + (element.attributes["location"].map { " (location \"\($0)\")" } ?? ""), at: element.location)
        }
    }
}
