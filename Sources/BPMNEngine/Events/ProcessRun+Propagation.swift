import BPMNModel

/// BPMN errors and escalations travel up the scope tree (Camunda's BpmnExceptionHandler and
/// EscalationEventDefinitionFinder): at each level, first the event sub-processes of the scope, then
/// the boundary events of the activity that holds the scope; a catch with a code wins over a
/// catch-all at the same level. A called process passes them on to its call activity.
extension ProcessRun {
    enum ThrownEvent {
        case error(code: String, message: String?)
        case escalation(code: String)

        var kind: EventDefinition.Kind {
            if case .error = self { return .error }
            return .escalation
        }
        var code: String {
            switch self {
            case .error(let code, _), .escalation(let code): return code
            }
        }
    }

    /// Throws a BPMN error from a token. Uncaught, it fails the run (see docs/semantics.md).
    func propagateError(code: String, message: String?, from tokenId: Int, thrownByEndEvent: Bool) throws {
        let t = state.tokens[tokenId]!
        let thrower = processes[t.process].spec.nodes[t.node]
        let caught = try propagate(.error(code: code, message: message), from: tokenId, includeOwnBoundary: !thrownByEndEvent)
        if trace != nil {
            var extra: [(key: String, value: VariableValue)] = [("code", .string(code)), ("caught", .boolean(caught != nil))]
            if let message { extra.append(("message", .string(message))) }
            if let caught { extra.append(("caughtBy", .string(caught))) }
            emit(.errorThrown, element: thrower.id, type: thrower.kind.rawValue, token: tokenId, scope: t.scope, extra: extra)
        }
        if caught == nil {
            throw RunError(message: "BPMN error '\(code.isEmpty ? "(none)" : code)'\(message.map { " (\($0))" } ?? "") thrown by \(thrower.kind.words) '\(thrower.id)' was not caught",
                           element: thrower.id, location: thrower.location)
        }
    }

    /// Throws an escalation. Returns whether it was caught; an uncaught escalation is ignored, as in Camunda.
    @discardableResult
    func propagateEscalation(code: String, from tokenId: Int) throws -> Bool {
        let t = state.tokens[tokenId]!
        let thrower = processes[t.process].spec.nodes[t.node]
        if trace != nil {
            emit(.escalationThrown, element: thrower.id, type: thrower.kind.rawValue, token: tokenId, scope: t.scope,
                 extra: [("code", .string(code))])
        }
        return try propagate(.escalation(code: code), from: tokenId, includeOwnBoundary: false) != nil
    }

    /// Walks up from the throwing token; returns the id of the element that caught the event.
    private func propagate(_ event: ThrownEvent, from tokenId: Int, includeOwnBoundary: Bool) throws -> String? {
        let start = state.tokens[tokenId]!
        var activityToken: Int? = includeOwnBoundary ? tokenId : nil
        var scopeId = start.scope
        var excludedEventSubProcess: Int?
        while true {
            if let host = activityToken, let h = state.tokens[host], !isMultiInstanceInstance(h),
               let boundary = matchingBoundary(for: event, on: h) {
                try catchByBoundary(event, boundary: boundary, hostToken: host)
                return processes[h.process].spec.nodes[boundary].id
            }
            guard let scope = state.scopes[scopeId] else { return nil }
            if scope.kind != .activity && scope.kind != .multiInstanceInstance && scope.kind != .multiInstanceBody,
               let startEvent = matchingEventSubProcessStart(for: event, in: scope, excluding: excludedEventSubProcess) {
                let variables = eventVariables(event, catcher: processes[scope.process].spec.nodes[startEvent])
                try startEventSubProcess(scope: scopeId, startEvent: startEvent, process: scope.process, variables: [:])
                try setCaughtVariables(variables, nearScope: scopeId)
                return processes[scope.process].spec.nodes[startEvent].id
            }
            guard let parent = scope.parent else { return nil }
            switch scope.kind {
            case .process:
                return nil
            case .calledProcess, .subProcess, .multiInstanceBody:
                activityToken = scope.parentToken
                excludedEventSubProcess = nil
            case .eventSubProcess:
                activityToken = nil
                excludedEventSubProcess = scope.node
            case .activity, .multiInstanceInstance:
                activityToken = nil
                excludedEventSubProcess = nil
            }
            scopeId = parent
        }
    }

