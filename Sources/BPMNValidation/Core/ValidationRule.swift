import BPMNModel
import BPMNPython

/// The groups of rules, in the order the issue lists them.
public enum RuleCategory: String, Sendable, CaseIterable {
    case structure = "XML and structure"
    case camunda7 = "Camunda 7 deployability"
    case expressions = "Expressions and scripts"
    case modelling = "Modelling"
    case soundness = "Flow soundness"
    case spiff = "SpiffWorkflow dialect"
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
    /// The dialects whose diagrams the rule checks (docs/dialects.md, "Validating"): a Camunda 7
    /// deployment rule about something SpiffWorkflow never reads does not fire on spiff diagrams.
    static var dialects: Set<Dialect> { get }
    /// The `soundnessWorkLimit` the examples are checked with (nil: the built-in limit).
    static var exampleSoundnessWorkLimit: Int? { get }
    init()
    func check(_ diagram: DiagramContext) -> [RuleFinding]
}

extension ValidationRule {
    public var id: String { Self.id }
    /// Both dialects unless the rule says otherwise.
    public static var dialects: Set<Dialect> { Set(Dialect.allCases) }
    public static var exampleSoundnessWorkLimit: Int? { nil }
}

extension Set where Element == Dialect {
    /// Rules about Camunda 7 notation that SpiffWorkflow ignores (listeners, input/output,
    /// history time to live, JUEL, script formats, ...).
    public static let camundaOnly: Set<Dialect> = [.camunda]
    /// Rules about what SpiffWorkflow's parser refuses or compiles as Python.
    public static let spiffOnly: Set<Dialect> = [.spiff]
}
