import BPMNModel

/// Compensation: activities with a compensation boundary event register when they complete, and so
/// do completed sub-processes with a compensation event sub-process or compensable activities
/// inside; a compensation throw event runs the handlers of the completed activities of its scope
/// (or of the one its `activityRef` names) in reverse order of completion, and by default waits for
/// them (`waitForCompletion`).
extension ProcessRun {
    /// Records a completed activity that has a compensation handler, in the scope it ran in.
    func registerCompensable(_ t: Token) {
        let p = processes[t.process]
        let n = p.spec.nodes[t.node]
        guard n.boundaryEvents.contains(where: { p.spec.nodes[$0].compensationHandler != nil }) else { return }
        let scope = placementScope(of: t)
        state.scopes[scope]?.compensable.append(t.node)
    }

    /// Starts the compensation handlers for a throw event. Returns false when the thrower has to
    /// wait for handlers to finish.
    func throwCompensation(from tokenId: Int, definition d: EventDefinition) throws -> Bool {
        let t = state.tokens[tokenId]!
        let p = processes[t.process]
        // A throw event inside an event sub-process (such as a compensation event sub-process)
        // compensates the activities of the scope that event sub-process belongs to, as Camunda does.
        var scopeId = placementScope(of: t)
        while let s = state.scopes[scopeId], s.kind == .eventSubProcess, let parent = s.parent { scopeId = parent }
        var done = state.scopes[scopeId]?.compensable ?? []
        var toCompensate: [Int] = []
        if let ref = d.ref, let target = p.spec.nodeIndex(of: ref) {
            if let i = done.lastIndex(of: target) { toCompensate = [done.remove(at: i)] }
        } else {
            toCompensate = done.reversed()
            done = []
        }
        state.scopes[scopeId]?.compensable = done
        let thrower = p.spec.nodes[t.node]
        emit(.compensationThrown, element: thrower.id, type: thrower.kind.rawValue, token: tokenId, scope: t.scope,
             extra: [("activities", .array(toCompensate.map { .string(p.spec.nodes[$0].id) }))])
        let wait = d.waitForCompletion ?? true
        let started = try startCompensation(of: toCompensate, process: t.process, scope: scopeId, thrower: wait ? tokenId : nil)
        guard !started.isEmpty, wait else { return true }
        state.tokens[tokenId]!.state = .waitingForCompensation
        return false
    }

    /// Starts undoing `activities` (newest first) that completed in scope `scopeId`: a compensation
    /// boundary event's handler runs as a new token; a completed sub-process is re-created with the
    /// variables it ended with and runs its compensation event sub-process, or, without one, undoes
    /// what completed inside it. Returns the tokens doing the work; each tells `thrower` when it ends.
    func startCompensation(of activities: [Int], process: Int, scope scopeId: Int, thrower: Int?) throws -> [Int] {
        let p = processes[process]
        var handlerTokens: [Int] = []
        var replays: [Int] = []
        for activity in activities {
            if let handler = p.spec.nodes[activity].boundaryEvents.lazy.compactMap({ p.spec.nodes[$0].compensationHandler }).first {
                let h = newToken(process: process, node: handler, scope: scopeId)
                state.tokens[h]!.compensating = thrower
                handlerTokens.append(h)
            } else if let i = state.scopes[scopeId]?.completedSubProcesses.lastIndex(where: { $0.node == activity }),
                      let completed = state.scopes[scopeId]?.completedSubProcesses.remove(at: i),
                      let holder = try replay(completed, process: process, scope: scopeId, thrower: thrower) {
                replays.append(holder)
            }
        }
        // The agenda runs its last entry first: the most recently completed activity is undone first.
        agenda.append(contentsOf: handlerTokens.reversed())
        return replays + handlerTokens
    }

    /// Re-creates a completed sub-process (Camunda's event scope execution) to compensate it.
    /// Returns the token waiting at the sub-process node, or nil when there was nothing to undo.
    private func replay(_ completed: CompletedSubProcess, process: Int, scope scopeId: Int, thrower: Int?) throws -> Int? {
        let holder = newToken(process: process, node: completed.node, scope: scopeId)
        let child = newScope(kind: .subProcess, process: process, parent: scopeId, node: completed.node, parentToken: holder)
        state.scopes[child]!.variables = completed.variables
        state.scopes[child]!.compensable = completed.compensable
        state.scopes[child]!.completedSubProcesses = completed.completedSubProcesses
        state.scopes[child]!.isCompensationReplay = true
        state.tokens[holder]!.state = .inSubProcess
        state.tokens[holder]!.childScope = child
        state.tokens[holder]!.compensating = thrower
        if let start = compensationStartEvent(process: process, subProcess: completed.node) {
            try startEventSubProcess(scope: child, startEvent: start, process: process, variables: [:])
            return holder
        }
        state.scopes[child]!.compensable = []
        let inner = try startCompensation(of: completed.compensable.reversed(), process: process, scope: child, thrower: nil)
        if inner.isEmpty {
            closeScope(child)
            state.tokens.removeValue(forKey: holder)
            return nil
        }
        return holder
    }

    /// The compensation start event of a sub-process's event sub-process, if it has one.
    func compensationStartEvent(process: Int, subProcess: Int) -> Int? {
        let p = processes[process]
        return (p.eventSubProcessStarts[subProcess] ?? []).first { p.spec.nodes[$0].eventDefinitions.first?.kind == .compensate }
    }

    /// A sub-process completed: when it has a compensation event sub-process, or completed
    /// activities inside it that can be compensated, keep what compensating it needs in the scope
    /// it ran in.
    func keepForCompensation(_ scope: ScopeInstance, hostToken: Token) {
        guard let node = scope.node, !scope.isCompensationReplay else { return }
        let p = processes[scope.process]
        let n = p.spec.nodes[node]
        guard !n.isForCompensation,
              compensationStartEvent(process: scope.process, subProcess: node) != nil || !scope.compensable.isEmpty else { return }
        let target = placementScope(of: hostToken)
        state.scopes[target]?.completedSubProcesses.append(
            CompletedSubProcess(node: node, variables: scope.variables, compensable: scope.compensable,
                                completedSubProcesses: scope.completedSubProcesses))
        // An activity with a compensation boundary event is registered when it completes.
        if !n.boundaryEvents.contains(where: { p.spec.nodes[$0].compensationHandler != nil }) {
            state.scopes[target]?.compensable.append(node)
        }
    }

    /// A handler finished; when it was the last one, the throw event that waited continues.
    func compensationHandlerEnded(thrower: Int) {
        guard let t = state.tokens[thrower], t.state == .waitingForCompensation else { return }
        if state.tokens.values.contains(where: { $0.compensating == thrower }) { return }
        state.tokens[thrower]!.state = .ready
        perform({
            try finishThrowEvent(thrower, isEnd: processes[t.process].spec.nodes[t.node].kind == .endEvent)
        }, at: t)
    }
}
