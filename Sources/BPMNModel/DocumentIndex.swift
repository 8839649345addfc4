/// What a validator needs from a file beyond the spec graph: every `id` with its element and
/// position (including elements the model skips, such as lanes and diagram shapes), the elements
/// drawn in BPMNDI, and associations. Collected only when asked for (`BPMNLoader.load(...,
/// collectingIndex: true)`), so running a diagram pays nothing for it.
public struct DocumentIndex: Sendable {
    public struct IdDeclaration: Hashable, Sendable {
        public var id: String
        /// Local name of the element carrying the id (`task`, `BPMNShape`, ...).
        public var element: String
        public var location: SourceLocation
        public init(id: String, element: String, location: SourceLocation) {
            self.id = id
            self.element = element
            self.location = location
        }
    }

    /// `<association>`: its ends as written.
    public struct Association: Hashable, Sendable {
        public var id: String?
        public var sourceRef: String?
        public var targetRef: String?
        public var location: SourceLocation
        public init(id: String?, sourceRef: String?, targetRef: String?, location: SourceLocation) {
            self.id = id
            self.sourceRef = sourceRef
            self.targetRef = targetRef
            self.location = location
        }
    }

    /// An element the model does not keep (or keeps without the detail a check needs), recorded
    /// as written: `<import>`, `<humanPerformer>`, `<potentialOwner>` and their `<formalExpression>`,
    /// `<conditionExpression>` (for `xsi:type`), `camunda:executionListener`, `camunda:taskListener`
    /// with the timer of a timeout listener, `camunda:errorEventDefinition`, `camunda:field` with its `camunda:string` /
    /// `camunda:expression` children, `camunda:formProperty`, `camunda:inputParameter` /
    /// `camunda:outputParameter` with their value elements (`list`, `map`, `entry`, `script`, `value`).
    public struct RawElement: Hashable, Sendable {
        public enum Namespace: Hashable, Sendable { case bpmn, camunda }
        public var name: String
        public var namespace: Namespace
        /// Attributes by name: `name` without namespace, `camunda:name` in a Camunda namespace,
        /// `xsi:name` in the XML Schema instance namespace.
        public var attributes: [String: String]
        public var location: SourceLocation
        /// Index (in `rawElements`) of the nearest recorded ancestor.
        public var parent: Int?
        /// The `id` of the nearest enclosing element that has one (the task of a humanPerformer,
        /// the sequence flow of a conditionExpression, ...).
        public var ownerId: String?
        /// Text content, for `formalExpression`, timer values and field values only.
        public var text: String?
        public init(name: String, namespace: Namespace, attributes: [String: String], location: SourceLocation,
                    parent: Int? = nil, ownerId: String? = nil, text: String? = nil) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
            self.location = location
            self.parent = parent
            self.ownerId = ownerId
            self.text = text
        }
    }

    /// `<BPMNPlane>`, `<BPMNShape>` or `<BPMNEdge>` as written.
    public struct DiagramElement: Hashable, Sendable {
        /// The element's local name.
        public var kind: String
        public var bpmnElement: String?
        public var location: SourceLocation
        /// Direct `<dc:Bounds>` children of a shape, `<di:waypoint>` children of an edge.
        public var geometryCount: Int
        /// The first coordinate of those children that is missing or not a number, described.
        public var badCoordinate: String?
        public init(kind: String, bpmnElement: String?, location: SourceLocation, geometryCount: Int = 0, badCoordinate: String? = nil) {
            self.kind = kind
            self.bpmnElement = bpmnElement
            self.location = location
            self.geometryCount = geometryCount
            self.badCoordinate = badCoordinate
        }
    }

    /// Every element with an `id` attribute, in document order.
    public var ids: [IdDeclaration]
    /// `bpmnElement` of every BPMNShape / BPMNEdge / BPMNPlane.
    public var diagramElementRefs: Set<String>
    /// Number of `<BPMNDiagram>` elements.
    public var diagramCount: Int
    public var associations: [Association]
    /// The recorded `RawElement`s, in document order.
    public var rawElements: [RawElement]
    /// Planes, shapes and edges of the diagram interchange, in document order.
    public var diagramElements: [DiagramElement] = []

    public init(ids: [IdDeclaration] = [], diagramElementRefs: Set<String> = [], diagramCount: Int = 0,
                associations: [Association] = [], rawElements: [RawElement] = []) {
        self.rawElements = rawElements
        self.ids = ids
        self.diagramElementRefs = diagramElementRefs
        self.diagramCount = diagramCount
        self.associations = associations
    }
}
