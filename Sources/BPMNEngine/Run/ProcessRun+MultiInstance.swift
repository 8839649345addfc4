import BPMNExpressions
import BPMNModel

/// Multi-instance activities as Camunda 7 runs them: a body scope with `nrOfInstances`,
/// `nrOfActiveInstances` and `nrOfCompletedInstances`, and one instance scope per element with
/// `loopCounter` (and the element variable) local to it. Parallel bodies start every instance at
/// once (run one after another, since execution is synchronous); sequential ones start the next
/// when the previous completes. A satisfied `completionCondition` cancels the remaining instances.
extension ProcessRun {
    func startMultiInstanceBody(_ tokenId: Int) throws {
        guard let t = state.tokens[tokenId] else { return }
        let p = processes[t.process]
        let n = p.spec.nodes[t.node]
        let mi = n.multiInstance!
        let elements = try multiInstanceElements(mi, node: n, token: tokenId)
        if isSpiff { prepareOutputCollection(mi, token: tokenId) }
        let body = newScope(kind: .multiInstanceBody, process: t.process, parent: t.scope, node: t.node, parentToken: tokenId)
        state.tokens[tokenId]!.state = .inSubProcess
        state.tokens[tokenId]!.childScope = body
        setVariableLocal("nrOfInstances", .integer(Int64(elements.count)), scope: body, token: tokenId, source: "multiInstance")
        setVariableLocal("nrOfCompletedInstances", .integer(0), scope: body, token: tokenId, source: "multiInstance")
        setVariableLocal("nrOfActiveInstances", .integer(Int64(mi.isSequential ? min(1, elements.count) : elements.count)),
                         scope: body, token: tokenId, source: "multiInstance")
        if elements.isEmpty {
            // Camunda: an empty collection (or cardinality 0) completes the body at once.
            try completeMultiInstanceBody(body)
            return
        }
        if mi.isSequential {
            state.scopes[body]?.pendingElements = Array(elements.dropFirst())
            startInstance(body: body, index: 0, element: elements[0])
        } else {
            var created: [Int] = []
            for (i, e) in elements.enumerated() { created.append(startInstance(body: body, index: i, element: e, schedule: false)) }
            // Camunda's agenda is taken last-in first; spiff runs take it in rounds, first in first.
            agenda.append(contentsOf: isSpiff ? created : created.reversed())
        }
    }

    /// The elements to run: the collection's items, or `nil`s for a cardinality.
    private func multiInstanceElements(_ mi: MultiInstanceSpec, node n: FlowNode, token: Int) throws -> [VariableValue] {
        // Spiff: with a cardinality, camunda:collection is only where the results go.
        if let collection = mi.collection ?? mi.loopDataInputRef, !(isSpiff && mi.loopCardinality != nil) {
            let value: VariableValue
            if JUELExpression.containsExpression(collection) {
                value = try evaluateJUEL(collection, token: token, element: n, what: "camunda:collection")
            } else {
                guard let v = lookupVariable(collection, fromScope: state.tokens[token]!.scope) else {
                    throw RunError(message: "Variable '\(collection)' is not found (camunda:collection of \(n.kind.rawValue) '\(n.id)')",
                                   element: n.id, location: mi.location)
                }
                value = v
            }
            switch value {
            case .array(let items): return items
            case .object(let o): return o.keys.sorted().map { .string($0) }
            case .null: return []
            default:
                throw RunError(message: "camunda:collection of \(n.kind.rawValue) '\(n.id)' is not a collection: \(value)",
                               element: n.id, location: mi.location)
            }
        }
        guard let cardinality = mi.loopCardinality?.text, !cardinality.isEmpty else {
            throw RunError(message: "multi-instance \(n.kind.rawValue) '\(n.id)' has neither loopCardinality nor camunda:collection",
                           element: n.id, location: mi.location)
        }
        if isSpiff, let spec = mi.loopCardinality {
            // SpiffWorkflow (`camunda/specs/multiinstance_task.py`): an int is the count, any
            // other value is the input collection.
            let value = try evaluatePython(spec, token: token, element: n, what: "loopCardinality")
            switch value {
            case .integer(let count) where count >= 0: return Array(repeating: .null, count: Int(count))
            case .array(let items): return items
            case .object(let o): return o.keys.sorted().map { .string($0) }
            default:
                throw RunError(message: "loopCardinality '\(cardinality)' of \(n.kind.rawValue) '\(n.id)' must give a non-negative int or a collection, got \(value)",
                               element: n.id, location: spec.location)
            }
        }
        let value = JUELExpression.containsExpression(cardinality)
            ? try evaluateJUEL(cardinality, token: token, element: n, what: "loopCardinality")
            : .string(cardinality.trimmingCharacters(in: .whitespaces))
        guard let count = value.intValue, count >= 0 else {
            throw RunError(message: "loopCardinality of \(n.kind.rawValue) '\(n.id)' must be a non-negative integer, got \(value)",
                           element: n.id, location: mi.location)
        }
        return Array(repeating: .null, count: count)
    }

