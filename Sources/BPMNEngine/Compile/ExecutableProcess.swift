import BPMNExpressions
import BPMNModel
import BPMNPython
import BPMNScripting

/// A process ready to run: the immutable spec plus what was compiled from it at load time
/// (one behaviour per flow node, parsed conditions, scripts and expressions, and the lookups the
/// interpreter needs on its hot path).
public final class ExecutableProcess: @unchecked Sendable {
    public let definitions: BPMNDefinitions
    public let spec: ProcessSpec
    let behaviors: [FlowNodeBehavior]
    /// Per sequence flow: its compiled condition, nil when unconditional.
    let conditions: [CompiledExpression?]
    /// Per flow node: compiled script (script tasks) and expression (service tasks with camunda:expression).
    let scripts: [CompiledScript?]
    let expressions: [CompiledExpression?]
    /// The none start event of each scope: key -1 is the process, else a sub-process node index.
    let noneStartEvents: [Int: Int]
    /// Per flow node: whether entering or leaving it needs more than its behaviour (multi-instance,
    /// loops, I/O mappings, listeners, boundary events, compensation handlers).
    let needsActivityEntry: [Bool]
    /// Per sequence flow: whether it has `take` listeners.
    let flowHasListeners: [Bool]
    /// Start events of the event sub-processes directly inside each scope (-1: the process).
    let eventSubProcessStarts: [Int: [Int]]
    /// Link throw event -> the link catch event with the same name in the same scope.
    let linkTargets: [Int: Int]
    /// Whose semantics the process runs with (see docs/dialects.md).
    public let dialect: Dialect

    init(definitions: BPMNDefinitions, spec: ProcessSpec, behaviors: [FlowNodeBehavior], conditions: [CompiledExpression?],
         scripts: [CompiledScript?], expressions: [CompiledExpression?], noneStartEvents: [Int: Int],
         dialect: Dialect = .camunda) {
        self.dialect = dialect
        self.definitions = definitions
        self.spec = spec
        self.behaviors = behaviors
        self.conditions = conditions
        self.scripts = scripts
        self.expressions = expressions
        self.noneStartEvents = noneStartEvents
        var needs = Array(repeating: false, count: spec.nodes.count)
        var esp: [Int: [Int]] = [:]
        // Link catch events by scope and name, built once: searching all nodes for each throw
        // event would be quadratic in diagrams with many links.
        var linkCatches: [LinkKey: Int] = [:]
        var linkThrows: [(node: Int, key: LinkKey)] = []
        // Nodes are read in place through pointers: `for n in spec.nodes`, and even `spec.nodes[i]`
        // passed to a function, copy all of a node's reference-counted fields.
        spec.nodes.withUnsafeBufferPointer { nodes in
            guard let base = nodes.baseAddress else { return }
            for i in nodes.indices {
                let node = base + i
                needs[i] = Self.needsMoreThanBehavior(node)
                if node.pointee.kind == .startEvent, let parent = node.pointee.parent, base[parent].triggeredByEvent {
                    esp[base[parent].parent ?? -1, default: []].append(i)
                }
                if let key = Self.linkKey(node) {
                    if node.pointee.kind == .intermediateThrowEvent {
                        linkThrows.append((i, key))
                    } else if linkCatches[key] == nil {
                        linkCatches[key] = i   // the first catch event in document order
                    }
                }
            }
        }
        var links: [Int: Int] = [:]
        for (node, key) in linkThrows {
            if let target = linkCatches[key] { links[node] = target }
        }
        self.needsActivityEntry = needs
        self.flowHasListeners = spec.flows.indices.map { !spec.flows[$0].extensions.executionListeners.isEmpty }
        self.eventSubProcessStarts = esp
        self.linkTargets = links
    }

    private static func needsMoreThanBehavior(_ n: UnsafePointer<FlowNode>) -> Bool {
        n.pointee.multiInstance != nil || n.pointee.standardLoop != nil || !n.pointee.boundaryEvents.isEmpty
            || !n.pointee.extensions.inputParameters.isEmpty || !n.pointee.extensions.outputParameters.isEmpty
            || !n.pointee.extensions.executionListeners.isEmpty || !n.pointee.extensions.taskListeners.isEmpty
    }

    /// A link event's scope and link name (its `name`, else the definition's id).
    private struct LinkKey: Hashable {
        let scope: Int?
        let name: String
    }

