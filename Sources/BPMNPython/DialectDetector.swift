import BPMNModel
import Foundation

/// Chooses between the Camunda and SpiffWorkflow dialects from what a diagram contains (pure
/// functions over the parsed model; nothing is compiled or run).
public enum DialectDetector {
    /// Over every process of a file.
    public static func detect(_ definitions: BPMNDefinitions) -> DialectDecision {
        decide(definitions.processes.flatMap(clues(in:)))
    }

    public static func detect(_ process: ProcessSpec) -> DialectDecision {
        decide(clues(in: process))
    }

    /// The decision for a set of clues: decisive clues of one dialect choose it; both kinds are a
    /// conflict (the decision then names the dialect with more clues); no decisive clue falls back
    /// to Camunda (Camunda-only attributes with `${}` are then the reason, if any).
    public static func decide(_ clues: [DialectClue]) -> DialectDecision {
        let decisive = clues.filter { $0.kind.isDecisive }
        let camunda = decisive.filter { $0.dialect == .camunda }
        let spiff = decisive.filter { $0.dialect == .spiff }
        if camunda.isEmpty, spiff.isEmpty {
            let supporting = clues.filter { !$0.kind.isDecisive }
            let reason = supporting.isEmpty
                ? "camunda: no ${...} expressions, Python conditions or scripts; Camunda 7 semantics by default"
                : "camunda: " + summary(supporting)
            return DialectDecision(dialect: .camunda, reason: reason, clues: clues, conflict: nil)
        }
        let conflict = (camunda.first.flatMap { c in spiff.first.map { DialectConflict(camunda: c, spiff: $0) } })
        let dialect: Dialect = spiff.count > camunda.count ? .spiff : .camunda
        let reason = dialect.rawValue + ": " + summary(dialect == .spiff ? spiff : camunda)
        return DialectDecision(dialect: dialect, reason: reason, clues: clues, conflict: conflict)
    }

    /// `2 Python-looking conditions without ${} (e.g. 'proceed == True' on Flow_1) and 1 script
    /// without scriptFormat (e.g. Activity_1)`, grouped by kind in a fixed order.
    static func summary(_ clues: [DialectClue]) -> String {
        let order: [DialectClue.Kind] = [.juelExpression, .camundaScriptFormat, .externalScript, .literalTimer,
                                         .camundaAttributeExpression, .pythonExpression, .pythonScriptFormat,
                                         .scriptWithoutFormat, .pythonStringTimer]
        var parts: [String] = []
        for kind in order {
            let group = clues.filter { $0.kind == kind }
            guard let first = group.first else { continue }
            let n = group.count
            let example: String
            switch kind {
            case .juelExpression: example = "\(n) ${...} expression\(n == 1 ? "" : "s")"
            case .camundaScriptFormat: example = "\(n) script\(n == 1 ? "" : "s") with scriptFormat=\(first.excerpt)"
            case .externalScript: example = "\(n) external script\(n == 1 ? "" : "s")"
            case .literalTimer: example = "\(n) bare timer literal\(n == 1 ? "" : "s")"
            case .camundaAttributeExpression: example = "\(n) camunda: attribute\(n == 1 ? "" : "s") with ${...}"
            case .pythonExpression: example = "\(n) Python-looking condition\(n == 1 ? "" : "s") without ${}"
            case .pythonScriptFormat: example = "\(n) script\(n == 1 ? "" : "s") with scriptFormat=\(first.excerpt)"
            case .scriptWithoutFormat: example = "\(n) script task\(n == 1 ? "" : "s") without scriptFormat"
            case .pythonStringTimer: example = "\(n) timer\(n == 1 ? "" : "s") written as Python strings"
            }
            let at = kind == .scriptWithoutFormat || kind == .camundaScriptFormat || kind == .pythonScriptFormat
                || kind == .externalScript ? first.elementId : "'\(first.excerpt)' on \(first.elementId)"
            parts.append("\(example) (e.g. \(at))")
        }
        return parts.joined(separator: " and ")
    }

    // MARK: Collecting clues

