/// The kind of a flow node; the raw value is the BPMN element's local name.
public enum FlowNodeKind: String, Codable, Sendable, CaseIterable {
    case startEvent, endEvent, intermediateCatchEvent, intermediateThrowEvent, boundaryEvent
    case task, userTask, manualTask, scriptTask, serviceTask, sendTask, receiveTask, businessRuleTask, callActivity
    case subProcess, transaction, adHocSubProcess
    case exclusiveGateway, parallelGateway, inclusiveGateway, eventBasedGateway, complexGateway

    public var isGateway: Bool {
        switch self {
        case .exclusiveGateway, .parallelGateway, .inclusiveGateway, .eventBasedGateway, .complexGateway: return true
        default: return false
        }
    }

    public var isEvent: Bool {
        switch self {
        case .startEvent, .endEvent, .intermediateCatchEvent, .intermediateThrowEvent, .boundaryEvent: return true
        default: return false
        }
    }

    /// Activities (tasks, sub-processes, call activities): things that can carry boundary events,
    /// multi-instance and I/O mappings.
    public var isActivity: Bool { !isGateway && !isEvent }

    /// The kind in words, for messages: `endEvent` -> "end event".
    public var words: String {
        rawValue.reduce(into: "") { out, c in
            if c.isUppercase { out += " " + c.lowercased() } else { out.append(c) }
        }
    }

    public var isSubProcess: Bool { self == .subProcess || self == .transaction || self == .adHocSubProcess }
}

/// One flow node of a process. A single struct with optional parts keeps the graph flat and fast
/// to walk; which parts are set depends on `kind`.
public struct FlowNode: Sendable {
    public var id: String
    public var name: String?
    public var kind: FlowNodeKind
    public var location: SourceLocation
    public var documentation: String?
    /// Index of the enclosing sub-process node, nil at process level.
    public var parent: Int?
    /// Sequence flows (indices into `ProcessSpec.flows`) whose targetRef / sourceRef is this node,
    /// in document order. Derived from the flows, not from `<incoming>`/`<outgoing>` children.
    public var incoming: [Int]
    public var outgoing: [Int]
    /// The `default` attribute as written, and the flow it resolves to among `outgoing`.
    public var defaultFlowId: String?
    public var defaultFlow: Int?
    /// All `camunda:` attributes (Camunda or legacy Activiti namespace), by local name:
    /// assignee, candidateGroups, resultVariable, expression, class, delegateExpression, type, topic,
    /// formKey, asyncBefore, initiator, collection, elementVariable, errorCodeVariable, ...
    public var camundaAttributes: [String: String]
    public var extensions: ExtensionElements
    /// Event definitions of an event (empty for a none event).
    public var eventDefinitions: [EventDefinition]
    /// Script task body, or nil.
    public var script: ScriptSpec?
    /// `implementation` attribute (service/send/receive/business rule tasks), `messageRef` (send/receive task).
    public var implementation: String?
    public var messageRef: String?
    /// Boundary event: the host activity (index) and reference as written; `cancelActivity` (default true).
    public var attachedTo: Int?
    public var attachedToRef: String?
    public var cancelActivity: Bool
    /// Boundary events attached to this activity (indices).
    public var boundaryEvents: [Int]
    /// Sub-process: direct children (indices) and whether it is an event sub-process.
    public var children: [Int]
    public var triggeredByEvent: Bool
    /// Start event of an event sub-process: `isInterrupting` (default true).
    public var isInterrupting: Bool
    /// Call activity: `calledElement` as written.
    public var calledElement: String?
    public var multiInstance: MultiInstanceSpec?
    public var standardLoop: StandardLoopSpec?
    public var isForCompensation: Bool
    /// Compensation boundary event: the handler activity its association points to.
    public var compensationHandler: Int?
    /// Event-based gateway `instantiate`, `eventGatewayType`; gateway `gatewayDirection`.
    public var gatewayDirection: String?

    public init(id: String, name: String? = nil, kind: FlowNodeKind, location: SourceLocation = .unknown,
                documentation: String? = nil, parent: Int? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.location = location
        self.documentation = documentation
        self.parent = parent
        self.incoming = []
        self.outgoing = []
        self.defaultFlowId = nil
        self.defaultFlow = nil
        self.camundaAttributes = [:]
        self.extensions = ExtensionElements()
        self.eventDefinitions = []
        self.script = nil
        self.implementation = nil
        self.messageRef = nil
        self.attachedTo = nil
        self.attachedToRef = nil
        self.cancelActivity = true
        self.boundaryEvents = []
        self.children = []
        self.triggeredByEvent = false
        self.isInterrupting = true
        self.calledElement = nil
        self.multiInstance = nil
        self.standardLoop = nil
        self.isForCompensation = false
        self.compensationHandler = nil
        self.gatewayDirection = nil
    }

