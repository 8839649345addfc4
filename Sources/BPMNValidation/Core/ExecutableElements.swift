import BPMNModel

/// Lookups by id over the executable processes (the ones Camunda 7 parses), computed once per
/// file; used by rules that start from `DocumentIndex.rawElements` and need the element owning one.
final class ExecutableElements {
    /// Node id -> (process index among all processes, node index).
    let nodes: [String: (process: Int, node: Int)]
    /// Sequence flow ids of executable processes.
    let flowIds: Set<String>

    init(_ definitions: BPMNDefinitions) {
        var nodes: [String: (Int, Int)] = [:]
        var flows: Set<String> = []
        // By index: copying whole FlowNode values would cost more than the lookups they feed.
        for pi in definitions.processes.indices where definitions.processes[pi].isExecutable == true {
            let p = definitions.processes[pi]
            nodes.reserveCapacity(nodes.count + p.nodes.count)
            for ni in p.nodes.indices { nodes[p.nodes[ni].id] = (pi, ni) }
            for fi in p.flows.indices { flows.insert(p.flows[fi].id) }
        }
        self.nodes = nodes
        self.flowIds = flows
    }
}

extension DiagramContext {
    var executableElements: ExecutableElements { shared("executable-elements") { ExecutableElements(definitions) } }

    /// The node with this id in an executable process.
    func executableNode(_ id: String?) -> FlowNode? {
        guard let id, let at = executableElements.nodes[id] else { return nil }
        return definitions.processes[at.process].nodes[at.node]
    }

    /// Recorded raw elements with this local name and namespace.
    func rawElements(_ name: String, in namespace: DocumentIndex.RawElement.Namespace) -> [DocumentIndex.RawElement] {
        index.rawElements.filter { $0.name == name && $0.namespace == namespace }
    }

    /// The recorded children of the raw element at `parent` with this name.
    func rawChildren(of parent: Int, named name: String) -> [(Int, DocumentIndex.RawElement)] {
        index.rawElements.enumerated().filter { $0.element.parent == parent && $0.element.name == name }.map { ($0.offset, $0.element) }
    }
}
