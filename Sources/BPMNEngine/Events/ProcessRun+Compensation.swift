import BPMNModel

/// Compensation, for the common pattern: activities with a compensation boundary event register
/// when they complete; a compensation throw event runs the handlers of the completed activities of
/// its scope (or of the one its `activityRef` names) in reverse order of completion, and by default
/// waits for them (`waitForCompletion`).
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
    func throwCompensation(from tokenId: Int, definition d: EventDefinition) -> Bool {
        let t = state.tokens[tokenId]!
        let p = processes[t.process]
        let scopeId = placementScope(of: t)
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
        let handlers: [Int] = toCompensate.compactMap { activity in
            p.spec.nodes[activity].boundaryEvents.lazy.compactMap { p.spec.nodes[$0].compensationHandler }.first
        }
        guard !handlers.isEmpty else { return true }
        let wait = d.waitForCompletion ?? true
        var created: [Int] = []
        for handler in handlers {
            let h = newToken(process: t.process, node: handler, scope: scopeId)
            if wait { state.tokens[h]!.compensating = tokenId }
            created.append(h)
        }
        // The agenda runs its last entry first: the most recently completed activity is undone first.
        agenda.append(contentsOf: created.reversed())
        if wait {
            state.tokens[tokenId]!.state = .waitingForCompensation
            return false
        }
        return true
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
