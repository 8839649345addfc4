import BPMNExpressions
import BPMNModel
import BPMNScripting
import Foundation

/// One running process instance: a token interpreter over an ExecutableProcess.
///
/// Single-threaded and deterministic. Tokens run depth-first: after a fork, the first outgoing flow's
/// token runs until it waits or ends before the next one starts, as Camunda 7 executes concurrent
/// executions synchronously. All instance data lives in `state` (plain Codable values).
public final class ProcessRun {
    public let process: ExecutableProcess
    public let options: RunOptions
    public internal(set) var state: InstanceState
    let trace: TraceSink?
    /// Tokens ready to execute their node; the last one runs next.
    var agenda: [Int] = []
    lazy var context = ExecutionContext(run: self)
    lazy var javaScript = JavaScriptEngine(timeLimit: options.scriptTimeout)
    var stepsSinceInterruptCheck = 0
    private var cachedTimeMillis: Double = .nan
    private var cachedTimeText = ""
    /// Number of flow nodes executed so far (for benchmarks and summaries).
    public private(set) var nodeExecutions = 0

    public init(process: ExecutableProcess, options: RunOptions = RunOptions(), trace: TraceSink? = nil) {
        self.process = process
        self.options = options
        self.trace = trace
        let start = options.startTime ?? Date()
        self.state = InstanceState(processId: process.spec.id, clock: start.timeIntervalSince1970,
                                   clockIsVirtual: options.startTime != nil)
    }

    // MARK: Starting and stepping

    /// Starts the instance at the process's none start event with these variables and runs until every
    /// token waits or the instance ends.
    public func start(variables: [String: VariableValue] = [:]) {
        guard state.status == .notStarted else { return }
        guard let startNode = process.noneStartEvents[-1] else {
            fail(RunError(message: "process '\(process.spec.id)' has no none start event, so bpmnrun cannot start it "
                              + "(message, signal and timer start events are not supported yet)",
                          element: process.spec.id, location: process.spec.location))
            return
        }
        state.status = .running
        state.scopes[1] = ScopeInstance(id: 1, parent: nil, node: nil, parentToken: nil)
        state.nextScopeId = 2
        emit(.processStarted, element: process.spec.id, type: "process", name: process.spec.name, scope: 1,
             extra: [("variables", .object(variables))])
        for name in variables.keys.sorted() {
            setVariableLocal(name, variables[name]!, scope: 1, token: nil, source: "start")
        }
        let token = newToken(node: startNode, scope: 1)
        agenda.append(token)
        runAgenda()
    }

    /// Runs tokens until none is ready. Errors become a failed run (an incident).
    func runAgenda() {
        while let tokenId = agenda.popLast() {
            if state.status != .running { agenda.removeAll(); break }
            stepsSinceInterruptCheck += 1
            if stepsSinceInterruptCheck >= 1024 {
                stepsSinceInterruptCheck = 0
                if options.shouldInterrupt() { interrupt(); return }
            }
            guard let token = state.tokens[tokenId], token.state == .ready else { continue }
            nodeExecutions += 1
            let node = token.node
            if trace != nil {
                let n = process.spec.nodes[node]
                emit(.activityStarted, element: n.id, type: n.kind.rawValue, name: n.name, token: tokenId, scope: token.scope)
            }
            do {
                try process.behaviors[node].execute(token: tokenId, run: self)
            } catch let error as RunError {
                fail(error)
            } catch {
                let n = process.spec.nodes[node]
                fail(RunError(message: "\(error)", element: n.id, location: n.location))
            }
        }
        settle()
    }

    /// After the agenda empties: decide whether the run waits or has completed.
    func settle() {
        guard state.status == .running else { return }
        if state.tokens.isEmpty {
            state.status = .completed
            emit(.processCompleted, element: process.spec.id, type: "process", scope: 1)
        } else {
            state.status = .waiting
        }
    }

    func fail(_ error: RunError) {
        guard !state.status.hasEnded else { return }
        state.status = .failed
        state.error = error
        agenda.removeAll()
        emit(.processFailed, element: error.element, extra: [("message", .string(error.message))])
    }

    /// Stops the run because the user asked (Ctrl-C, SIGTERM); tokens stay where they are.
    public func interrupt() {
        guard !state.status.hasEnded else { return }
        // Tokens that were about to run are parked where they are, so the state stays resumable.
        agenda.removeAll()
        state.status = .interrupted
    }

    // MARK: Tokens