    public static func clues(in process: ProcessSpec) -> [DialectClue] {
        var found: [DialectClue] = []
        func add(_ kind: DialectClue.Kind, _ element: String, _ part: String, _ excerpt: String, _ location: SourceLocation) {
            found.append(DialectClue(kind: kind, processId: process.id, elementId: element, part: part,
                                     excerpt: shorten(excerpt), location: location))
        }
        func expression(_ spec: ExpressionSpec?, _ element: String, _ part: String) {
            guard let spec, let kind = classify(spec) else { return }
            add(kind, element, part, kind == .camundaScriptFormat || kind == .pythonScriptFormat ? spec.language ?? "" : spec.text,
                spec.location)
        }
        for flow in process.flows {
            expression(flow.condition, flow.id, "condition")
        }
        for node in process.nodes {
            if let script = node.script { scriptClue(script, node).map { add($0.0, node.id, "script", $0.1, script.location) } }
            if let mi = node.multiInstance {
                // A whole number (`5`) is a valid cardinality in both engines: no clue.
                if let c = mi.loopCardinality, Int(c.text.trimmingCharacters(in: .whitespacesAndNewlines)) == nil {
                    expression(c, node.id, "loopCardinality")
                }
                expression(mi.completionCondition, node.id, "completionCondition")
            }
            expression(node.standardLoop?.loopCondition, node.id, "loopCondition")
            for definition in node.eventDefinitions {
                expression(definition.condition, node.id, "condition")
                for (part, timer) in [("timeDate", definition.timeDate), ("timeDuration", definition.timeDuration),
                                      ("timeCycle", definition.timeCycle)] {
                    if let timer, let kind = classifyTimer(timer.text) { add(kind, node.id, part, timer.text, timer.location) }
                }
            }
            for (name, value) in node.camundaAttributes.sorted(by: { $0.key < $1.key }) where isJUEL(value) {
                add(.camundaAttributeExpression, node.id, "camunda:\(name)", value, node.location)
            }
            for parameter in node.extensions.inputParameters + node.extensions.outputParameters {
                if case .text(let text) = parameter.value, isJUEL(text) {
                    add(.camundaAttributeExpression, node.id, "camunda:inputOutput \(parameter.name)", text, parameter.location)
                }
            }
        }
        return found
    }

    /// A condition-like expression: JUEL, a script language, or (without `${}`) Python.
    static func classify(_ spec: ExpressionSpec) -> DialectClue.Kind? {
        let text = spec.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let language = spec.language?.lowercased(), !language.isEmpty {
            if pythonFormats.contains(language) { return .pythonScriptFormat }
            return .camundaScriptFormat
        }
        if text.isEmpty { return nil }
        return isJUEL(text) ? .juelExpression : .pythonExpression
    }

    static func scriptClue(_ script: ScriptSpec, _ node: FlowNode) -> (DialectClue.Kind, String)? {
        if let format = script.format?.trimmingCharacters(in: .whitespaces).lowercased(), !format.isEmpty {
            return (pythonFormats.contains(format) ? .pythonScriptFormat : .camundaScriptFormat, format)
        }
        if let resource = script.resource, !resource.isEmpty { return (.externalScript, resource) }
        guard node.kind == .scriptTask else { return nil }
        // Camunda 7 runs a format-less script as JUEL; `${true}` is no Python.
        if let body = script.body, isJUEL(body) { return (.juelExpression, body) }
        return (.scriptWithoutFormat, script.body ?? "")
    }

    public static func classifyTimer(_ text: String) -> DialectClue.Kind? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return nil }
        if isJUEL(t) { return .juelExpression }
        if let first = t.first, first == "\"" || first == "'" { return .pythonStringTimer }
        // ISO 8601 durations, repeating intervals and date-times: `P…`, `R…/…`, `2024-…`.
        if t.first == "P" || t.first == "R" || t.first?.isNumber == true, !t.contains(" ") { return .literalTimer }
        return nil
    }

    static let pythonFormats: Set<String> = ["python", "python3", "py", "jython"]

    static func isJUEL(_ text: String) -> Bool { text.contains("${") || text.contains("#{") }

    static func shorten(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ⏎ ")
        return oneLine.count > 60 ? String(oneLine.prefix(57)) + "..." : oneLine
    }
}