    private func catchCode(_ d: EventDefinition, in p: ExecutableProcess) -> String? {
        guard let ref = d.ref else { return nil }
        switch d.kind {
        case .error: return p.definitions.error(id: ref).map { $0.errorCode ?? ref } ?? ref
        case .escalation: return p.definitions.escalation(id: ref).map { $0.escalationCode ?? ref } ?? ref
        default: return ref
        }
    }

    /// The boundary event on the token's activity that catches the event: one with the same code
    /// first, else a catch-all (no reference).
    private func matchingBoundary(for event: ThrownEvent, on host: Token) -> Int? {
        let p = processes[host.process]
        var catchAll: Int?
        for b in p.spec.nodes[host.node].boundaryEvents {
            guard let d = p.spec.nodes[b].eventDefinitions.first, d.kind == event.kind else { continue }
            let code = catchCode(d, in: p)
            if code == event.code { return b }
            if code == nil && catchAll == nil { catchAll = b }
        }
        return catchAll
    }

    private func matchingEventSubProcessStart(for event: ThrownEvent, in scope: ScopeInstance, excluding: Int?) -> Int? {
        let p = processes[scope.process]
        let key = scope.kind == .process || scope.kind == .calledProcess ? -1 : (scope.node ?? -1)
        var catchAll: Int?
        for s in p.eventSubProcessStarts[key] ?? [] {
            let n = p.spec.nodes[s]
            guard n.parent != excluding, let d = n.eventDefinitions.first, d.kind == event.kind else { continue }
            let code = catchCode(d, in: p)
            if code == event.code { return s }
            if code == nil && catchAll == nil { catchAll = s }
        }
        return catchAll
    }

    /// `camunda:errorCodeVariable` / `errorMessageVariable` / `escalationCodeVariable` of the catcher.
    private func eventVariables(_ event: ThrownEvent, catcher: FlowNode) -> [String: VariableValue] {
        guard let d = catcher.eventDefinitions.first else { return [:] }
        var vars: [String: VariableValue] = [:]
        switch event {
        case .error(let code, let message):
            if let v = d.camundaAttributes["errorCodeVariable"], !v.isEmpty { vars[v] = .string(code) }
            if let v = d.camundaAttributes["errorMessageVariable"], !v.isEmpty { vars[v] = message.map { .string($0) } ?? .null }
        case .escalation(let code):
            if let v = d.camundaAttributes["escalationCodeVariable"], !v.isEmpty { vars[v] = .string(code) }
        }
        return vars
    }

    private func catchByBoundary(_ event: ThrownEvent, boundary: Int, hostToken: Int) throws {
        let h = state.tokens[hostToken]!
        let p = processes[h.process]
        let b = p.spec.nodes[boundary]
        let outer = placementScope(of: h)
        // Errors always interrupt; escalations as the boundary event says.
        if event.kind == .error || b.cancelActivity {
            if case .error = event, p.spec.nodes[h.node].kind == .callActivity, let called = h.childScope {
                // Camunda copies `camunda:out variables="all"` back even when the called process fails.
                try applyOutMappings(calledScope: called, callerToken: hostToken)
            }
            cancelToken(hostToken, reason: "interrupted by \(event.kind.rawValue) boundary event '\(b.id)'")
        }
        let token = newToken(process: h.process, node: boundary, scope: outer)
        for (name, value) in eventVariables(event, catcher: b).sorted(by: { $0.key < $1.key }) {
            setVariable(name, value, fromScope: outer, token: token, source: "event")
        }
        agenda.append(token)
    }

    private func setCaughtVariables(_ vars: [String: VariableValue], nearScope scopeId: Int) throws {
        for (name, value) in vars.sorted(by: { $0.key < $1.key }) {
            setVariable(name, value, fromScope: scopeId, token: nil, source: "event")
        }
    }
}