    func newToken(node: Int, scope: Int, arrivedVia: Int? = nil) -> Int {
        let id = state.nextTokenId
        state.nextTokenId += 1
        state.tokens[id] = Token(id: id, node: node, scope: scope, arrivedVia: arrivedVia)
        return id
    }

    /// Puts a token into a wait state (user task, waiting service task, catch event).
    func wait(_ tokenId: Int, extra: [(key: String, value: VariableValue)] = []) {
        state.tokens[tokenId]?.state = .waiting
        if trace != nil, let t = state.tokens[tokenId] {
            let n = process.spec.nodes[t.node]
            emit(.waiting, element: n.id, type: n.kind.rawValue, name: n.name, token: tokenId, scope: t.scope, extra: extra)
        }
    }

    /// Leaves the token's node the way Camunda's BpmnActivityBehavior does: every outgoing flow whose
    /// condition holds (unconditional flows always), the default flow when none does; an error when
    /// conditional flows exist but none holds; the token ends when there is no outgoing flow.
    func leave(_ tokenId: Int) throws {
        guard let token = state.tokens[tokenId] else { return }
        let node = process.spec.nodes[token.node]
        completeActivity(tokenId)
        let outgoing = node.outgoing
        if outgoing.count == 1, process.conditions[outgoing[0]] == nil, node.defaultFlow == nil {
            take(tokenId, flows: outgoing)  // the common case, kept cheap
            return
        }
        if outgoing.isEmpty {
            endToken(tokenId)
            return
        }
        var chosen: [Int] = []
        var evaluated: [VariableValue] = []
        for flow in outgoing where flow != node.defaultFlow {
            if let condition = process.conditions[flow] {
                let result = try evaluateCondition(condition, flow: flow, token: tokenId)
                if trace != nil { evaluated.append(conditionRecord(flow: flow, result: result)) }
                if result { chosen.append(flow) }
            } else {
                chosen.append(flow)
            }
        }
        if chosen.isEmpty {
            if let def = node.defaultFlow {
                chosen = [def]
                if trace != nil { evaluated.append(defaultRecord(flow: def)) }
            } else {
                throw RunError(message: "ENGINE-02006 No conditional sequence flow leaving the Flow Node '\(node.id)' could be selected for continuing the process.",
                               element: node.id, location: node.location)
            }
        }
        if !evaluated.isEmpty { recordDecision(tokenId, conditions: evaluated, taken: chosen) }
        take(tokenId, flows: chosen)
    }

    /// Emits `activityCompleted` for the token's current node.
    func completeActivity(_ tokenId: Int, extra: [(key: String, value: VariableValue)] = []) {
        guard trace != nil, let t = state.tokens[tokenId] else { return }
        let n = process.spec.nodes[t.node]
        emit(.activityCompleted, element: n.id, type: n.kind.rawValue, name: n.name, token: tokenId, scope: t.scope, extra: extra)
    }

    /// Moves the token along the given flows: the first flow keeps the token, every further flow
    /// gets a new token in the same scope. Depth-first: the first flow's token runs first.
    func take(_ tokenId: Int, flows: [Int]) {
        guard let token = state.tokens[tokenId] else { return }
        var movers: [Int] = []
        movers.reserveCapacity(flows.count)
        for (i, flowIndex) in flows.enumerated() {
            let flow = process.spec.flows[flowIndex]
            guard let target = flow.target else { continue }
            let moving: Int
            if i == 0 {
                moving = tokenId
                state.tokens[tokenId]!.node = target
                state.tokens[tokenId]!.arrivedVia = flowIndex
                state.tokens[tokenId]!.state = .ready
            } else {
                moving = newToken(node: target, scope: token.scope, arrivedVia: flowIndex)
            }
            if trace != nil {
                emit(.flowTaken, element: flow.id, type: "sequenceFlow", name: flow.name, token: moving, scope: token.scope,
                     extra: [("source", .string(flow.sourceRef)), ("target", .string(flow.targetRef))])
            }
            movers.append(moving)
        }
        if movers.isEmpty {
            endToken(tokenId)
            return
        }
        agenda.append(contentsOf: movers.reversed())
    }

    /// The token is done (end event, or no way on). Completes its scope when it was the last one.
    func endToken(_ tokenId: Int) {
        guard let token = state.tokens.removeValue(forKey: tokenId) else { return }
        if trace != nil {
            let n = process.spec.nodes[token.node]
            emit(.tokenEnded, element: n.id, type: n.kind.rawValue, token: tokenId, scope: token.scope)
        }
        scopeMayHaveEnded(token.scope)
    }

