import BPMNModel
import BPMNScripting

/// Scripts are compiled (never run) by the checker registered for their language: JavaScript
/// through JavaScriptCore. On spiff diagrams every script task body is Python whatever its
/// `scriptFormat` (SpiffWorkflow runs them all as Python, and reads no listener or input/output
/// scripts); on Camunda diagrams `python` is left alone, as Camunda 7 runs it with Jython 2.7.
public struct ScriptSyntaxRule: ValidationRule {
    public static let id = "script-syntax"
    public static let summary = "Scripts compile: JavaScript script tasks, camunda:script and conditions on Camunda diagrams; every script task as Python on spiff diagrams."
    public static let category = RuleCategory.expressions
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:scriptTask id=\"Compute\" scriptFormat=\"javascript\"><bpmn:script>var total = (1 + ;</bpmn:script></bpmn:scriptTask>"),
            .process("<bpmn:task id=\"Task\"><bpmn:extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"javascript\">if (x { }</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task>"),
        ],
        passing: [.process("<bpmn:scriptTask id=\"Compute\" scriptFormat=\"javascript\"><bpmn:script>var total = amount * 2; total</bpmn:script></bpmn:scriptTask>")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        // Diagrams repeat scripts (generated steps, copied tasks): check each text once.
        var known: [ScriptLanguage: [String: ScriptSyntaxProblem?]] = [:]
        func checkScript(_ text: String, _ language: ScriptLanguage, _ format: String, _ location: SourceLocation,
                         _ owner: String, _ what: String) {
            guard text.utf8.contains(where: { $0 > 0x20 }),
                  let checker = diagram.checker(for: language) else { return }
            let result: ScriptSyntaxProblem?
            if let cached = known[language]?[text] {
                result = cached
            } else {
                result = checker.check(text)
                known[language, default: [:]][text] = result
            }
            guard let problem = result else { return }
            // The script text starts right after its element's start tag, so line L of the
            // script is line (element line + L - 1) of the file.
            var at = location
            var inside = ""
            if let l = problem.line, l >= 1, location.line > 0 {
                at = SourceLocation(line: location.line + l - 1, column: l == 1 ? location.column : max(1, problem.column ?? 1))
                inside = " at line \(l)" + (problem.column.map { ", column \($0)" } ?? "") + " of the script"
            }
            out.append(RuleFinding("\(what) (\(format)) does not compile\(inside): \(problem.message)", at: at, element: owner))
        }
        if diagram.dialect == .spiff {
            for p in diagram.processes {
                for n in p.nodes where n.kind == .scriptTask {
                    guard let s = n.script, let body = s.body else { continue }
                    checkScript(body, .python, "python", s.location, n.id, "the script")
                }
            }
            return out
        }
        ScriptCollector.forEachScript(in: diagram) { script, owner, what in
            let language = diagram.language(of: script.format)
            guard language != .juel, language != .python, let body = script.body else { return }
            checkScript(body, language, script.format ?? "", script.location, owner, what == "script" ? "the script" : "the \(what)")
        }
        for p in diagram.processes {
            for f in p.flows {
                guard let c = f.condition, let lang = c.language else { continue }
                let language = diagram.language(of: lang)
                if language != .juel, language != .python { checkScript(c.text, language, lang, c.location, f.id, "the condition") }
            }
        }
        return out
    }
}

import Foundation
