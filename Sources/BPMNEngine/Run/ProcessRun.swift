import BPMNExpressions
import BPMNModel
import BPMNPython
import BPMNScripting
import Foundation

/// One running process instance: a token interpreter over an ExecutableProcess (and the processes
/// its call activities reach).
///
/// Single-threaded and deterministic. Tokens run depth-first: after a fork, the first outgoing flow's
/// token runs until it waits or ends before the next one starts, as Camunda 7 executes concurrent
/// executions synchronously. All instance data lives in `state` (plain Codable values).
public final class ProcessRun {
    /// The process that was started.
    public let process: ExecutableProcess
    /// Every process tokens run in: index 0 is `process`, others were loaded for call activities.
    public internal(set) var processes: [ExecutableProcess]
    public let options: RunOptions
    public internal(set) var state: InstanceState
    let trace: TraceSink?
    /// Tokens ready to execute their node; the last one runs next.
    var agenda: [Int] = []
    lazy var context = ExecutionContext(run: self)
    lazy var javaScript = JavaScriptEngine(timeLimit: options.scriptTimeout)
    /// Spiff dialect: evaluates conditions and runs scripts (see `python()`).
    var pythonEngine: PythonEngine?
    /// JUEL parsed once per distinct text (I/O parameters, listeners, timers, loop expressions).
    var juelCache: [String: JUELExpression] = [:]
    /// Set when a variable changes, so conditional events are evaluated again.
    var variablesChanged = false
    /// Names of the variables changed since conditional events were last evaluated (for
    /// `camunda:variableName`), kept only while subscriptions exist.
    var changedVariables: Set<String> = []
    /// Guards against conditional events that keep firing each other.
    var conditionalRounds = 0
    /// How many subscriptions caught the last signal.
    var signalCatchCount = 0
    var stepsSinceInterruptCheck = 0
    private var cachedTimeMillis: Double = .nan
    private var cachedTimeText = ""
    /// Number of flow nodes executed so far (for benchmarks and summaries).
    public private(set) var nodeExecutions = 0

    public init(process: ExecutableProcess, options: RunOptions = RunOptions(), trace: TraceSink? = nil) {
        self.process = process
        self.processes = [process]
        self.options = options
        self.trace = trace
        let start = options.startTime ?? Date()
        self.state = InstanceState(processId: process.spec.id, clock: start.timeIntervalSince1970,
                                   clockIsVirtual: options.clock == .virtual || options.startTime != nil)
        self.state.processKeys = [process.key]
    }

    // MARK: Starting and stepping

    /// Starts the instance at the process's none start event with these variables and runs until every
    /// token waits or the instance ends.
    public func start(variables: [String: VariableValue] = [:]) {
        start(variables: variables, trigger: .none)
    }

    /// Starts the instance at the start event the trigger names: the none start event, or the
    /// message / signal start event with that name (`--message`, `--signal`).
    public func start(variables: [String: VariableValue] = [:], trigger: StartTrigger) {
        guard state.status == .notStarted else { return }
        var startNode = 0
        guard perform({ startNode = try process.startEvent(for: trigger) }, at: nil) else { return }
        state.status = .running
        state.scopes[1] = ScopeInstance(id: 1, kind: .process, process: 0, parent: nil, node: nil, parentToken: nil)
        state.nextScopeId = 2
        emit(.processStarted, element: process.spec.id, type: "process", name: process.spec.name, scope: 1,
             extra: [("variables", .object(variables))])
        for name in variables.keys.sorted() {
            setVariableLocal(name, variables[name]!, scope: 1, token: nil, source: "start")
        }
        let token = newToken(process: 0, node: startNode, scope: 1)
        guard perform({
            try runProcessListeners(process: 0, event: "start", token: token)
            try subscribeEventSubProcesses(ofScope: 1)
        }, at: nil) else { return }
        agenda.append(token)
        runAgenda()
    }