    /// A scope whose last token ended completes: a sub-process then leaves its node in the parent.
    func scopeMayHaveEnded(_ scopeId: Int) {
        guard scopeId != 1 else { return }  // the process instance completes in settle()
        if state.tokens.values.contains(where: { $0.scope == scopeId }) { return }
        guard let scope = state.scopes.removeValue(forKey: scopeId), let parentToken = scope.parentToken else { return }
        guard state.tokens[parentToken] != nil else { return }
        state.tokens[parentToken]!.state = .ready
        state.tokens[parentToken]!.childScope = nil
        do {
            try leave(parentToken)
        } catch let error as RunError {
            fail(error)
        } catch {
            fail(RunError(message: "\(error)"))
        }
    }

    // MARK: Conditions and trace helpers

    func evaluateCondition(_ condition: CompiledExpression, flow: Int, token: Int) throws -> Bool {
        context.token = token
        do {
            switch condition {
            case .juel(let expression):
                return try expression.evaluateCondition(in: context)
            case .javascript(let source):
                let value = try javaScript.run(source, context: context, scriptName: process.spec.flows[flow].id)
                guard case .boolean(let b) = value else {
                    throw ExpressionError("condition script returns non-Boolean: \(value)")
                }
                return b
            }
        } catch let error as ExpressionError {
            let f = process.spec.flows[flow]
            throw RunError(message: "\(error.message) (condition of sequence flow '\(f.id)')", element: f.id,
                           location: f.condition?.location ?? f.location)
        } catch let error as ScriptError {
            let f = process.spec.flows[flow]
            throw RunError(message: "condition script of sequence flow '\(f.id)' failed: \(error.message)", element: f.id,
                           location: f.condition?.location ?? f.location)
        }
    }

    func conditionRecord(flow: Int, result: Bool) -> VariableValue {
        let f = process.spec.flows[flow]
        return .object(["flow": .string(f.id), "condition": f.condition.map { .string($0.text) } ?? .null, "result": .boolean(result)])
    }

    func defaultRecord(flow: Int) -> VariableValue {
        .object(["flow": .string(process.spec.flows[flow].id), "default": .boolean(true), "result": .boolean(true)])
    }

    func recordDecision(_ tokenId: Int, conditions: [VariableValue], taken: [Int]) {
        guard trace != nil, let t = state.tokens[tokenId] else { return }
        let n = process.spec.nodes[t.node]
        emit(.gatewayDecision, element: n.id, type: n.kind.rawValue, name: n.name, token: tokenId, scope: t.scope,
             extra: [("conditions", .array(conditions)), ("taken", .array(taken.map { .string(process.spec.flows[$0].id) }))])
    }

    func emit(_ kind: TraceEvent.Kind, element: String? = nil, type: String? = nil, name: String? = nil, token: Int? = nil,
              scope: Int? = nil, extra: [(key: String, value: VariableValue)] = []) {
        guard let trace else { return }
        state.seq += 1
        trace.record(TraceEvent(seq: state.seq, at: clockText(), kind: kind, element: element, type: type, name: name,
                                token: token, scope: scope, extra: extra))
    }

    /// The run's clock: fixed (virtual) when a start time was given, else the wall clock.
    public var now: Date {
        if !state.clockIsVirtual { state.clock = Date().timeIntervalSince1970 }
        return Date(timeIntervalSince1970: state.clock)
    }

    /// The clock as trace text, formatted once per millisecond: a traced run writes several events
    /// per millisecond, all with the same time stamp.
    private func clockText() -> String {
        let ms = (now.timeIntervalSince1970 * 1000).rounded()
        if ms != cachedTimeMillis {
            cachedTimeMillis = ms
            cachedTimeText = DateFormats.iso8601String(Date(timeIntervalSince1970: ms / 1000))
        }
        return cachedTimeText
    }

    // MARK: Ending

    /// Writes the trace's closing fields. Call once, when the run stops for whatever reason.
    public func finishTrace() {
        trace?.finish(TraceSummary(status: state.status, error: state.error, active: activeElementIds,
                                   variables: state.processVariables))
    }

    /// One element id per waiting token (user tasks, waiting service tasks, joins, catch events).
    public var activeElementIds: [String] {
        state.tokens.values.filter { $0.state == .waiting || $0.state == .joined }
            .sorted { $0.id < $1.id }
            .map { process.spec.nodes[$0.node].id }
    }
}
