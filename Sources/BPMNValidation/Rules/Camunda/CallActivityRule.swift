import BPMNModel

/// A call activity names what it calls.
public struct CallActivityRule: ValidationRule {
    public static let id = "camunda-call-activity"
    public static let summary = "A call activity has calledElement (or camunda:caseRef), not both, and the version (tag) its binding asks for."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:callActivity id=\"Call\" />"),
            .process("<bpmn:callActivity id=\"Call\" calledElement=\"Process_1\" camunda:calledElementBinding=\"version\" />"),
        ],
        passing: [.process("<bpmn:callActivity id=\"Call\" calledElement=\"Process_1\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            guard n.kind == .callActivity else { return }
            let called = n.calledElement, caseRef = n.camundaAttributes["caseRef"]
            if called == nil && caseRef == nil {
                out.append(RuleFinding("Missing attribute 'calledElement' or 'caseRef'", at: n.location, element: n.id))
            } else if called != nil && caseRef != nil {
                out.append(RuleFinding("The attributes 'calledElement' or 'caseRef' cannot be used together: Use either 'calledElement' or 'caseRef'", at: n.location, element: n.id))
            }
            // Binding "version" / "versionTag" need the version (tag) they bind to.
            for (binding, version, tag) in [("calledElementBinding", "calledElementVersion", "calledElementVersionTag"),
                                           ("caseBinding", "caseVersion", "caseVersionTag")] {
                switch n.camundaAttributes[binding] {
                case "version" where n.camundaAttributes[version] == nil:
                    out.append(RuleFinding("Missing attribute '\(version)' when '\(binding)' has value 'version'", at: n.location, element: n.id))
                case "versionTag" where n.camundaAttributes[tag] == nil:
                    out.append(RuleFinding("Missing attribute '\(tag)' when '\(binding)' has value 'versionTag'", at: n.location, element: n.id))
                default:
                    break
                }
            }
        }
        return out
    }
}
