import BPMNModel

// The three ways a file can fail to load at all. The loader finds them (libxml2 gives line and
// column); these types carry their id, description and examples, and check nothing themselves.

/// The file cannot be read.
public struct FileReadableRule: ValidationRule {
    public static let id = "file-readable"
    public static let summary = "The file can be read (exists, is a file, permissions allow it)."
    public static let category = RuleCategory.structure
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(triggering: [], passing: [.process("<bpmn:startEvent id=\"Start\"/>")])
    public init() {}
    public func check(_ diagram: DiagramContext) -> [RuleFinding] { [] }
}

/// Not well-formed XML, with libxml2's line and column.
public struct XMLWellFormedRule: ValidationRule {
    public static let id = "xml-well-formed"
    public static let summary = "The file is well-formed XML (reported with libxml2's line and column)."
    public static let category = RuleCategory.structure
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .document("<?xml version=\"1.0\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <bpmn:process id=\"P\">\n</bpmn:definitions>\n"),
            .document(""),
        ],
        passing: [.process("<bpmn:startEvent id=\"Start\"/>")])
    public init() {}
    public func check(_ diagram: DiagramContext) -> [RuleFinding] { [] }
}

/// Well-formed XML whose root is not BPMN 2.0 `<definitions>`.
public struct BPMNDefinitionsRule: ValidationRule {
    public static let id = "bpmn-definitions"
    public static let summary = "The root element is <definitions> in the BPMN 2.0 model namespace."
    public static let category = RuleCategory.structure
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .document("<?xml version=\"1.0\"?>\n<definitions id=\"D\"><process id=\"P\"/></definitions>\n"),
            .document("<?xml version=\"1.0\"?>\n<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"D\"/>\n"),
        ],
        passing: [.process("<bpmn:startEvent id=\"Start\"/>")])
    public init() {}
    public func check(_ diagram: DiagramContext) -> [RuleFinding] { [] }
}
