import BPMNExpressions
import BPMNModel
import Foundation

/// What happens when a subscribed event occurs: the catching boundary event, catch event, receive
/// task, event-based gateway branch or event sub-process takes over.
extension ProcessRun {
    /// `payloadPlaced`: the variables are already the catcher's data (a spiff message thrown inside
    /// the run), not a message's variables to wrap.
    func trigger(_ sub: EventSubscription, variables given: [String: VariableValue], payloadPlaced: Bool = false) throws {
        let p = processes[sub.process]
        let n = p.spec.nodes[sub.node]
        let variables = isSpiff && sub.kind == .message && !payloadPlaced ? spiffMessagePayload(given, catcher: spiffCatcher(sub)) : given
        let keep = keepsSubscription(sub, node: n)
        if keep {
            try rearm(sub)
        } else {
            state.subscriptions.removeValue(forKey: sub.id)
        }
        switch n.kind {
        case .boundaryEvent:
            guard let host = sub.token, let hostToken = state.tokens[host] else { return }
            let outer = placementScope(of: hostToken)
            if n.cancelActivity {
                cancelToken(host, reason: "interrupted by boundary event '\(n.id)'")
            }
            let token = newToken(process: sub.process, node: sub.node, scope: outer)
            if isSpiff && !n.cancelActivity, state.tokens[host] != nil {
                // A non-interrupting boundary event starts a second branch beside the activity:
                // each works on its own copy of the data, merged where they meet or end (_EndJoin).
                let data = spiffData(token: host)
                if state.tokens[host]!.branchData == nil { state.tokens[host]!.branchData = data }
                state.tokens[token]!.branchData = data
            }
            try setEventVariables(variables, token: token)
            agenda.append(token)
        case .startEvent:
            try startEventSubProcess(scope: sub.scope, startEvent: sub.node, process: sub.process, variables: variables)
        default:
            guard let owner = sub.token, let t = state.tokens[owner] else { return }
            removeSubscriptions(ownedBy: owner)
            if t.node != sub.node {
                // The token waits at an event-based gateway: the token moves to the event that
                // happened; Camunda's history records the gateway as cancelled, and so does the trace.
                // SpiffWorkflow (`bpmn/specs/mixins/events/intermediate_event.py` `EventBasedGateway`) completes the
                // gateway and cancels the other branches, so under spiff it is listed as completed.
                if isSpiff {
                    completeActivity(owner)
                } else if trace != nil {
                    let g = p.spec.nodes[t.node]
                    emit(.activityTerminated, element: g.id, type: g.kind.rawValue, name: g.name, token: owner, scope: t.scope,
                         extra: [("reason", .string("event '\(n.id)' happened"))])
                }
                guard let flow = p.spec.nodes[t.node].outgoing.first(where: { p.spec.flows[$0].target == sub.node }) else { return }
                state.tokens[owner]!.node = sub.node
                state.tokens[owner]!.arrivedVia = flow
                if trace != nil {
                    let f = p.spec.flows[flow]
                    emit(.flowTaken, element: f.id, type: "sequenceFlow", name: f.name, token: owner, scope: t.scope,
                         extra: [("source", .string(f.sourceRef)), ("target", .string(f.targetRef))])
                    emit(.activityStarted, element: n.id, type: n.kind.rawValue, name: n.name, token: owner, scope: t.scope)
                }
            }
            state.tokens[owner]!.state = .ready
            try setEventVariables(variables, token: owner)
            try leave(owner)
        }
    }

    /// Non-interrupting boundary events and event sub-processes keep listening; cycle timers repeat.
    private func keepsSubscription(_ sub: EventSubscription, node n: FlowNode) -> Bool {
        guard sub.id != 0 else { return false }
        let nonInterrupting: Bool
        switch n.kind {
        case .boundaryEvent: nonInterrupting = !n.cancelActivity
        case .startEvent: nonInterrupting = !n.isInterrupting
        default: nonInterrupting = false
        }
        guard nonInterrupting else { return false }
        if sub.kind == .timer { return n.eventDefinitions.first?.timeCycle != nil }
        return true
    }

    /// A kept timer subscription moves to its next due time, or goes when the cycle is over.
    private func rearm(_ sub: EventSubscription) throws {
        guard sub.kind == .timer else { return }
        let n = processes[sub.process].spec.nodes[sub.node]
        guard let d = n.eventDefinitions.first, let due = sub.due else { return }
        let (_, schedule) = try timerSchedule(of: d, node: n, token: sub.token, scope: sub.scope)
        let fired = sub.fired + 1
        let created = Date(timeIntervalSince1970: sub.created ?? due)
        if let next = schedule.nextDue(firedAt: Date(timeIntervalSince1970: due), createdAt: created) {
            state.subscriptions[sub.id]?.due = next.timeIntervalSince1970
            state.subscriptions[sub.id]?.fired = fired
        } else {
            state.subscriptions.removeValue(forKey: sub.id)
        }
    }

    /// Variables that came with a message or signal land where the catching token sees them.
    func setEventVariables(_ variables: [String: VariableValue], token: Int) throws {
        guard !variables.isEmpty, let t = state.tokens[token] else { return }
        for name in variables.keys.sorted() {
            if isSpiff {
                writeTaskData(name, variables[name]!, token: token, source: "event")
            } else {
                setVariable(name, variables[name]!, fromScope: t.scope, token: token, source: "event")
            }
        }
    }

    /// Spiff dialect: a message's payload is one value, stored in the catching task's data under
    /// `<catching element id>_Response` (`camunda/specs/event_definitions.py`
    /// `MessageEventDefinition.update_internal_data` / `update_task_data`, when the thrower names
    /// no result variable). bpmnrun's message variables are that payload as an object; a message
    /// without variables carries `None`.
    /// The SpiffWorkflow task that catches: the event, or the event-based gateway a token waits at
    /// (`EventBasedGateway` is itself the catching task there).
    func spiffCatcher(_ sub: EventSubscription) -> FlowNode {
        let p = processes[sub.process]
        if let owner = sub.token, let t = state.tokens[owner], t.process == sub.process, t.node != sub.node,
           p.spec.nodes[t.node].kind == .eventBasedGateway {
            return p.spec.nodes[t.node]
        }
        return p.spec.nodes[sub.node]
    }

    func spiffMessagePayload(_ variables: [String: VariableValue], catcher n: FlowNode) -> [String: VariableValue] {
        ["\(n.id)_Response": variables.isEmpty ? .null : .object(variables)]
    }

    /// Starts an event sub-process in `scope`; an interrupting one first cancels everything else
    /// running in that scope, including its other subscriptions.
    func startEventSubProcess(scope scopeId: Int, startEvent: Int, process: Int, variables: [String: VariableValue]) throws {
        guard state.scopes[scopeId] != nil else { return }
        let p = processes[process]
        let start = p.spec.nodes[startEvent]
        guard let espNode = start.parent else { return }
        if start.isInterrupting {
            cancelScopeContents(scopeId, reason: "interrupted by event sub-process '\(p.spec.nodes[espNode].id)'", removeScope: false)
        }
        let holder = newToken(process: process, node: espNode, scope: scopeId)
        if trace != nil {
            let n = p.spec.nodes[espNode]
            emit(.activityStarted, element: n.id, type: n.kind.rawValue, name: n.name, token: holder, scope: scopeId)
        }
        let child = try startChildScope(kind: .eventSubProcess, process: process, node: espNode, parentToken: holder,
                                        startEvent: startEvent)
        try setEventVariables(variables, token: child)
    }
}
