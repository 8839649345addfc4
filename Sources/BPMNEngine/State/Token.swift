import BPMNModel
/// A token (Camunda: an execution) moving through the process. Plain value: saved with the state.
public struct Token: Codable, Hashable, Sendable {
    public enum State: String, Codable, Sendable {
        /// On the agenda: about to execute its node.
        case ready
        /// Stopped at a task a person (or an answers step) completes: user task, waiting service task.
        case waiting
        /// Stopped at a catch event, receive task or event-based gateway until its event happens.
        case waitingForEvent
        /// Arrived at a joining gateway and waits for the other tokens.
        case joined
        /// Waiting at a scope node (sub-process, multi-instance body, call activity, event
        /// sub-process) while the scope instance `childScope` runs.
        case inSubProcess
        /// Threw a compensation event and waits for the compensation handlers to finish.
        case waitingForCompensation
    }

    public var id: Int
    /// Index of the process (in the run's list of loaded processes) whose node the token is at:
    /// 0 is the process that was started, others were reached through call activities.
    public var process: Int
    /// Index of the flow node the token is at.
    public var node: Int
    /// Id of the scope instance the token runs in (1 = the process instance).
    public var scope: Int
    public var state: State
    /// The sequence flow (index) the token arrived by, if any.
    public var arrivedVia: Int?
    /// For `inSubProcess`: the scope instance the sub-process runs in.
    public var childScope: Int?
    /// Order of arrival at a join, so the earliest-arrived token continues.
    public var arrivalSeq: Int
    /// A compensation handler's token: the token that threw the compensation and waits for it.
    public var compensating: Int?
    /// Spiff dialect: the token's own copy of the task data while it runs in a parallel branch
    /// (nil: it uses its scope's variables).
    public var branchData: [String: VariableValue]?

    public init(id: Int, process: Int = 0, node: Int, scope: Int, state: State = .ready, arrivedVia: Int? = nil) {
        self.id = id
        self.process = process
        self.node = node
        self.scope = scope
        self.state = state
        self.arrivedVia = arrivedVia
        self.childScope = nil
        self.arrivalSeq = 0
        self.compensating = nil
        self.branchData = nil
    }

    /// Whether the token waits for something from outside the run (a person or an event).
    public var isWaitingForInput: Bool { state == .waiting || state == .waitingForEvent }
}

/// A scope instance: the process instance, a running sub-process, a multi-instance body or one
/// of its instances, an activity's own scope for its input/output variables, or a called process.
/// Holds the variables declared in it; lookups fall through to the parent scope, as in Camunda,
/// except out of a called process, which sees only what `camunda:in` passed to it.
public struct ScopeInstance: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case process, subProcess, eventSubProcess, multiInstanceBody, multiInstanceInstance, activity, calledProcess
    }

    public var id: Int
    public var kind: Kind
    /// The process (index into the run's loaded processes) whose nodes run in this scope.
    public var process: Int
    public var parent: Int?
    /// The node this scope runs (sub-process, activity, multi-instance activity, call activity), nil
    /// for the process instance.
    public var node: Int?
    /// The token waiting at `node` in the parent scope (nil for activity scopes, whose token moves in).
    public var parentToken: Int?
    public var variables: [String: VariableValue]
    /// Activities with a compensation handler that completed in this scope, oldest first.
    public var compensable: [Int]
    /// Completed sub-processes of this scope that can be compensated (listed in `compensable` too).
    public var completedSubProcesses: [CompletedSubProcess]
    /// This scope re-creates a completed sub-process to compensate it: when it ends, its token ends
    /// with it instead of leaving the sub-process a second time.
    public var isCompensationReplay: Bool
    /// Multi-instance body: the elements still to run (sequential) and the instance count.
    public var pendingElements: [VariableValue]?
    /// Standard loop: how many times the activity has run.
    public var loopCount: Int

    public init(id: Int, kind: Kind, process: Int = 0, parent: Int?, node: Int?, parentToken: Int?,
                variables: [String: VariableValue] = [:]) {
        self.id = id
        self.kind = kind
        self.process = process
        self.parent = parent
        self.node = node
        self.parentToken = parentToken
        self.variables = variables
        self.compensable = []
        self.completedSubProcesses = []
        self.isCompensationReplay = false
        self.pendingElements = nil
        self.loopCount = 0
    }

    /// Whether variable lookups stop here (the root of a process instance or called process).
    public var isVariableRoot: Bool { kind == .process || kind == .calledProcess }
}

/// What Camunda keeps of a completed sub-process for compensation (its "event scope execution"):
/// the variables it ended with and what inside it can still be compensated.
public struct CompletedSubProcess: Codable, Hashable, Sendable {
    /// The sub-process node.
    public var node: Int
    public var variables: [String: VariableValue]
    public var compensable: [Int]
    public var completedSubProcesses: [CompletedSubProcess]

    public init(node: Int, variables: [String: VariableValue], compensable: [Int], completedSubProcesses: [CompletedSubProcess]) {
        self.node = node
        self.variables = variables
        self.compensable = compensable
        self.completedSubProcesses = completedSubProcesses
    }
}
