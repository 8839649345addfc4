import BPMNExpressions
import BPMNModel
import BPMNScripting

/// A process ready to run: the immutable spec plus what was compiled from it at load time
/// (one behaviour per flow node, parsed conditions, scripts and expressions).
public final class ExecutableProcess {
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

    init(definitions: BPMNDefinitions, spec: ProcessSpec, behaviors: [FlowNodeBehavior], conditions: [CompiledExpression?],
         scripts: [CompiledScript?], expressions: [CompiledExpression?], noneStartEvents: [Int: Int]) {
        self.definitions = definitions
        self.spec = spec
        self.behaviors = behaviors
        self.conditions = conditions
        self.scripts = scripts
        self.expressions = expressions
        self.noneStartEvents = noneStartEvents
    }

    public var fileName: String { definitions.fileName }
    public var processId: String { spec.id }

    public func node(_ index: Int) -> FlowNode { spec.nodes[index] }

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