    /// nil unless the node is an intermediate throw or catch event whose first definition is a link.
    private static func linkKey(_ n: UnsafePointer<FlowNode>) -> LinkKey? {
        guard n.pointee.kind == .intermediateThrowEvent || n.pointee.kind == .intermediateCatchEvent,
              let def = n.pointee.eventDefinitions.first, def.kind == .link else { return nil }
        return LinkKey(scope: n.pointee.parent, name: def.linkName ?? def.id ?? "")
    }

    public var fileName: String { definitions.fileName }
    public var processId: String { spec.id }
    /// How a saved run names this process: "file#processId".
    public var key: String { "\(definitions.fileName)#\(spec.id)" }

    public func node(_ index: Int) -> FlowNode { spec.nodes[index] }

    /// Whether the process can be started without an event (it has a top-level none start event).
    public var hasNoneStartEvent: Bool { (try? startEvent(for: .none)) != nil }

    /// The start event a trigger starts the process at.
    func startEvent(for trigger: StartTrigger) throws -> Int {
        let starts = spec.topLevelNodes.filter { spec.nodes[$0].kind == .startEvent }
        func named(_ kind: EventDefinition.Kind, _ name: String) -> Int? {
            starts.first { i in
                guard let d = spec.nodes[i].eventDefinitions.first, d.kind == kind else { return false }
                return eventName(d) == name || d.ref == name
            }
        }
        switch trigger {
        case .none:
            if let s = noneStartEvents[-1] { return s }
            let typed = starts.compactMap { i -> String? in
                guard let d = spec.nodes[i].eventDefinitions.first else { return nil }
                switch d.kind {
                case .message: return "--message \(eventName(d))"
                case .signal: return "--signal \(eventName(d))"
                default: return "\(d.kind.rawValue) start event '\(spec.nodes[i].id)'"
                }
            }
            let hint = typed.isEmpty ? "add a start event" : "start it with " + typed.joined(separator: " or ")
            throw RunError(message: "process '\(spec.id)' has no none start event; \(hint)", element: spec.id, location: spec.location)
        case .message(let name):
            if let s = named(.message, name) { return s }
            throw RunError(message: "process '\(spec.id)' has no message start event for message '\(name)'", element: spec.id,
                           location: spec.location)
        case .signal(let name):
            if let s = named(.signal, name) { return s }
            throw RunError(message: "process '\(spec.id)' has no signal start event for signal '\(name)'", element: spec.id,
                           location: spec.location)
        }
    }

    /// The message or signal name an event definition refers to (the referenced element's name,
    /// else the reference itself).
    func eventName(_ d: EventDefinition) -> String {
        guard let ref = d.ref else { return "" }
        switch d.kind {
        case .message: return definitions.message(id: ref)?.name ?? ref
        case .signal: return definitions.signal(id: ref)?.name ?? ref
        default: return ref
        }
    }

    /// Picks the process to run: the one asked for, else the only executable one.
    public static func selectProcess(in definitions: BPMNDefinitions, id: String?) throws -> ProcessSpec {
        let file = definitions.fileName
        if let id {
            if let p = definitions.process(id: id) { return p }
            if let participant = definitions.participants.first(where: { $0.id == id }), let ref = participant.processRef,
               let p = definitions.process(id: ref) {
                return p
            }
            let ids = definitions.processes.map(\.id).joined(separator: ", ")
            throw LoadFailure([LoadDiagnostic(file: file, location: .unknown, elementId: nil,
                                              message: "no process with id '\(id)' in this file; its processes are: \(ids)")])
        }
        let executable = definitions.processes.filter { $0.isExecutable == true }
        if executable.count == 1 { return executable[0] }
        if executable.count > 1 {
            let ids = executable.map(\.id).joined(separator: ", ")
            throw LoadFailure([LoadDiagnostic(file: file, location: executable[1].location, elementId: nil,
                                              message: "the file has \(executable.count) executable processes (\(ids)); choose one with --process ID")])
        }
        if definitions.processes.count == 1 { return definitions.processes[0] }
        if definitions.processes.isEmpty {
            throw LoadFailure([LoadDiagnostic(file: file, location: .unknown, elementId: nil, message: "the file defines no process")])
        }
        let ids = definitions.processes.map(\.id).joined(separator: ", ")
        throw LoadFailure([LoadDiagnostic(file: file, location: .unknown, elementId: nil,
                                          message: "none of the processes (\(ids)) is marked isExecutable=\"true\"; choose one with --process ID")])
    }
}
