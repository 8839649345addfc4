import BPMNExpressions
import BPMNModel
import Foundation

/// Creating and removing event subscriptions: boundary events of an activity, event sub-process
/// start events of a scope, and catch events a token waits at.
extension ProcessRun {
    /// Subscribes the catching node to its event (message, signal, timer or condition).
    /// Error, escalation and compensation events are caught by propagation, not subscriptions.
    @discardableResult
    func subscribe(process: Int, node: Int, token: Int?, scope: Int) throws -> EventSubscription? {
        let n = processes[process].spec.nodes[node]
        guard let d = n.eventDefinitions.first else {
            // A receive task waits for its messageRef.
            if n.kind == .receiveTask, let ref = n.messageRef {
                let name = try resolveName(processes[process].definitions.message(id: ref)?.name ?? ref, token: token, scope: scope, element: n)
                return addSubscription(.message, name: name, process: process, node: node, token: token, scope: scope)
            }
            return nil
        }
        switch d.kind {
        case .message:
            let name = try resolveName(processes[process].eventName(d), token: token, scope: scope, element: n)
            return addSubscription(.message, name: name, process: process, node: node, token: token, scope: scope)
        case .signal:
            let name = try resolveName(processes[process].eventName(d), token: token, scope: scope, element: n)
            return addSubscription(.signal, name: name, process: process, node: node, token: token, scope: scope)
        case .timer:
            let (text, schedule) = try timerSchedule(of: d, node: n, token: token, scope: scope)
            let created = now
            let due = schedule.firstDue(after: created)
            var sub = addSubscription(.timer, name: text, process: process, node: node, token: token, scope: scope,
                                      due: due.timeIntervalSince1970)
            sub.created = created.timeIntervalSince1970
            state.subscriptions[sub.id] = sub
            return sub
        case .conditional:
            return addSubscription(.conditional, name: d.condition?.text ?? "", process: process, node: node, token: token, scope: scope)
        default:
            return nil
        }
    }

    private func addSubscription(_ kind: EventSubscription.Kind, name: String, process: Int, node: Int, token: Int?, scope: Int,
                                 due: Double? = nil) -> EventSubscription {
        let id = state.nextSubscriptionId
        state.nextSubscriptionId += 1
        let sub = EventSubscription(id: id, kind: kind, name: name, process: process, node: node, token: token, scope: scope, due: due)
        state.subscriptions[id] = sub
        return sub
    }

    /// Message and signal names may hold `${}` expressions, resolved when the subscription is made.
    private func resolveName(_ text: String, token: Int?, scope: Int, element: FlowNode) throws -> String {
        guard JUELExpression.containsExpression(text) else { return text }
        return try evaluateJUEL(text, token: token, scope: scope, element: element, what: "event name").displayText
    }

    /// Boundary events of the activity the token is at (or of the multi-instance body).
    func subscribeBoundaryEvents(hostToken: Int) throws {
        let t = state.tokens[hostToken]!
        let p = processes[t.process]
        let outer = placementScope(of: t)
        for b in p.spec.nodes[t.node].boundaryEvents {
            let be = p.spec.nodes[b]
            guard let d = be.eventDefinitions.first else { continue }
            if d.kind == .conditional, try conditionHolds(d, node: be, token: hostToken, scope: t.scope) {
                // Camunda evaluates a conditional boundary event when the activity is entered.
                let sub = EventSubscription(id: 0, kind: .conditional, name: d.condition?.text ?? "", process: t.process,
                                            node: b, token: hostToken, scope: outer)
                try trigger(sub, variables: [:])
                if be.cancelActivity { return }
            }
            try subscribe(process: t.process, node: b, token: hostToken, scope: outer)
        }
    }

    /// Start events of the event sub-processes directly inside a scope.
    func subscribeEventSubProcesses(ofScope scopeId: Int) throws {
        guard let scope = state.scopes[scopeId] else { return }
        let p = processes[scope.process]
        let key = scope.kind == .process || scope.kind == .calledProcess ? -1 : (scope.node ?? -1)
        for start in p.eventSubProcessStarts[key] ?? [] {
            try subscribe(process: scope.process, node: start, token: nil, scope: scopeId)
        }
    }

    func removeSubscriptions(ownedBy tokenId: Int) {
        if state.subscriptions.isEmpty { return }
        for (id, s) in state.subscriptions where s.token == tokenId { state.subscriptions.removeValue(forKey: id) }
    }

    func removeSubscriptions(inScope scopeId: Int) {
        if state.subscriptions.isEmpty { return }
        for (id, s) in state.subscriptions where s.scope == scopeId && s.token == nil {
            state.subscriptions.removeValue(forKey: id)
        }
    }
}

extension VariableValue {
    /// The value as text for names and messages (strings without quotes).
    var displayText: String {
        if case .string(let s) = self { return s }
        return JSONText.encode(self)
    }
}
