import BPMNModel

/// Turns the scanned element tree into the spec graph.
struct ModelBuilder {
    let doc: XDocument
    let fileName: String
    var warnings: [ParseDiagnostic] = []

    init(doc: XDocument, fileName: String) {
        self.doc = doc
        self.fileName = fileName
        self.warnings = doc.warnings
    }

    // MARK: Tree access

    struct Children: Sequence, IteratorProtocol {
        let elements: [XElement]
        var cursor: Int32
        mutating func next() -> Int32? {
            guard cursor >= 0 else { return nil }
            let cur = cursor
            cursor = elements[Int(cur)].nextSibling
            return cur
        }
    }

    func children(_ e: Int32) -> Children { Children(elements: doc.elements, cursor: doc.elements[Int(e)].firstChild) }
    func name(_ e: Int32) -> String { doc.elements[Int(e)].name }
    func tag(_ e: Int32) -> Tag { doc.elements[Int(e)].tag }
    func loc(_ e: Int32) -> SourceLocation { doc.elements[Int(e)].location }

    /// Attribute without namespace.
    func attr(_ e: Int32, _ name: String) -> String? { attribute(e, name, camunda: false) }

    /// Attribute in the Camunda (or legacy Activiti) namespace.
    func camundaAttr(_ e: Int32, _ name: String) -> String? { attribute(e, name, camunda: true) }

    private func attribute(_ e: Int32, _ name: String, camunda: Bool) -> String? {
        let start = Int(doc.elements[Int(e)].attrStart), end = Int(doc.elements[Int(e)].attrEnd)
        return doc.attrs.withUnsafeBufferPointer { attrs in
            for i in start..<end where attrs[i].isCamunda == camunda && attrs[i].name == name {
                return attrs[i].value
            }
            return nil
        }
    }

    func camundaAttrs(_ e: Int32) -> [String: String] {
        let start = Int(doc.elements[Int(e)].attrStart), end = Int(doc.elements[Int(e)].attrEnd)
        var out: [String: String] = [:]
        for i in start..<end where doc.attrs[i].isCamunda && out[doc.attrs[i].name] == nil {
            out[doc.attrs[i].name] = doc.attrs[i].value
        }
        return out
    }

    func firstChild(_ e: Int32, _ t: Tag) -> Int32? {
        for c in children(e) where tag(c) == t { return c }
        return nil
    }

    /// First child that is a Camunda extension element with this local name.
    func camundaChild(_ e: Int32, _ name: String) -> Int32? {
        for c in children(e) where tag(c) == .camunda && self.name(c) == name { return c }
        return nil
    }

    func camundaChildren(_ e: Int32, _ name: String) -> [Int32] {
        children(e).filter { tag($0) == .camunda && self.name($0) == name }
    }

    func text(_ e: Int32) -> String { doc.elements[Int(e)].text ?? "" }

