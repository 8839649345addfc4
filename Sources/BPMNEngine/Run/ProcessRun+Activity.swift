import BPMNModel

/// Entering and leaving an activity that needs more than its behaviour: multi-instance bodies,
/// input/output mappings in the activity's own scope, execution listeners, boundary event
/// subscriptions, standard loops and compensation bookkeeping (Camunda's PvmAtomicOperations
/// around an activity's execute).
extension ProcessRun {
    /// Whether the token runs the activity itself inside the activity's own scope (a multi-instance
    /// instance, or the scope holding its input variables), rather than arriving at it.
    func isInOwnScope(_ t: Token) -> Bool {
        guard let scope = state.scopes[t.scope], scope.node == t.node, scope.process == t.process else { return false }
        return scope.kind == .activity || scope.kind == .multiInstanceInstance
    }

    /// Whether the token is one instance of a multi-instance activity.
    func isMultiInstanceInstance(_ t: Token) -> Bool {
        guard let scope = state.scopes[t.scope], scope.node == t.node, scope.process == t.process else { return false }
        return scope.kind == .multiInstanceInstance
    }

    func enterActivity(_ tokenId: Int) throws {
        var t = state.tokens[tokenId]!
        let p = processes[t.process]
        let n = p.spec.nodes[t.node]
        let inner = isMultiInstanceInstance(t)
        if n.multiInstance != nil && !inner {
            // The body: boundary events belong to it, and it fans out into instances.
            try subscribeBoundaryEvents(hostToken: tokenId)
            try startMultiInstanceBody(tokenId)
            return
        }
        let hasIO = !n.extensions.inputParameters.isEmpty || !n.extensions.outputParameters.isEmpty
        if hasIO && !n.kind.isSubProcess {
            if !isInOwnScope(t) {
                let scopeId = newScope(kind: .activity, process: t.process, parent: t.scope, node: t.node, parentToken: nil)
                state.tokens[tokenId]!.scope = scopeId
                t.scope = scopeId
            }
            try applyInputParameters(n, scope: t.scope, token: tokenId)
        }
        // Standard loop with testBefore: the condition is checked before each run, the first
        // included, so a false condition runs the activity no time at all.
        if let loop = n.standardLoop, loop.testBefore, let condition = loop.loopCondition, !condition.text.isEmpty,
           try !loopConditionHolds(condition, node: n, token: tokenId) {
            if isSpiff {
                // The activity does not run, so only the loop as a whole is listed as completed.
                completeLoopBody(tokenId)
                try takeOutgoing(tokenId)
            } else {
                try leave(tokenId)
            }
            return
        }
        try runExecutionListeners(n, event: "start", token: tokenId)
        if !n.boundaryEvents.isEmpty && n.multiInstance == nil {
            try subscribeBoundaryEvents(hostToken: tokenId)
        }
        guard state.tokens[tokenId] != nil, state.status == .running else { return }
        try p.behaviors[t.node].execute(token: tokenId, run: self)
    }

    /// Finishes an activity before its token moves on. Returns false when the token does not take
    /// the outgoing flows (a multi-instance instance ended, or a loop runs the activity again).
    func exitActivity(_ tokenId: Int) throws -> Bool {
        let t = state.tokens[tokenId]!
        let p = processes[t.process]
        let n = p.spec.nodes[t.node]
        let isInstance = isMultiInstanceInstance(t)
        let isBody = n.multiInstance != nil && !isInstance
        if !isBody {
            if !n.extensions.outputParameters.isEmpty && !n.kind.isSubProcess {
                try applyOutputParameters(n, from: t.scope, token: tokenId)
            }
            try runExecutionListeners(n, event: "end", token: tokenId)
        }
        guard state.tokens[tokenId] != nil else { return false }
        if !isInstance { removeSubscriptions(ownedBy: tokenId) }
        // Standard loop: run the activity again while the loop condition holds.
        if let loop = n.standardLoop, !isBody, try loopContinues(loop, node: n, token: tokenId) {
            completeActivity(tokenId)
            state.tokens[tokenId]!.state = .ready
            agenda.append(tokenId)
            return false
        }
        completeActivity(tokenId)
        if isSpiff && n.standardLoop != nil && !isBody { completeLoopBody(tokenId) }
        if isInstance {
            try multiInstanceInstanceCompleted(tokenId)
            return false
        }
        registerCompensable(t)
        if isInOwnScope(t), let scope = state.scopes.removeValue(forKey: t.scope) {
            removeSubscriptions(inScope: scope.id)
            state.tokens[tokenId]!.scope = scope.parent ?? 1
        }
        return true
    }

    /// Standard loop (`standardLoopCharacteristics`, test after): whether to run the activity again.
    /// `loopCounter` counts the runs, local to the token's scope. SpiffWorkflow's
    /// `StandardLoopTask` keeps its count outside the data, so under the spiff dialect the counter
    /// is removed when the loop ends and the data is what the iterations left.
    private func loopContinues(_ loop: StandardLoopSpec, node: FlowNode, token: Int) throws -> Bool {
        guard let condition = loop.loopCondition, !condition.text.isEmpty else { return false }
        let scope = state.tokens[token]!.scope
        let count = (state.scopes[scope]?.variables["loopCounter"]?.intValue ?? 0) + 1
        var holds = false
        if loop.loopMaximum.map({ count < $0 }) ?? true {
            holds = try loopConditionHolds(condition, node: node, token: token)
        }
        if holds {
            setVariableLocal("loopCounter", .integer(Int64(count)), scope: scope, token: token, source: "loop")
        } else if isSpiff, state.scopes[scope]?.variables["loopCounter"] != nil {
            removeVariable("loopCounter", fromScope: scope, token: token, source: "loop")
        }
        return holds
    }

    private func loopConditionHolds(_ condition: ExpressionSpec, node: FlowNode, token: Int) throws -> Bool {
        isSpiff
            ? try evaluatePythonCondition(condition, token: token, element: node, what: "loopCondition")
            : try evaluateJUELCondition(condition.text, token: token, element: node, what: "loopCondition")
    }

    /// A new scope instance; emits `scopeStarted`.
    func newScope(kind: ScopeInstance.Kind, process: Int, parent: Int?, node: Int?, parentToken: Int?) -> Int {
        let id = state.nextScopeId
        state.nextScopeId += 1
        state.scopes[id] = ScopeInstance(id: id, kind: kind, process: process, parent: parent, node: node, parentToken: parentToken)
        if trace != nil && kind != .activity {
            let element = node.map { processes[process].spec.nodes[$0].id } ?? processes[process].spec.id
            emit(.scopeStarted, element: element, type: kind.rawValue, token: parentToken, scope: id,
                 extra: parent.map { [("parent", .integer(Int64($0)))] } ?? [])
        }
        return id
    }
}

extension VariableValue {
    var intValue: Int? {
        switch self {
        case .integer(let i): return Int(i)
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        case .string(let s): return Int(s)
        default: return nil
        }
    }
}