    /// Runs tokens until none is ready, then evaluates conditional events. Errors become a failed
    /// run (an incident).
    func runAgenda() {
        while true {
            // Spiff dialect: ready tasks run in rounds, in order (SpiffWorkflow's `do_engine_steps`
            // runs every READY task of the tree, then looks again), so parallel branches interleave.
            while let tokenId = isSpiff ? (agenda.isEmpty ? nil : agenda.removeFirst()) : agenda.popLast() {
                if state.status != .running { agenda.removeAll(); break }
                stepsSinceInterruptCheck += 1
                if stepsSinceInterruptCheck >= 1024 {
                    stepsSinceInterruptCheck = 0
                    if options.shouldInterrupt() { interrupt(); return }
                }
                guard let token = state.tokens[tokenId], token.state == .ready else { continue }
                nodeExecutions += 1
                let p = processes[token.process]
                if trace != nil {
                    let n = p.spec.nodes[token.node]
                    let (element, type) = activityIdentity(token, n)
                    emit(.activityStarted, element: element, type: type, name: n.name, token: tokenId, scope: token.scope)
                }
                guard perform({
                    if p.needsActivityEntry[token.node] {
                        try enterActivity(tokenId)
                    } else {
                        try p.behaviors[token.node].execute(token: tokenId, run: self)
                    }
                }, at: token) else { break }
                if isSpiff { releaseStrandedInclusiveJoins() }
            }
            guard state.status == .running else { break }
            // Variables changed: conditional events may fire, which can make more tokens ready.
            if variablesChanged && !state.subscriptions.isEmpty {
                variablesChanged = false
                // Whether any fired shows in the agenda; `perform` says whether the step succeeded.
                let succeeded = perform({ _ = try evaluateConditionalEvents() }, at: nil)
                if succeeded && !agenda.isEmpty { continue }
            }
            // Spiff: `do_engine_steps` ends with `refresh_timers()`, so a timer already due (a
            // past timeDate) fires without anyone advancing the clock.
            if isSpiff, let due = nextTimer(dueBy: state.clock) {
                fire(due)
                if !agenda.isEmpty { continue }
            }
            break
        }
        variablesChanged = false
        changedVariables.removeAll()
        conditionalRounds = 0
        settle()
    }

    /// Runs one step; an error fails the run. Returns false when the run has stopped.
    @discardableResult
    func perform(_ step: () throws -> Void, at token: Token?) -> Bool {
        do {
            try step()
            return true
        } catch let error as RunError {
            fail(error)
        } catch {
            if let token {
                let n = processes[token.process].spec.nodes[token.node]
                fail(RunError(message: "\(error)", element: n.id, location: n.location))
            } else {
                fail(RunError(message: "\(error)"))
            }
        }
        return false
    }