    @discardableResult
    private func startInstance(body: Int, index: Int, element: VariableValue, schedule: Bool = true) -> Int {
        let b = state.scopes[body]!
        let n = processes[b.process].spec.nodes[b.node!]
        let instance = newScope(kind: .multiInstanceInstance, process: b.process, parent: body, node: b.node, parentToken: nil)
        let token = newToken(process: b.process, node: b.node!, scope: instance)
        setVariableLocal("loopCounter", .integer(Int64(index)), scope: instance, token: token, source: "multiInstance")
        if let name = n.multiInstance?.elementVariable ?? n.multiInstance?.inputDataItem, !name.isEmpty {
            setVariableLocal(name, element, scope: instance, token: token, source: "multiInstance")
        }
        if isSpiff, let parent = b.parentToken { giveInstanceItsData(token, element: element, node: n, from: parent) }
        if schedule { agenda.append(token) }
        return token
    }

    /// One instance finished: count it, check the completion condition, start the next (sequential)
    /// or complete the body when all are done.
    func multiInstanceInstanceCompleted(_ tokenId: Int) throws {
        let t = state.tokens[tokenId]!
        let instance = t.scope
        guard let body = state.scopes[instance]?.parent, let b = state.scopes[body] else { return }
        let n = processes[t.process].spec.nodes[t.node]
        let mi = n.multiInstance!
        let completed = (b.variables["nrOfCompletedInstances"]?.intValue ?? 0) + 1
        let active = max(0, (b.variables["nrOfActiveInstances"]?.intValue ?? 1) - 1)
        setVariableLocal("nrOfCompletedInstances", .integer(Int64(completed)), scope: body, token: tokenId, source: "multiInstance")
        setVariableLocal("nrOfActiveInstances", .integer(Int64(active)), scope: body, token: tokenId, source: "multiInstance")
        var done = false
        if let spec = mi.completionCondition, !spec.text.isEmpty {
            done = isSpiff
                ? try evaluatePythonCondition(spec, token: tokenId, element: n, what: "completionCondition")
                : try evaluateJUELCondition(spec.text, token: tokenId, element: n, what: "completionCondition")
        }
        if isSpiff, let childData = t.branchData, let parent = b.parentToken, state.tokens[parent] != nil {
            mergeInstanceData(childData, into: parent, instanceScope: instance, node: n)
        }
        state.tokens.removeValue(forKey: tokenId)
        closeScope(instance)
        if done {
            cancelScopeContents(body, reason: "completion condition of '\(n.id)' satisfied", removeScope: false)
            state.scopes[body]?.pendingElements = []
            try completeMultiInstanceBody(body)
            return
        }
        if mi.isSequential, var pending = state.scopes[body]?.pendingElements, !pending.isEmpty {
            let next = pending.removeFirst()
            state.scopes[body]?.pendingElements = pending
            setVariableLocal("nrOfActiveInstances", .integer(1), scope: body, token: tokenId, source: "multiInstance")
            startInstance(body: body, index: completed, element: next)
            return
        }
        if !state.tokens.values.contains(where: { $0.scope == body || (state.scopes[$0.scope]?.parent == body) }) {
            try completeMultiInstanceBody(body)
        }
    }

    private func completeMultiInstanceBody(_ body: Int) throws {
        guard let b = state.scopes[body], let parentToken = b.parentToken else { return }
        closeScope(body)
        guard state.tokens[parentToken] != nil else { return }
        state.tokens[parentToken]!.state = .ready
        state.tokens[parentToken]!.childScope = nil
        try leave(parentToken)
    }
}
