import BPMNModel
import BPMNScripting

/// One JUEL expression of a diagram, where it sits and what it is for.
struct ExpressionSite {
    var text: String
    var location: SourceLocation
    var elementId: String
    /// "the condition", "camunda:assignee", ...
    var what: String
}

/// Walks every place Camunda 7 reads as a JUEL expression at deployment: conditions, service
/// and listener expressions, user task assignments and dates, multi-instance, timers, call
/// activity targets, input/output and variable mappings, and JUEL scripts.
enum ExpressionCollector {
    /// `camunda:` attributes that hold expressions (when they contain `${`/`#{`) on flow nodes.
    static let expressionAttributes = [
        "expression", "delegateExpression", "assignee", "candidateUsers", "candidateGroups", "dueDate",
        "followUpDate", "priority", "taskPriority", "jobPriority", "calledElementVersion", "calledElementTenantId",
        "decisionRef", "decisionRefVersion", "collection",
    ]

    static func forEach(in diagram: DiagramContext, _ body: (ExpressionSite) -> Void) {
        func text(_ t: String?, _ loc: SourceLocation, _ owner: String, _ what: @autoclosure () -> String, always: Bool = false) {
            guard let t, !t.isEmpty, always || JUELSyntax.containsExpression(t) else { return }
            body(ExpressionSite(text: t, location: loc, elementId: owner, what: what()))
        }
        func io(_ v: IOValue, _ loc: SourceLocation, _ owner: String, _ what: @autoclosure () -> String) {
            switch v {
            case .text(let t): text(t, loc, owner, what())
            case .list(let items): for i in items { io(i, loc, owner, what()) }
            case .map(let entries): for e in entries { io(e.value, loc, owner, what()) }
            case .script(let s):
                if diagram.language(of: s.format) == .juel, (s.format ?? "").isEmpty == false {
                    text(s.body, s.location, owner, "the JUEL script of \(what())", always: true)
                }
            case .none: break
            }
        }
        func extensions(_ x: ExtensionElements, _ loc: SourceLocation, _ owner: String) {
            for p in x.inputParameters { io(p.value, p.location, owner, "input parameter '\(p.name)'") }
            for p in x.outputParameters { io(p.value, p.location, owner, "output parameter '\(p.name)'") }
            for l in x.executionListeners + x.taskListeners {
                switch l.implementation {
                case .expression(let e): text(e, l.location, owner, "the listener expression", always: true)
                case .delegateExpression(let e): text(e, l.location, owner, "the listener delegateExpression", always: true)
                case .script(let s) where diagram.language(of: s.format) == .juel && !(s.format ?? "").isEmpty:
                    text(s.body, s.location, owner, "the listener's JUEL script", always: true)
                default: break
                }
            }
            for m in x.inMappings + x.outMappings {
                text(m.sourceExpression, m.location, owner, "sourceExpression", always: true)
                text(m.businessKey, m.location, owner, "businessKey")
            }
        }
        // Message and signal names are expressions to Camunda 7 (it builds them for every file).
        for m in diagram.definitions.messages { text(m.name, m.location, m.id, "the message name") }
        for s in diagram.definitions.signals { text(s.name, s.location, s.id, "the signal name") }
        rawSites(diagram) { t, l, o, w, a in text(t, l, o, w, always: a) }
        for p in diagram.processes {
            extensions(p.extensions, p.location, p.id)
            for f in p.flows {
                if let c = f.condition, diagram.language(of: c.language) == .juel {
                    text(c.text, c.location, f.id, "the condition", always: true)
                }
                extensions(f.extensions, f.location, f.id)
            }
            for n in p.nodes {
                if !n.camundaAttributes.isEmpty {
                    for name in expressionAttributes {
                        guard let value = n.camundaAttributes[name] else { continue }
                        let always = name == "expression" || name == "delegateExpression"
                        text(value, n.location, n.id, "camunda:\(name)", always: always)
                    }
                }
                text(n.calledElement, n.location, n.id, "calledElement")
                if let mi = n.multiInstance {
                    if let c = mi.loopCardinality { text(c.text, c.location, n.id, "loopCardinality") }
                    if let c = mi.completionCondition { text(c.text, c.location, n.id, "completionCondition", always: true) }
                    text(mi.collection, mi.location, n.id, "camunda:collection")
                }
                for d in n.eventDefinitions {
                    for (what, e) in [("timeDate", d.timeDate), ("timeDuration", d.timeDuration), ("timeCycle", d.timeCycle)] {
                        if let e { text(e.text, e.location, n.id, what) }
                    }
                    if let c = d.condition, diagram.language(of: c.language) == .juel {
                        text(c.text, c.location, n.id, "the condition", always: true)
                    }
                }
                if n.kind == .scriptTask, let s = n.script, diagram.language(of: s.format) == .juel, let body = s.body {
                    text(body, s.location, n.id, "the JUEL script", always: true)
                }
                if let form = n.form {
                    for field in form.fields { text(field.defaultValue, field.location, n.id, "the default value of form field '\(field.id)'") }
                }
                if !n.extensions.isEmpty { extensions(n.extensions, n.location, n.id) }
            }
        }
    }
}

extension ExpressionCollector {
    /// Expressions in elements the model does not keep: resource assignments, the expression of
    /// a camunda:errorEventDefinition, field expressions, timers of timeout task listeners.
    /// The raw elements that can hold an expression (sequence flow conditions are in the model).
    static let rawExpressionElements: Set<String> = [
        "formalExpression", "errorEventDefinition", "field", "expression", "timeDate", "timeDuration", "timeCycle",
    ]

    static func rawSites(_ diagram: DiagramContext, _ text: (String?, SourceLocation, String, String, Bool) -> Void) {
        let raw = diagram.index.rawElements
        for e in raw where rawExpressionElements.contains(e.name) {
            guard let owner = e.ownerId, diagram.executableNode(owner) != nil else { continue }
            func parentName() -> String? { e.parent.map { raw[$0].name } }
            switch (e.namespace, e.name) {
            case (.bpmn, "formalExpression") where parentName() == "resourceAssignmentExpression":
                let performer = raw[e.parent!].parent.map { raw[$0].name } ?? "resource assignment"
                text(e.text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, e.location, owner, "the \(performer) expression", false)
            case (.camunda, "errorEventDefinition"):
                text(e.attributes["expression"], e.location, owner, "the expression of camunda:errorEventDefinition", true)
            case (.camunda, "field"):
                text(e.attributes["expression"], e.location, owner, "the expression of field '\(e.attributes["name"] ?? "")'", true)
            case (.camunda, "expression") where parentName() == "field":
                let name = raw[e.parent!].attributes["name"] ?? ""
                text(e.text, e.location, owner, "the expression of field '\(name)'", true)
            case (.bpmn, "timeDate"), (.bpmn, "timeDuration"), (.bpmn, "timeCycle"):
                text(e.text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, e.location, owner, "the \(e.name) of a timeout task listener", false)
            default:
                break
            }
        }
    }
}

/// Thin wrapper so the collector reads well.
enum JUELSyntax {
    static func containsExpression(_ s: String) -> Bool { BPMNExpressionsBridge.containsExpression(s) }
}
