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

    /// Every element with an `id` attribute, in document order.
    public var ids: [IdDeclaration]
    /// `bpmnElement` of every BPMNShape / BPMNEdge / BPMNPlane.
    public var diagramElementRefs: Set<String>
    /// Number of `<BPMNDiagram>` elements.
    public var diagramCount: Int
    public var associations: [Association]

    public init(ids: [IdDeclaration] = [], diagramElementRefs: Set<String> = [], diagramCount: Int = 0,
                associations: [Association] = []) {
        self.ids = ids
        self.diagramElementRefs = diagramElementRefs
        self.diagramCount = diagramCount
        self.associations = associations
    }
}
