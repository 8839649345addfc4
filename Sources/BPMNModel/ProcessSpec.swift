/// One `<process>`: every flow node and sequence flow it contains, at every depth of nesting,
/// in document order. Nodes and flows refer to each other by index into `nodes` / `flows`.
public struct ProcessSpec: Sendable {
    public var id: String
    public var name: String?
    /// `isExecutable` as written; nil when the attribute is absent (Camunda 7 then skips the process).
    public var isExecutable: Bool?
    public var location: SourceLocation
    public var documentation: String?
    /// All `camunda:` attributes of the `<process>` element, by local name (historyTimeToLive, versionTag, ...).
    public var camundaAttributes: [String: String]
    public var nodes: [FlowNode]
    public var flows: [SequenceFlow]
    /// `<association>` artifacts (at any depth), used to find compensation handlers.
    public var associations: [Association] = []
    /// Listeners and properties declared on the process itself.
    public var extensions: ExtensionElements
    /// The process's `<ioSpecification>`, if it declares one.
    public var ioSpecification: IOSpecification?

    public init(id: String, name: String? = nil, isExecutable: Bool? = nil, location: SourceLocation = .unknown,
                documentation: String? = nil, camundaAttributes: [String: String] = [:], nodes: [FlowNode] = [],
                flows: [SequenceFlow] = [], extensions: ExtensionElements = ExtensionElements()) {
        self.id = id
        self.name = name
        self.isExecutable = isExecutable
        self.location = location
        self.documentation = documentation
        self.camundaAttributes = camundaAttributes
        self.nodes = nodes
        self.flows = flows
        self.extensions = extensions
        self.nodeIndexById = [:]
        self.flowIndexById = [:]
        reindex()
    }

    private var nodeIndexById: [String: Int]
    private var flowIndexById: [String: Int]

    /// Rebuilds the id lookups; call after changing `nodes` or `flows` directly.
    public mutating func reindex() {
        // By index, not `enumerated()`, which would copy each whole node and flow to read its id.
        nodeIndexById = Dictionary(minimumCapacity: nodes.count)
        for i in nodes.indices where nodeIndexById[nodes[i].id] == nil { nodeIndexById[nodes[i].id] = i }
        flowIndexById = Dictionary(minimumCapacity: flows.count)
        for i in flows.indices where flowIndexById[flows[i].id] == nil { flowIndexById[flows[i].id] = i }
    }

    public func nodeIndex(of id: String) -> Int? { nodeIndexById[id] }
    public func flowIndex(of id: String) -> Int? { flowIndexById[id] }
    public func node(id: String) -> FlowNode? { nodeIndexById[id].map { nodes[$0] } }
    public func flow(id: String) -> SequenceFlow? { flowIndexById[id].map { flows[$0] } }

    /// Nodes directly inside the process (not inside a sub-process).
    public var topLevelNodes: [Int] { nodes.indices.filter { nodes[$0].parent == nil } }

    /// Direct children of a scope: the process when `scope` is nil, else a sub-process node.
    public func children(of scope: Int?) -> [Int] {
        guard let scope else { return topLevelNodes }
        return nodes[scope].children
    }
}

/// `<sequenceFlow>`. `source`/`target` are node indices, nil when the reference points nowhere.
public struct SequenceFlow: Sendable {
    public var id: String
    public var name: String?
    public var sourceRef: String
    public var targetRef: String
    public var source: Int?
    public var target: Int?
    public var condition: ExpressionSpec?
    public var location: SourceLocation
    public var documentation: String?
    public var extensions: ExtensionElements

    public init(id: String, name: String? = nil, sourceRef: String, targetRef: String, source: Int? = nil,
                target: Int? = nil, condition: ExpressionSpec? = nil, location: SourceLocation = .unknown,
                documentation: String? = nil, extensions: ExtensionElements = ExtensionElements()) {
        self.id = id
        self.name = name
        self.sourceRef = sourceRef
        self.targetRef = targetRef
        self.source = source
        self.target = target
        self.condition = condition
        self.location = location
        self.documentation = documentation
        self.extensions = extensions
    }
}

/// `<association>`: links a compensation boundary event to its handler (and text annotations to elements).
public struct Association: Hashable, Sendable {
    public var id: String
    public var sourceRef: String
    public var targetRef: String
    public var location: SourceLocation
    public init(id: String, sourceRef: String, targetRef: String, location: SourceLocation = .unknown) {
        self.id = id
        self.sourceRef = sourceRef
        self.targetRef = targetRef
        self.location = location
    }
}