    /// After the agenda empties: decide whether the run waits or has completed.
    func settle() {
        guard state.status == .running else { return }
        if state.tokens.isEmpty {
            state.subscriptions.removeAll()
            _ = perform({ try runProcessListeners(process: 0, event: "end", token: nil) }, at: nil)
            guard state.status == .running else { return }
            state.status = .completed
            emit(.processCompleted, element: process.spec.id, type: "process", scope: 1)
        } else {
            state.status = .waiting
            // Whoever reads the trace while the run waits for input sees everything done so far.
            trace?.flush()
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

    /// Makes the run accept input again after it settled (`waiting`).
    func resumeForInput() throws {
        guard state.status == .waiting || state.status == .running else {
            throw RunError(message: "the run has stopped (\(state.status.rawValue)); nothing more can happen in it")
        }
        state.status = .running
    }

    // MARK: Tokens

    func newToken(process: Int, node: Int, scope: Int, arrivedVia: Int? = nil) -> Int {
        let id = state.nextTokenId
        state.nextTokenId += 1
        state.tokens[id] = Token(id: id, process: process, node: node, scope: scope, arrivedVia: arrivedVia)
        return id
    }

    /// The flow node a token is at.
    func node(of tokenId: Int) -> FlowNode {
        let t = state.tokens[tokenId]!
        return processes[t.process].spec.nodes[t.node]
    }

    func node(_ process: Int, _ index: Int) -> FlowNode { processes[process].spec.nodes[index] }

    /// Puts a token into a wait state: `.waiting` for tasks a person completes, `.waitingForEvent`
    /// for catch events.
    func wait(_ tokenId: Int, for state: Token.State = .waiting, extra: [(key: String, value: VariableValue)] = []) {
        self.state.tokens[tokenId]?.state = state
        if trace != nil, let t = self.state.tokens[tokenId] {
            let n = processes[t.process].spec.nodes[t.node]
            emit(.waiting, element: n.id, type: n.kind.rawValue, name: n.name, token: tokenId, scope: t.scope, extra: extra)
        }
    }

    /// Leaves the token's node the way Camunda's BpmnActivityBehavior does: every outgoing flow whose
    /// condition holds (unconditional flows always), the default flow when none does; an error when
    /// conditional flows exist but none holds; the token ends when there is no outgoing flow.
    /// Activities first finish what they started (output mappings, end listeners, boundary events,
    /// their own scope, multi-instance and loop bookkeeping).
    func leave(_ tokenId: Int) throws {
        guard let token = state.tokens[tokenId] else { return }
        let p = processes[token.process]
        if p.needsActivityEntry[token.node] {
            guard try exitActivity(tokenId) else { return }
        } else {
            completeActivity(tokenId)
        }
        try takeOutgoing(tokenId)
    }

    /// After a throw event did its work: an end event ends its token, an intermediate one moves on.
    func finishThrowEvent(_ tokenId: Int, isEnd: Bool) throws {
        if isEnd {
            completeActivity(tokenId)
            endToken(tokenId)
        } else {
            try leave(tokenId)
        }
    }

    /// Evaluates a service-like task's `camunda:expression` into its `camunda:resultVariable`.
    /// Returns false when the task has no expression.
    func runServiceExpression(_ tokenId: Int) throws -> Bool {
        let t = state.tokens[tokenId]!
        guard let expression = processes[t.process].expressions[t.node], case .juel(let juel) = expression else { return false }
        let node = processes[t.process].spec.nodes[t.node]
        context.token = tokenId
        context.source = "expression"
        let value: VariableValue
        do {
            value = try juel.evaluate(in: context)
        } catch {
            emit(.scriptFailed, element: node.id, type: node.kind.rawValue, token: tokenId, scope: t.scope,
                 extra: [("message", .string("\(error)"))])
            throw RunError(message: "\(error) (camunda:expression of \(node.kind.rawValue) '\(node.id)')",
                           element: node.id, location: node.location)
        }
        if let result = node.camunda("resultVariable") {
            setVariable(result, value, fromScope: t.scope, token: tokenId, source: "expression")
        }
        return true
    }

    /// Takes the outgoing flows of the token's node (see `leave`).
    func takeOutgoing(_ tokenId: Int) throws {
        guard let token = state.tokens[tokenId] else { return }
        let p = processes[token.process]
        let node = p.spec.nodes[token.node]
        let outgoing = node.outgoing
        if outgoing.count == 1, p.conditions[outgoing[0]] == nil, node.defaultFlow == nil {
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
            if let condition = p.conditions[flow] {
                let result = try evaluateCondition(condition, flow: flow, token: tokenId)
                if trace != nil { evaluated.append(conditionRecord(process: token.process, flow: flow, result: result)) }
                if result { chosen.append(flow) }
            } else {
                chosen.append(flow)
            }
        }
        if chosen.isEmpty {
            if let def = node.defaultFlow {
                chosen = [def]
                if trace != nil { evaluated.append(defaultRecord(process: token.process, flow: def)) }
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
        let n = processes[t.process].spec.nodes[t.node]
        let (element, type) = activityIdentity(t, n)
        emit(.activityCompleted, element: element, type: type, name: n.name, token: tokenId, scope: t.scope, extra: extra)
    }

    /// How the trace names a token's activity: a multi-instance activity's body is
    /// `<id>#multiInstanceBody`, as in Camunda's history; its instances carry the plain id.
    func activityIdentity(_ t: Token, _ n: FlowNode) -> (String, String) {
        if n.multiInstance != nil && !isMultiInstanceInstance(t) { return (n.id + "#multiInstanceBody", "multiInstanceBody") }
        return (n.id, n.kind.rawValue)
    }

    /// Moves the token along the given flows: the first flow keeps the token, every further flow
    /// gets a new token in the same scope. Depth-first: the first flow's token runs first.
    func take(_ tokenId: Int, flows: [Int]) {
        guard let token = state.tokens[tokenId] else { return }
        let p = processes[token.process]
        var movers: [Int] = []
        movers.reserveCapacity(flows.count)
        let branchData = isSpiff && flows.count > 1 ? spiffData(token: tokenId) : nil
        for (i, flowIndex) in flows.enumerated() {
            let flow = p.spec.flows[flowIndex]
            guard let target = flow.target else { continue }
            let moving: Int
            if i == 0 {
                moving = tokenId
                state.tokens[tokenId]!.node = target
                state.tokens[tokenId]!.arrivedVia = flowIndex
                state.tokens[tokenId]!.state = .ready
            } else {
                moving = newToken(process: token.process, node: target, scope: token.scope, arrivedVia: flowIndex)
            }
            if trace != nil {
                emit(.flowTaken, element: flow.id, type: "sequenceFlow", name: flow.name, token: moving, scope: token.scope,
                     extra: [("source", .string(flow.sourceRef)), ("target", .string(flow.targetRef))])
            }
            if p.flowHasListeners[flowIndex] {
                do {
                    try runFlowListeners(process: token.process, flow: flowIndex, token: moving)
                } catch let error as RunError {
                    fail(error)
                    return
                } catch {
                    fail(RunError(message: "\(error)", element: flow.id, location: flow.location))
                    return
                }
            }
            movers.append(moving)
        }
        if movers.isEmpty {
            endToken(tokenId)
            return
        }
        if isSpiff {
            if let branch = branchData, movers.count > 1 { giveBranchData(branch, to: movers) }
            agenda.append(contentsOf: movers)
            return
        }
        agenda.append(contentsOf: movers.reversed())
    }

    /// The token is done (end event, or no way on). Completes its scope when it was the last one.
    func endToken(_ tokenId: Int) {
        guard let token = state.tokens.removeValue(forKey: tokenId) else { return }
        removeSubscriptions(ownedBy: tokenId)
        if trace != nil {
            let n = processes[token.process].spec.nodes[token.node]
            emit(.tokenEnded, element: n.id, type: n.kind.rawValue, token: tokenId, scope: token.scope)
        }
        if token.branchData != nil { branchEnded(token) }
        if let thrower = token.compensating {
            compensationHandlerEnded(thrower: thrower)
        }
        if isSpiff { releaseStrandedInclusiveJoins() }
        scopeMayHaveEnded(token.scope)
    }

    // MARK: Conditions and trace helpers

    func evaluateCondition(_ condition: CompiledExpression, flow: Int, token: Int) throws -> Bool {
        context.token = token
        let p = processes[state.tokens[token]?.process ?? 0]
        do {
            switch condition {
            case .juel(let expression):
                return try expression.evaluateCondition(in: context)
            case .javascript(let source):
                let value = try javaScript.run(source, context: context, scriptName: p.spec.flows[flow].id)
                guard case .boolean(let b) = value else {
                    throw ExpressionError("condition script returns non-Boolean: \(value)")
                }
                return b
            case .python(let source):
                return try python().evaluateCondition(source, variables: spiffData(token: token))
            }
        } catch let error as ExpressionError {
            let f = p.spec.flows[flow]
            throw RunError(message: "\(error.message) (condition of sequence flow '\(f.id)')", element: f.id,
                           location: f.condition?.location ?? f.location)
        } catch let error as ScriptError {
            let f = p.spec.flows[flow]
            throw RunError(message: "condition script of sequence flow '\(f.id)' failed: \(error.message)", element: f.id,
                           location: f.condition?.location ?? f.location)
        } catch let error as PythonError {
            let f = p.spec.flows[flow]
            throw RunError(message: "condition '\(f.condition?.text.trimmingWhitespace() ?? "")' of sequence flow '\(f.id)' failed: \(error)",
                           element: f.id, location: f.condition?.location ?? f.location)
        }
    }

    func conditionRecord(process: Int, flow: Int, result: Bool) -> VariableValue {
        let f = processes[process].spec.flows[flow]
        return .object(["flow": .string(f.id), "condition": f.condition.map { .string($0.text) } ?? .null, "result": .boolean(result)])
    }

    func defaultRecord(process: Int, flow: Int) -> VariableValue {
        .object(["flow": .string(processes[process].spec.flows[flow].id), "default": .boolean(true), "result": .boolean(true)])
    }

    func recordDecision(_ tokenId: Int, conditions: [VariableValue], taken: [Int]) {
        guard trace != nil, let t = state.tokens[tokenId] else { return }
        let p = processes[t.process]
        let n = p.spec.nodes[t.node]
        emit(.gatewayDecision, element: n.id, type: n.kind.rawValue, name: n.name, token: tokenId, scope: t.scope,
             extra: [("conditions", .array(conditions)), ("taken", .array(taken.map { .string(p.spec.flows[$0].id) }))])
    }

    func emit(_ kind: TraceEvent.Kind, element: String? = nil, type: String? = nil, name: String? = nil, token: Int? = nil,
              scope: Int? = nil, extra: [(key: String, value: VariableValue)] = []) {
        guard let trace else { return }
        state.seq += 1
        trace.record(TraceEvent(seq: state.seq, at: clockText(), kind: kind, element: element, type: type, name: name,
                                token: token, scope: scope, extra: extra))
    }

    /// The run's clock: virtual (moved only by timers and `advance`) unless `--clock real`.
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
                                   variables: state.processVariables, pending: pendingEvents.map(\.traceValue),
                                   scopes: liveScopes, waiting: waitingRecords))
    }

    /// Running scopes other than the process instance, for the trace's `scopes`.
    var liveScopes: [VariableValue] {
        state.scopes.values.filter { $0.id != 1 }.sorted { $0.id < $1.id }.map { s in
            let element = s.node.map { processes[s.process].spec.nodes[$0].id } ?? processes[s.process].spec.id
            var o: [String: VariableValue] = ["id": .integer(Int64(s.id)), "kind": .string(s.kind.rawValue),
                                              "element": .string(element), "variables": .object(s.variables)]
            if let parent = s.parent { o["parent"] = .integer(Int64(parent)) }
            return .object(o)
        }
    }

    /// One element id per waiting token (user tasks, waiting service tasks, joins, catch events).
    public var activeElementIds: [String] {
        activeTokens.map { processes[$0.process].spec.nodes[$0.node].id }
    }
}
