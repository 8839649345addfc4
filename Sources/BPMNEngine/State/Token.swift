/// A token (Camunda: an execution) moving through the process. Plain value: saved with the state.
public struct Token: Codable, Hashable, Sendable {
    public enum State: String, Codable, Sendable {
        /// On the agenda: about to execute its node.
        case ready
        /// Stopped at a wait state (user task, waiting service task, catch event): needs input.
        case waiting
        /// Arrived at a joining gateway and waits for the other tokens.
        case joined
        /// Waiting at a sub-process node while the sub-process scope `childScope` runs.
        case inSubProcess
    }

    public var id: Int
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

    public init(id: Int, node: Int, scope: Int, state: State = .ready, arrivedVia: Int? = nil) {
        self.id = id
        self.node = node
        self.scope = scope
        self.state = state
        self.arrivedVia = arrivedVia
        self.childScope = nil
        self.arrivalSeq = 0
    }
}

/// A scope instance: the process instance itself or a running embedded sub-process. Holds the
/// variables declared in it; lookups fall through to the parent scope, as in Camunda.
public struct ScopeInstance: Codable, Hashable, Sendable {
    public var id: Int
    public var parent: Int?
    /// The sub-process node this scope runs, nil for the process instance.
    public var node: Int?
    /// The token waiting at the sub-process node in the parent scope.
    public var parentToken: Int?
    public var variables: [String: VariableValue]

    public init(id: Int, parent: Int?, node: Int?, parentToken: Int?, variables: [String: VariableValue] = [:]) {
        self.id = id
        self.parent = parent
        self.node = node
        self.parentToken = parentToken
        self.variables = variables
    }
}

import BPMNModel
