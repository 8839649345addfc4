import BPMNExpressions
import BPMNModel
import Foundation

/// Events from outside the run: messages, signals, timers and the clock, BPMN errors thrown by a
/// waiting task, and variables changed by hand (Camunda's runtimeService / taskService calls).
extension ProcessRun {
    /// Delivers a message to the oldest subscription waiting for it (Camunda's correlate), then runs
    /// on. A message nobody waits for is an error naming what is waiting.
    public func deliverMessage(_ name: String, variables: [String: VariableValue] = [:]) throws {
        try resumeForInput()
        let matching = state.subscriptions.values.filter { $0.kind == .message && $0.name == name }.sorted { $0.id < $1.id }
        guard let sub = matching.first else {
            settle()
            throw RunError(message: "no one waits for message '\(name)'; \(waitingSummary())")
        }
        emitReceived(.messageReceived, sub, name: name, variables: variables)
        perform({ try trigger(sub, variables: variables) }, at: nil)
        runAgenda()
    }

    /// Broadcasts a signal to every subscription waiting for it. Returns how many caught it.
    @discardableResult
    public func broadcastSignal(_ name: String, variables: [String: VariableValue] = [:]) throws -> Int {
        try resumeForInput()
        let count = perform({ try throwSignal(name, variables: variables, from: nil) }, at: nil) ? signalCatchCount : 0
        runAgenda()
        return count
    }

    /// Throws a signal inside the run (signal throw events, or from outside): every subscription
    /// that exists now catches it, oldest first.
    func throwSignal(_ name: String, variables: [String: VariableValue], from token: Int?) throws {
        let matching = state.subscriptions.values.filter { $0.kind == .signal && $0.name == name }.sorted { $0.id < $1.id }
        signalCatchCount = matching.count
        for sub in matching where state.subscriptions[sub.id] != nil {
            emitReceived(.signalReceived, sub, name: name, variables: variables)
            try trigger(sub, variables: variables)
        }
    }

    /// Fires the timer due soonest, moving the virtual clock to its due time. False when no timer waits.
    @discardableResult
    public func fireNextTimer() throws -> Bool {
        try resumeForInput()
        guard let sub = nextTimer(dueBy: .infinity) else {
            settle()
            return false
        }
        if let due = sub.due, due > state.clock, state.clockIsVirtual { state.clock = due }
        fire(sub)
        runAgenda()
        return true
    }

    /// Moves the virtual clock forward, firing every timer that falls due on the way, in order.
    public func advanceClock(by seconds: Double) throws {
        try resumeForInput()
        let target = state.clock + seconds
        while state.status == .running || state.status == .waiting {
            guard let sub = nextTimer(dueBy: target) else { break }
            state.status = .running
            if let due = sub.due, due > state.clock { state.clock = due }
            fire(sub)
            runAgenda()
        }
        if state.clockIsVirtual { state.clock = max(state.clock, target) }
        if state.status == .running { settle() }
    }

    /// Fires timers that are due by the run's clock (for `--clock real`). Returns whether one fired.
    @discardableResult
    public func fireDueTimers() throws -> Bool {
        try resumeForInput()
        let clock = now.timeIntervalSince1970
        var fired = false
        while let sub = nextTimer(dueBy: clock), state.status == .running || state.status == .waiting {
            state.status = .running
            fire(sub)
            runAgenda()
            fired = true
        }
        if state.status == .running { settle() }
        return fired
    }

    /// The timer due soonest (oldest first on a tie), if it is due by `limit`.
    func nextTimer(dueBy limit: Double) -> EventSubscription? {
        state.subscriptions.values.filter { $0.kind == .timer && ($0.due ?? .infinity) <= limit }
            .min { ($0.due ?? 0, $0.id) < ($1.due ?? 0, $1.id) }
    }

    func fire(_ sub: EventSubscription) {
        if trace != nil {
            let n = processes[sub.process].spec.nodes[sub.node]
            emit(.timerFired, element: n.id, type: n.kind.rawValue, name: n.name, token: sub.token, scope: sub.scope,
                 extra: [("timer", .string(sub.name)), ("fired", .integer(Int64(sub.fired + 1)))])
        }
        perform({ try trigger(sub, variables: [:]) }, at: nil)
    }

