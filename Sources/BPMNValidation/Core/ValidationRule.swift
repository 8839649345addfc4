import BPMNModel

/// The groups of rules, in the order the issue lists them.
public enum RuleCategory: String, Sendable, CaseIterable {
    case structure = "XML and structure"
    case camunda7 = "Camunda 7 deployability"
    case expressions = "Expressions and scripts"
    case modelling = "Modelling"
    case soundness = "Flow soundness"
}

/// A diagram used to document and test a rule. `process` bodies are wrapped in a Camunda Modeler
/// style `<definitions>` with one executable process `Process_1` (with a history time to live);
/// `definitions` bodies only in `<definitions>`; `document` is used as it is.
public enum RuleExample: Sendable {
    case process(String)
    case definitions(String)
    case document(String)

    public var xml: String {
        switch self {
        case .document(let text):
            return text
        case .definitions(let body):
            return RuleExample.header + body + "\n</bpmn:definitions>\n"
        case .process(let body):
            return RuleExample.header
                + "<bpmn:process id=\"Process_1\" isExecutable=\"true\" camunda:historyTimeToLive=\"180\">\n"
                + body + "\n</bpmn:process>\n</bpmn:definitions>\n"
        }
    }

    static let header = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">

    """
}

/// Examples that trigger a rule and examples that do not; the rule's tests use both.
public struct RuleExamples: Sendable {
    public var triggering: [RuleExample]
    public var passing: [RuleExample]
    public init(triggering: [RuleExample], passing: [RuleExample]) {
        self.triggering = triggering
        self.passing = passing
    }
}

/// One check. Each rule is a small type: metadata for `--list-rules` and docs/rules.md, examples
/// for its tests, and `check`, which must not run scripts or services.
public protocol ValidationRule: Sendable {
    static var id: String { get }
    /// One line saying what the rule finds.
    static var summary: String { get }
    static var category: RuleCategory { get }
    static var defaultLevel: RuleLevel { get }
    static var examples: RuleExamples { get }
    /// The `soundnessWorkLimit` the examples are checked with (nil: the built-in limit).
    static var exampleSoundnessWorkLimit: Int? { get }
    init()
    func check(_ diagram: DiagramContext) -> [RuleFinding]
}

extension ValidationRule {
    public var id: String { Self.id }
    public static var exampleSoundnessWorkLimit: Int? { nil }
}
