/// `<ioSpecification>` of a process: the data it takes in (`dataInput`) and gives back
/// (`dataOutput`), each named by its id. Camunda 7 ignores it; SpiffWorkflow limits what a call
/// activity passes in and out to these (docs/dialects.md).
public struct IOSpecification: Hashable, Sendable {
    public struct DataItem: Hashable, Sendable {
        public var id: String
        public var name: String?
        public var location: SourceLocation

        public init(id: String, name: String? = nil, location: SourceLocation = .unknown) {
            self.id = id
            self.name = name
            self.location = location
        }
    }

    public var inputs: [DataItem]
    public var outputs: [DataItem]
    public var location: SourceLocation

    public init(inputs: [DataItem] = [], outputs: [DataItem] = [], location: SourceLocation = .unknown) {
        self.inputs = inputs
        self.outputs = outputs
        self.location = location
    }
}