    /// A `camunda:` attribute, nil when absent or empty.
    public func camunda(_ name: String) -> String? {
        guard let v = camundaAttributes[name], !v.isEmpty else { return nil }
        return v
    }

    /// The name if set, else the id: what the terminal shows.
    public var displayName: String { (name?.isEmpty == false) ? name! : id }

    /// The form of a user task (or start event), if it has `camunda:formData`/`formKey`.
    public var form: FormSpec? { extensions.form }
}

/// `<script>` of a script task (or of a listener / I/O parameter).
public struct ScriptSpec: Hashable, Sendable {
    /// `scriptFormat` / `camunda:scriptFormat` as written; nil when absent.
    public var format: String?
    /// Inline script text; nil when there is no `<script>` element.
    public var body: String?
    /// `camunda:resource` (external script), if any.
    public var resource: String?
    /// Where the script text starts (the `<script>` element), for line numbers inside scripts.
    public var location: SourceLocation

    public init(format: String?, body: String?, resource: String? = nil, location: SourceLocation = .unknown) {
        self.format = format
        self.body = body
        self.resource = resource
        self.location = location
    }
}

/// An event definition child of an event.
public struct EventDefinition: Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case message, timer, error, signal, escalation, terminate, conditional, link, compensate, cancel
    }
    public var kind: Kind
    public var id: String?
    public var location: SourceLocation
    /// messageRef / signalRef / errorRef / escalationRef / activityRef (compensate), as written.
    public var ref: String?
    /// Timer: exactly one of these is normally set.
    public var timeDate: ExpressionSpec?
    public var timeDuration: ExpressionSpec?
    public var timeCycle: ExpressionSpec?
    /// Conditional event `<condition>`.
    public var condition: ExpressionSpec?
    /// Link event `name`.
    public var linkName: String?
    /// Compensation `waitForCompletion`.
    public var waitForCompletion: Bool?
    /// `camunda:` attributes (errorCodeVariable, errorMessageVariable, escalationCodeVariable,
    /// variableName, variableEvents, ...).
    public var camundaAttributes: [String: String]

    public init(kind: Kind, id: String? = nil, location: SourceLocation = .unknown, ref: String? = nil) {
        self.kind = kind
        self.id = id
        self.location = location
        self.ref = ref
        self.timeDate = nil
        self.timeDuration = nil
        self.timeCycle = nil
        self.condition = nil
        self.linkName = nil
        self.waitForCompletion = nil
        self.camundaAttributes = [:]
    }
}

/// `<multiInstanceLoopCharacteristics>`.
public struct MultiInstanceSpec: Hashable, Sendable {
    public var isSequential: Bool
    public var loopCardinality: ExpressionSpec?
    public var completionCondition: ExpressionSpec?
    /// `camunda:collection` and `camunda:elementVariable`.
    public var collection: String?
    public var elementVariable: String?
    /// `<loopDataInputRef>` and `<inputDataItem name>` (the standard alternative).
    public var loopDataInputRef: String?
    public var inputDataItem: String?
    public var location: SourceLocation

    public init(isSequential: Bool, loopCardinality: ExpressionSpec? = nil, completionCondition: ExpressionSpec? = nil,
                collection: String? = nil, elementVariable: String? = nil, loopDataInputRef: String? = nil,
                inputDataItem: String? = nil, location: SourceLocation = .unknown) {
        self.isSequential = isSequential
        self.loopCardinality = loopCardinality
        self.completionCondition = completionCondition
        self.collection = collection
        self.elementVariable = elementVariable
        self.loopDataInputRef = loopDataInputRef
        self.inputDataItem = inputDataItem
        self.location = location
    }
}

/// `<standardLoopCharacteristics>`.
public struct StandardLoopSpec: Hashable, Sendable {
    public var loopCondition: ExpressionSpec?
    public var testBefore: Bool
    public var loopMaximum: Int?
    public var location: SourceLocation

    public init(loopCondition: ExpressionSpec?, testBefore: Bool = false, loopMaximum: Int? = nil, location: SourceLocation = .unknown) {
        self.loopCondition = loopCondition
        self.testBefore = testBefore
        self.loopMaximum = loopMaximum
        self.location = location
    }
}
