import BPMNModel
import BPMNPython

/// The spiff dialect's data model. SpiffWorkflow keeps data on tasks: each task starts with a
/// copy of its parent's data, parallel branches therefore work on their own copies, and a join
/// merges them (`bpmn/specs/mixins/unstructured_join.py`). bpmnrun keeps the variables in scopes
/// as for Camunda, and gives a token its own copy (`Token.branchData`) only while it runs in a
/// parallel branch; joins merge the copies as SpiffWorkflow does and write the result back once no
/// other branch of the scope is still running.
extension ProcessRun {
    var isSpiff: Bool { process.dialect == .spiff }

    /// The run's Python engine, started on first use (one per run; the interpreter is shared).
    func python() throws -> PythonEngine {
        if let engine = pythonEngine { return engine }
        do {
            let engine = try PythonEngine(timeLimit: options.scriptTimeout)
            pythonEngine = engine
            return engine
        } catch {
            throw RunError(message: "the embedded Python did not start: \(error)")
        }
    }

    /// The data a token's task sees: its branch's copy, else the variables visible in its scope.
    func spiffData(token tokenId: Int?) -> [String: VariableValue] {
        guard let tokenId, let token = state.tokens[tokenId] else { return visibleVariables(fromScope: 1) }
        return token.branchData ?? visibleVariables(fromScope: token.scope)
    }

    /// Stores a value in a token's task data (its branch copy, or its scope's variables).
    func writeTaskData(_ name: String, _ value: VariableValue, token tokenId: Int, source: String) {
        guard let token = state.tokens[tokenId] else { return }
        if token.branchData != nil {
            state.tokens[tokenId]!.branchData![name] = value
            variablesChanged = true
            if trace != nil {
                emit(.variableSet, element: node(of: tokenId).id, token: tokenId, scope: token.scope,
                     extra: [("variable", .string(name)), ("value", value), ("source", .string(source)), ("branch", .boolean(true))])
            }
        } else {
            setVariable(name, value, fromScope: token.scope, token: tokenId, source: source)
        }
    }

    /// Removes a variable from a token's task data (`del name` in a script).
    func removeTaskData(_ name: String, token tokenId: Int, source: String) {
        guard let token = state.tokens[tokenId] else { return }
        if token.branchData != nil {
            state.tokens[tokenId]!.branchData![name] = nil
            variablesChanged = true
            if trace != nil {
                emit(.variableDeleted, element: node(of: tokenId).id, token: tokenId, scope: token.scope,
                     extra: [("variable", .string(name)), ("source", .string(source)), ("branch", .boolean(true))])
            }
        } else {
            removeVariable(name, fromScope: token.scope, token: tokenId, source: source)
        }
    }

    /// What a script left behind: changed and new variables are stored, deleted ones removed.
    func applyScriptResult(_ result: PythonScriptResult, token: Int) {
        for name in result.changed.keys.sorted() { writeTaskData(name, result.changed[name]!, token: token, source: "script") }
        for name in result.removed { removeTaskData(name, token: token, source: "script") }
    }

    /// At a split, every outgoing token works on its own copy of the data it had.
    func giveBranchData(_ data: [String: VariableValue], to tokens: [Int]) {
        for id in tokens { state.tokens[id]?.branchData = data }
    }

    /// A join fires: SpiffWorkflow starts from the data of the branch that arrived last, merges
    /// the other branches' data into it in the order they arrived, then merges the last branch's
    /// data again (`UnstructuredJoin._update_hook` / `_run_hook`, `DeepMerge.merge`).
    func mergeBranchData(arrived: [Int], survivor: Int) {
        guard let token = state.tokens[survivor] else { return }
        var data: [Int: [String: VariableValue]] = [:]
        for id in arrived { data[id] = state.tokens[id]?.branchData ?? visibleVariables(fromScope: token.scope) }
        let others = arrived.filter { $0 != survivor }.sorted {
            (state.tokens[$0]?.arrivalSeq ?? 0, $0) < (state.tokens[$1]?.arrivalSeq ?? 0, $1)
        }
        let last = data[survivor]!
        var merged = last
        for id in others { merged = SpiffDataMerge.merge(merged, data[id]!) }
        merged = SpiffDataMerge.merge(merged, last)
        state.tokens[survivor]!.branchData = merged
    }

    /// After a join: when no other token of the scope still works on a copy, the joined data
    /// becomes the scope's variables again.
    func settleBranchData(of tokenId: Int) {
        guard let token = state.tokens[tokenId], let data = token.branchData, !holdsSubworkflowData(token.scope) else { return }
        let otherBranches = state.tokens.values.contains { $0.id != tokenId && $0.scope == token.scope && $0.branchData != nil }
        guard !otherBranches else { return }
        state.tokens[tokenId]!.branchData = nil
        commit(data, replacing: true, scope: token.scope, token: tokenId)
    }

    /// A branch that ends (end event) leaves its data to the process, merged as SpiffWorkflow's
    /// end join merges the data of every branch that ended (`bpmn/specs/control.py` `_EndJoin`).
    func branchEnded(_ token: Token) {
        guard let data = token.branchData, let scope = state.scopes[token.scope] else { return }
        if holdsSubworkflowData(token.scope) {
            // The sub-process's end data, merged over its ended branches; handed back when it completes.
            state.scopes[token.scope]!.variables = SpiffDataMerge.merge(scope.variables, data)
            return
        }
        commit(SpiffDataMerge.merge(visibleVariables(fromScope: token.scope), data), replacing: true, scope: token.scope, token: nil)
    }

    /// Sub-processes and called processes are SpiffWorkflow subworkflows: their tokens always work
    /// on task data (`Token.branchData`, a copy of the caller's data from the start on), and the
    /// scope's own variables collect the data of the branches that ended.
    func holdsSubworkflowData(_ scopeId: Int) -> Bool {
        guard isSpiff, let scope = state.scopes[scopeId] else { return false }
        return (scope.kind == .subProcess || scope.kind == .calledProcess) && scope.parentToken != nil
    }

    /// A subworkflow completed: its end data replaces the waiting task's data
    /// (`bpmn/specs/mixins/subworkflow_task.py` `update_data`: `my_task.data = deepcopy(last_task.data)`),
    /// or, for a called process declaring data outputs, only those are set on it.
    func returnSubworkflowData(of scopeId: Int, to parentToken: Int) throws {
        guard let scope = state.scopes[scopeId], let parent = state.tokens[parentToken] else { return }
        var data = scope.variables
        if scope.kind == .calledProcess,
           let result = try spiffCalledProcessResult(data, process: scope.process, callerToken: parentToken) {
            data = result
        }
        if parent.branchData != nil {
            state.tokens[parentToken]!.branchData = data
            variablesChanged = true
        } else {
            commit(data, replacing: true, scope: parent.scope, token: parentToken)
        }
    }

    private func commit(_ data: [String: VariableValue], replacing: Bool, scope: Int, token: Int?) {
        let current = visibleVariables(fromScope: scope)
        for name in data.keys.sorted() where current[name] != data[name] {
            setVariable(name, data[name]!, fromScope: scope, token: token, source: "join")
        }
        if replacing {
            for name in current.keys.sorted() where data[name] == nil {
                removeVariable(name, fromScope: scope, token: token, source: "join")
            }
        }
    }
}