    /// Completes a waiting task by throwing a BPMN error from it, as a Java delegate throwing
    /// `BpmnError` would; the error propagates to the nearest catching boundary or event sub-process.
    public func throwError(fromTask tokenId: Int, code: String, message: String? = nil) throws {
        guard let t = state.tokens[tokenId], t.state == .waiting else {
            throw RunError(message: "token \(tokenId) is not waiting at a task")
        }
        try resumeForInput()
        perform({ try propagateError(code: code, message: message, from: tokenId, thrownByEndEvent: false) }, at: t)
        runAgenda()
    }

    /// Sets process variables from outside (`runtimeService.setVariables`); conditional events are
    /// evaluated again.
    public func setVariablesFromOutside(_ variables: [String: VariableValue]) throws {
        try resumeForInput()
        setProcessVariables(variables, source: "set")
        variablesChanged = true
        runAgenda()
    }

    func emitReceived(_ kind: TraceEvent.Kind, _ sub: EventSubscription, name: String, variables: [String: VariableValue]) {
        guard trace != nil else { return }
        let n = processes[sub.process].spec.nodes[sub.node]
        var extra: [(key: String, value: VariableValue)] = [("name", .string(name))]
        if !variables.isEmpty { extra.append(("variables", .object(variables))) }
        emit(kind, element: n.id, type: n.kind.rawValue, token: sub.token, scope: sub.scope, extra: extra)
    }

    /// "waiting: task 'Task_A', message 'x' at 'Event_B', ..." for error messages.
    public func waitingSummary() -> String {
        var parts: [String] = []
        for t in state.tokens.values.sorted(by: { $0.id < $1.id }) where t.state == .waiting {
            parts.append("task '\(processes[t.process].spec.nodes[t.node].id)'")
        }
        for e in pendingEvents {
            parts.append("\(e.kind.rawValue) '\(e.name)' at '\(e.element)'")
        }
        return parts.isEmpty ? "nothing is waiting" : "waiting: " + parts.joined(separator: ", ")
    }

    /// Evaluates every conditional subscription once; those whose condition holds fire (interrupting
    /// ones are used up, non-interrupting ones keep listening for the next variable change).
    /// Returns whether any fired.
    func evaluateConditionalEvents() throws -> Bool {
        conditionalRounds += 1
        if conditionalRounds > 10_000 {
            throw RunError(message: "conditional events fired more than 10000 times in a row; a non-interrupting conditional event whose branch keeps its own condition true loops forever")
        }
        var fired = false
        let changed = changedVariables
        changedVariables.removeAll()
        let subs = state.subscriptions.values.filter { $0.kind == .conditional }.sorted { $0.id < $1.id }
        for sub in subs where state.subscriptions[sub.id] != nil {
            let n = processes[sub.process].spec.nodes[sub.node]
            guard let d = n.eventDefinitions.first else { continue }
            // `camunda:variableName`: only a change of that variable triggers the evaluation.
            if let only = d.camundaAttributes["variableName"], !only.isEmpty, !changed.contains(only) { continue }
            let evalToken = sub.token.flatMap { state.tokens[$0] != nil ? $0 : nil }
            guard try conditionHolds(d, node: n, token: evalToken, scope: sub.scope) else { continue }
            if trace != nil {
                emit(.conditionSatisfied, element: n.id, type: n.kind.rawValue, token: sub.token, scope: sub.scope,
                     extra: [("condition", .string(sub.name))])
            }
            let nonInterrupting = (n.kind == .boundaryEvent && !n.cancelActivity) || (n.kind == .startEvent && !n.isInterrupting)
            if !nonInterrupting { state.subscriptions.removeValue(forKey: sub.id) }
            try trigger(EventSubscription(id: 0, kind: sub.kind, name: sub.name, process: sub.process, node: sub.node,
                                          token: sub.token, scope: sub.scope), variables: [:])
            fired = true
        }
        return fired
    }
}