    static func trim(_ s: String) -> String {
        let u = s.utf8
        func ws(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
        guard let f = u.first, let l = u.last, ws(f) || ws(l) else { return s }
        var start = u.startIndex
        var end = u.endIndex
        while start < end && ws(u[start]) { start = u.index(after: start) }
        while end > start && ws(u[u.index(before: end)]) { end = u.index(before: end) }
        return String(s[start..<end])
    }

    /// `true` (any case) → true; Java's Boolean.parseBoolean.
    static func isTrue(_ s: String?) -> Bool { s?.lowercased() == "true" }

    /// Camunda's parseBooleanAttribute: true/enabled/on/active/yes, false/disabled/off/inactive/no.
    static func camundaBool(_ s: String?) -> Bool? {
        switch s {
        case "true", "enabled", "on", "active", "yes": return true
        case "false", "disabled", "off", "inactive", "no": return false
        default: return nil
        }
    }

    func expression(_ e: Int32) -> ExpressionSpec {
        ExpressionSpec(text: ModelBuilder.trim(text(e)), language: attr(e, "language"), location: loc(e))
    }

    /// `<documentation>` children, each trimmed, joined by a blank line (as Camunda does); nil if none.
    func documentation(_ e: Int32) -> String? {
        var parts: [String] = []
        for c in children(e) where tag(c) == .documentation { parts.append(ModelBuilder.trim(text(c))) }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    /// The `id` attribute, or a placeholder `kind@line:col` (never a valid XML id, so it cannot
    /// collide with a real one) plus a warning.
    mutating func idOrPlaceholder(_ e: Int32) -> String {
        if let id = attr(e, "id"), !id.isEmpty { return id }
        let l = loc(e)
        let placeholder = "\(name(e))@\(l.line):\(l.column)"
        warnings.append(ParseDiagnostic(severity: .warning,
                                        message: "<\(name(e))> has no id; using the placeholder id '\(placeholder)'",
                                        location: l, elementId: placeholder))
        return placeholder
    }

    // MARK: Definitions

    mutating func build() -> BPMNDefinitions {
        let root: Int32 = 0
        var defs = BPMNDefinitions(fileName: fileName, id: attr(root, "id"), targetNamespace: attr(root, "targetNamespace"),
                                   exporter: attr(root, "exporter"), exporterVersion: attr(root, "exporterVersion"))
        for c in children(root) {
            switch tag(c) {
            case .process:
                defs.processes.append(buildProcess(c))
            case .collaboration:
                for p in children(c) where tag(p) == .participant {
                    defs.participants.append(Participant(id: idOrPlaceholder(p), name: attr(p, "name"),
                                                         processRef: attr(p, "processRef"), location: loc(p)))
                }
            case .message:
                defs.messages.append(RootElement(id: idOrPlaceholder(c), name: attr(c, "name"), location: loc(c)))
            case .signal:
                defs.signals.append(RootElement(id: idOrPlaceholder(c), name: attr(c, "name"), location: loc(c)))
            case .error:
                defs.errors.append(ErrorElement(id: idOrPlaceholder(c), name: attr(c, "name"),
                                                errorCode: attr(c, "errorCode"),
                                                errorMessage: camundaAttr(c, "errorMessage"), location: loc(c)))
            case .escalation:
                defs.escalations.append(EscalationElement(id: idOrPlaceholder(c), name: attr(c, "name"),
                                                          escalationCode: attr(c, "escalationCode"), location: loc(c)))
            default:
                break
            }
        }
        defs.warnings = warnings
        defs.index = doc.index
        defs.shapeY = doc.shapeY
        return defs
    }

    // MARK: Processes

    private struct Parts {
        var nodes: [FlowNode] = []
        var flows: [SequenceFlow] = []
        var associations: [Association] = []
    }

    mutating func buildProcess(_ e: Int32) -> ProcessSpec {
        var parts = Parts()
        parts.nodes.reserveCapacity(doc.flowNodeCount)
        parts.flows.reserveCapacity(doc.sequenceFlowCount)
        collect(scope: e, parent: nil, into: &parts)
        var p = ProcessSpec(id: idOrPlaceholder(e), name: attr(e, "name"),
                            isExecutable: attr(e, "isExecutable").map { ModelBuilder.isTrue($0) },
                            location: loc(e), documentation: documentation(e), camundaAttributes: camundaAttrs(e),
                            extensions: firstChild(e, .extensionElements).map { extensions($0) } ?? ExtensionElements())
        // Move (not copy) the arrays in, so that linking below mutates them in place.
        swap(&p.nodes, &parts.nodes)
        swap(&p.flows, &parts.flows)
        p.associations = parts.associations
        p.ioSpecification = firstChild(e, .ioSpecification).map { ioSpecification($0) }
        p.reindex()
        link(&p)
        return p
    }

    private mutating func ioSpecification(_ e: Int32) -> IOSpecification {
        var spec = IOSpecification(location: loc(e))
        for c in children(e) where tag(c) == .dataInput || tag(c) == .dataOutput {
            let item = IOSpecification.DataItem(id: idOrPlaceholder(c), name: attr(c, "name"), location: loc(c))
            if tag(c) == .dataInput { spec.inputs.append(item) } else { spec.outputs.append(item) }
        }
        return spec
    }

    /// Collects the flow nodes and sequence flows of a scope, depth first, in document order.
    private mutating func collect(scope: Int32, parent: Int?, into parts: inout Parts) {
        for c in children(scope) {
            let t = tag(c)
            if let kind = t.flowNodeKind {
                let index = parts.nodes.count
                parts.nodes.append(buildNode(c, kind: kind, parent: parent))
                if let parent { parts.nodes[parent].children.append(index) }
                if kind.isSubProcess { collect(scope: c, parent: index, into: &parts) }
            } else if t == .sequenceFlow {
                parts.flows.append(buildFlow(c))
            } else if t == .association {
                parts.associations.append(Association(id: attr(c, "id") ?? "", sourceRef: attr(c, "sourceRef") ?? "",
                                                      targetRef: attr(c, "targetRef") ?? "", location: loc(c)))
            }
        }
    }

    /// Resolves references by id: flow ends, incoming/outgoing, boundary hosts, default flows.
    /// Works on the arrays moved out of `p` (its id index stays valid), so nothing is copied.
    private func link(_ p: inout ProcessSpec) {
        var nodes: [FlowNode] = []
        var flows: [SequenceFlow] = []
        swap(&nodes, &p.nodes)
        swap(&flows, &p.flows)
        for f in flows.indices {
            let s = p.nodeIndex(of: flows[f].sourceRef)
            let t = p.nodeIndex(of: flows[f].targetRef)
            flows[f].source = s
            flows[f].target = t
            if let s { nodes[s].outgoing.append(f) }
            if let t { nodes[t].incoming.append(f) }
        }
        for n in nodes.indices {
            if nodes[n].kind == .boundaryEvent, let ref = nodes[n].attachedToRef, let host = p.nodeIndex(of: ref) {
                nodes[n].attachedTo = host
                nodes[host].boundaryEvents.append(n)
            }
            if let d = nodes[n].defaultFlowId {
                var found: Int?
                for f in nodes[n].outgoing where flows[f].id == d {
                    found = f
                    break
                }
                nodes[n].defaultFlow = found
            }
        }
        // A compensation boundary event names its handler through an association (BPMN 2.0 10.5.6).
        for a in p.associations {
            guard let s = p.nodeIndex(of: a.sourceRef), let t = p.nodeIndex(of: a.targetRef) else { continue }
            if nodes[s].kind == .boundaryEvent, nodes[s].eventDefinitions.contains(where: { $0.kind == .compensate }) {
                nodes[s].compensationHandler = t
            }
        }
        swap(&nodes, &p.nodes)
        swap(&flows, &p.flows)
    }

    mutating func buildFlow(_ e: Int32) -> SequenceFlow {
        let condition = firstChild(e, .conditionExpression).map { expression($0) }
        return SequenceFlow(id: idOrPlaceholder(e), name: attr(e, "name"), sourceRef: attr(e, "sourceRef") ?? "",
                            targetRef: attr(e, "targetRef") ?? "", condition: condition, location: loc(e),
                            documentation: documentation(e),
                            extensions: firstChild(e, .extensionElements).map { extensions($0) } ?? ExtensionElements())
    }

    mutating func buildNode(_ e: Int32, kind: FlowNodeKind, parent: Int?) -> FlowNode {
        var n = FlowNode(id: idOrPlaceholder(e), name: attr(e, "name"), kind: kind, location: loc(e),
                         documentation: documentation(e), parent: parent)
        n.camundaAttributes = camundaAttrs(e)
        n.implementation = attr(e, "implementation")
        n.messageRef = attr(e, "messageRef")
        n.calledElement = attr(e, "calledElement")
        n.defaultFlowId = attr(e, "default")
        n.gatewayDirection = attr(e, "gatewayDirection")
        n.isForCompensation = ModelBuilder.isTrue(attr(e, "isForCompensation"))
        switch kind {
        case .boundaryEvent:
            n.attachedToRef = attr(e, "attachedToRef")
            n.cancelActivity = attr(e, "cancelActivity").map { ModelBuilder.isTrue($0) } ?? true
        case .startEvent:
            n.isInterrupting = attr(e, "isInterrupting").map { ModelBuilder.isTrue($0) } ?? true
        case .subProcess, .transaction, .adHocSubProcess:
            n.triggeredByEvent = ModelBuilder.isTrue(attr(e, "triggeredByEvent"))
        default:
            break
        }

        var scriptElement: Int32?
        var eventExtras: [ExtensionElements] = []
        var sawExtensions = false
        for c in children(e) {
            let t = tag(c)
            if let dk = t.eventDefinitionKind {
                let (def, extras) = eventDefinition(c, kind: dk)
                n.eventDefinitions.append(def)
                if let extras { eventExtras.append(extras) }
                continue
            }
            switch t {
            case .extensionElements where !sawExtensions:
                sawExtensions = true
                n.extensions = extensions(c)
            case .script where scriptElement == nil:
                scriptElement = c
            case .incoming:
                n.declaredIncoming.append(ModelBuilder.trim(text(c)))
            case .outgoing:
                n.declaredOutgoing.append(ModelBuilder.trim(text(c)))
            case .multiInstanceLoopCharacteristics:
                n.multiInstance = multiInstance(c)
            case .standardLoopCharacteristics:
                n.standardLoop = StandardLoopSpec(loopCondition: firstChild(c, .loopCondition).map { expression($0) },
                                                  testBefore: ModelBuilder.isTrue(attr(c, "testBefore")),
                                                  loopMaximum: attr(c, "loopMaximum").flatMap { Int(ModelBuilder.trim($0)) },
                                                  location: loc(c))
            default:
                break
            }
        }
        if kind == .scriptTask {
            n.script = ScriptSpec(format: attr(e, "scriptFormat") ?? camundaAttr(e, "scriptFormat"),
                                  body: scriptElement.map { text($0) }, resource: camundaAttr(e, "resource"),
                                  location: scriptElement.map { loc($0) } ?? n.location)
        }
        // camunda:in/out and camunda:field inside an event definition (signal / message throw)
        // belong to the event.
        for x in eventExtras {
            n.extensions.inMappings += x.inMappings
            n.extensions.outMappings += x.outMappings
            n.extensions.fields += x.fields
        }
        if let formKey = n.camundaAttributes["formKey"] {
            if n.extensions.form == nil {
                n.extensions.form = FormSpec(formKey: formKey, location: n.location)
            } else {
                n.extensions.form?.formKey = formKey
            }
        }
        return n
    }

    func eventDefinition(_ e: Int32, kind: EventDefinition.Kind) -> (EventDefinition, ExtensionElements?) {
        var d = EventDefinition(kind: kind, id: attr(e, "id"), location: loc(e))
        switch kind {
        case .message: d.ref = attr(e, "messageRef")
        case .signal: d.ref = attr(e, "signalRef")
        case .error: d.ref = attr(e, "errorRef")
        case .escalation: d.ref = attr(e, "escalationRef")
        case .compensate:
            d.ref = attr(e, "activityRef")
            d.waitForCompletion = attr(e, "waitForCompletion").map { ModelBuilder.isTrue($0) }
        case .link: d.linkName = attr(e, "name")
        case .timer, .conditional, .terminate, .cancel: break
        }
        d.camundaAttributes = camundaAttrs(e)
        var extras: ExtensionElements?
        for c in children(e) {
            switch tag(c) {
            case .timeDate where kind == .timer: d.timeDate = expression(c)
            case .timeDuration where kind == .timer: d.timeDuration = expression(c)
            case .timeCycle where kind == .timer: d.timeCycle = expression(c)
            case .condition where kind == .conditional: d.condition = expression(c)
            case .extensionElements where extras == nil: extras = extensions(c)
            default: break
            }
        }
        return (d, extras)
    }

    func multiInstance(_ e: Int32) -> MultiInstanceSpec {
        var m = MultiInstanceSpec(isSequential: ModelBuilder.camundaBool(attr(e, "isSequential")) ?? false, location: loc(e))
        m.collection = camundaAttr(e, "collection")
        m.elementVariable = camundaAttr(e, "elementVariable")
        for c in children(e) {
            switch tag(c) {
            case .loopCardinality: m.loopCardinality = expression(c)
            case .completionCondition: m.completionCondition = expression(c)
            case .loopDataInputRef: m.loopDataInputRef = ModelBuilder.trim(text(c))
            case .inputDataItem: m.inputDataItem = attr(c, "name")
            default: break
            }
        }
        return m
    }
}
