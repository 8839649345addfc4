import BPMNModel

/// The scope tree (Camunda's tree of scope executions): starting scopes, completing them when their
/// last token ends, and cancelling them (interrupting events, terminate end events).
extension ProcessRun {
    /// Starts a scope for the token waiting at a sub-process, event sub-process or called process
    /// and puts a token on its start event.
    func startChildScope(kind: ScopeInstance.Kind, process: Int, node: Int?, parentToken: Int, startEvent: Int) throws -> Int {
        let parent = state.tokens[parentToken]!
        let calledData = isSpiff && kind == .calledProcess ? try spiffCalledProcessStartData(process: process, callerToken: parentToken) : nil
        let scopeId = newScope(kind: kind, process: process, parent: parent.scope, node: node, parentToken: parentToken)
        state.tokens[parentToken]!.state = .inSubProcess
        state.tokens[parentToken]!.childScope = scopeId
        if let node, kind == .subProcess {
            let n = processes[process].spec.nodes[node]
            if !n.extensions.inputParameters.isEmpty { try applyInputParameters(n, scope: scopeId, token: parentToken) }
        }
        try subscribeEventSubProcesses(ofScope: scopeId)
        let child = newToken(process: process, node: startEvent, scope: scopeId)
        if isSpiff && (kind == .subProcess || kind == .calledProcess) {
            state.tokens[child]!.branchData = calledData ?? spiffData(token: parentToken)
        }
        agenda.append(child)
        return child
    }

    /// A scope whose last token ended completes: a sub-process, event sub-process or called process
    /// then lets its waiting token leave; a multi-instance body counts the instance.
    func scopeMayHaveEnded(_ scopeId: Int) {
        guard scopeId != 1, let scope = state.scopes[scopeId] else { return }
        if state.tokens.values.contains(where: { $0.scope == scopeId }) { return }
        switch scope.kind {
        case .process, .activity:
            return
        case .multiInstanceBody, .multiInstanceInstance:
            // Instances end through multiInstanceInstanceCompleted; an empty body is completed there too.
            return
        case .subProcess, .eventSubProcess, .calledProcess:
            guard let parentToken = scope.parentToken, let host = state.tokens[parentToken] else {
                state.scopes.removeValue(forKey: scopeId)
                return
            }
            if scope.isCompensationReplay {
                // A completed sub-process re-created for compensation: it does not run on again.
                closeScope(scopeId)
                endToken(parentToken)
                return
            }
            if scope.kind == .subProcess { keepForCompensation(scope, hostToken: host) }
            perform({
                if scope.kind == .subProcess, let node = scope.node {
                    let n = processes[scope.process].spec.nodes[node]
                    if !n.extensions.outputParameters.isEmpty {
                        try applyOutputParameters(n, from: scopeId, token: parentToken)
                    }
                }
                if scope.kind == .calledProcess {
                    try runProcessListeners(process: scope.process, event: "end", token: nil)
                    try applyOutMappings(calledScope: scopeId, callerToken: parentToken)
                }
                if isSpiff && (scope.kind == .subProcess || scope.kind == .calledProcess) {
                    try returnSubworkflowData(of: scopeId, to: parentToken)
                }
                closeScope(scopeId)
                state.tokens[parentToken]!.state = .ready
                state.tokens[parentToken]!.childScope = nil
                try leave(parentToken)
            }, at: state.tokens[parentToken])
        }
    }

    /// Removes a finished scope and what lives in it.
    func closeScope(_ scopeId: Int) {
        guard let scope = state.scopes.removeValue(forKey: scopeId) else { return }
        removeSubscriptions(inScope: scopeId)
        if trace != nil && scope.kind != .activity {
            let element = scope.node.map { processes[scope.process].spec.nodes[$0].id } ?? processes[scope.process].spec.id
            emit(.scopeCompleted, element: element, type: scope.kind.rawValue, token: scope.parentToken, scope: scopeId)
        }
    }

    /// Cancels a token and everything running under it (its sub-process scopes, their tokens and
    /// subscriptions), emitting `activityTerminated` for each, innermost first.
    func cancelToken(_ tokenId: Int, reason: String) {
        guard let t = state.tokens[tokenId] else { return }
        let n = processes[t.process].spec.nodes[t.node]
        if !n.extensions.outputParameters.isEmpty {
            // Camunda 7 runs the output mapping of a cancelled activity too (unless the engine sets
            // skipOutputMappingOnCanceledActivities, which is off by default).
            if n.kind.isSubProcess, let child = t.childScope {
                try? applyOutputParameters(n, from: child, token: tokenId)
            } else if isInOwnScope(t) {
                try? applyOutputParameters(n, from: t.scope, token: tokenId)
            }
        }
        if let child = t.childScope { cancelScopeContents(child, reason: reason, removeScope: true) }
        removeSubscriptions(ownedBy: tokenId)
        state.tokens.removeValue(forKey: tokenId)
        agenda.removeAll { $0 == tokenId }
        if trace != nil {
            emit(.activityTerminated, element: n.id, type: n.kind.rawValue, name: n.name, token: tokenId, scope: t.scope,
                 extra: [("reason", .string(reason))])
        }
        // An activity scope (input/output variables, multi-instance instance) dies with its token.
        if let scope = state.scopes[t.scope], scope.node == t.node, scope.kind == .activity {
            state.scopes.removeValue(forKey: t.scope)
            removeSubscriptions(inScope: t.scope)
        }
    }

    /// Cancels every token in a scope (and in scopes below it); optionally removes the scope too.
    func cancelScopeContents(_ scopeId: Int, reason: String, removeScope: Bool, except: Int? = nil) {
        let inside = state.tokens.values.filter { $0.scope == scopeId && $0.id != except }.sorted { $0.id > $1.id }
        for t in inside { cancelToken(t.id, reason: reason) }
        for (id, s) in state.scopes where s.parent == scopeId && id != scopeId {
            // Scopes left without their token (activity scopes, multi-instance instances).
            if !state.tokens.values.contains(where: { $0.scope == id }) || s.kind == .multiInstanceInstance {
                cancelScopeContents(id, reason: reason, removeScope: true)
            }
        }
        removeSubscriptions(inScope: scopeId)
        if removeScope {
            if let scope = state.scopes.removeValue(forKey: scopeId), trace != nil, scope.kind != .activity {
                let element = scope.node.map { processes[scope.process].spec.nodes[$0].id } ?? processes[scope.process].spec.id
                emit(.scopeCompleted, element: element, type: scope.kind.rawValue, token: scope.parentToken, scope: scopeId,
                     extra: [("cancelled", .boolean(true))])
            }
        }
    }

    /// The scope a token's activity is placed in: its own activity scope's parent when it has one.
    func placementScope(of t: Token) -> Int {
        if isInOwnScope(t), let parent = state.scopes[t.scope]?.parent { return parent }
        return t.scope
    }

    /// The nearest scope, walking up from `scopeId`, that is a variable root (process or called process).
    func variableRoot(of scopeId: Int) -> Int {
        var current = scopeId
        while let s = state.scopes[current], !s.isVariableRoot, let parent = s.parent { current = parent }
        return current
    }

    func isScope(_ scopeId: Int, within ancestor: Int) -> Bool {
        var current: Int? = scopeId
        while let id = current {
            if id == ancestor { return true }
            current = state.scopes[id]?.parent
        }
        return false
    }
}
