import BPMNPython
import BPMNModel
import BPMNScripting

/// A script language bpmnrun can neither run nor check on a Camunda diagram (Groovy, Ruby, and
/// Python, which Camunda 7 runs with Jython 2.7): the diagram may be fine on an engine that has
/// that script engine, but nothing here vouches for it. Spiff diagrams are not checked: there
/// every script is Python, whatever its format.
public struct ScriptFormatUnsupportedRule: ValidationRule {
    public static let id = "script-format-unsupported"
    public static let summary = "Scripts on Camunda diagrams are in a language bpmnrun can check and run (javascript, juel); spiff diagrams run every script as Python."
    public static let category = RuleCategory.expressions
    public static let defaultLevel = RuleLevel.warn
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:scriptTask id=\"Compute\" scriptFormat=\"groovy\"><bpmn:script>def x = 1</bpmn:script></bpmn:scriptTask>")],
        passing: [
            .process("<bpmn:scriptTask id=\"Compute\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"),
            .process("<bpmn:scriptTask id=\"Compute\"><bpmn:script>${1 + 1}</bpmn:script></bpmn:scriptTask>"),
        ])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        func check(_ format: String?, _ location: SourceLocation, _ owner: String, _ what: String) {
            let language = diagram.language(of: format)
            if language == .juel || language == .javascript { return }
            // A checker registered for the language vouches for it (not Python: see above).
            if language != .python && diagram.checker(for: language) != nil { return }
            let name = (format ?? "").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return }
            out.append(RuleFinding("\(what) is written in '\(name)', which bpmnrun cannot check or run; the diagram may still work on an engine with a \(name) script engine",
                                   at: location, element: owner))
        }
        ScriptCollector.forEachScript(in: diagram) { script, owner, what in
            check(script.format, script.location, owner, what == "script" ? "the script" : "the \(what)")
        }
        for p in diagram.processes {
            for f in p.flows {
                if let c = f.condition, let lang = c.language { check(lang, c.location, f.id, "the condition") }
            }
        }
        return out
    }
}

import Foundation
