import BPMNModel

/// Variables live in scope instances. Reads fall through to enclosing scopes up to the process
/// instance (a called process does not see its caller's variables); `setVariable` writes where the
/// variable already lives, else on the process instance, as Camunda's variable scopes do.
extension ProcessRun {
    func lookupVariable(_ name: String, fromScope scopeId: Int) -> VariableValue? {
        var current: Int? = scopeId
        while let id = current, let scope = state.scopes[id] {
            if let value = scope.variables[name] { return value }
            if scope.isVariableRoot { return nil }
            current = scope.parent
        }
        return nil
    }

    func setVariable(_ name: String, _ value: VariableValue, fromScope scopeId: Int, token: Int?, source: String) {
        var current: Int? = scopeId
        var root = scopeId
        while let id = current, let scope = state.scopes[id] {
            if scope.variables[name] != nil {
                setVariableLocal(name, value, scope: id, token: token, source: source)
                return
            }
            root = id
            if scope.isVariableRoot { break }
            current = scope.parent
        }
        setVariableLocal(name, value, scope: root, token: token, source: source)
    }

    func setVariableLocal(_ name: String, _ value: VariableValue, scope: Int, token: Int?, source: String) {
        state.scopes[scope]?.variables[name] = value
        variablesChanged = true
        if !state.subscriptions.isEmpty { changedVariables.insert(name) }
        if trace != nil {
            let element = token.flatMap { state.tokens[$0] }.map { processes[$0.process].spec.nodes[$0.node].id }
            emit(.variableSet, element: element, token: token, scope: scope,
                 extra: [("variable", .string(name)), ("value", value), ("source", .string(source))])
        }
    }

    func visibleVariables(fromScope scopeId: Int) -> [String: VariableValue] {
        var chain: [Int] = []
        var current: Int? = scopeId
        while let id = current, let scope = state.scopes[id] {
            chain.append(id)
            if scope.isVariableRoot { break }
            current = scope.parent
        }
        var result: [String: VariableValue] = [:]
        for id in chain.reversed() { result.merge(state.scopes[id]!.variables) { _, inner in inner } }
        return result
    }

    /// The variables visible to a waiting token (for prompts and defaults).
    public func variables(visibleTo tokenId: Int) -> [String: VariableValue] {
        if isSpiff { return spiffData(token: tokenId) }
        return visibleVariables(fromScope: state.tokens[tokenId]?.scope ?? 1)
    }

    /// Changes process variables from outside the run (start variables added later, tests).
    public func setProcessVariables(_ variables: [String: VariableValue], source: String) {
        for name in variables.keys.sorted() { setVariable(name, variables[name]!, fromScope: 1, token: nil, source: source) }
    }
}

extension ProcessRun {
    /// Removes a variable from the scope it lives in (a spiff script's `del name`).
    func removeVariable(_ name: String, fromScope scopeId: Int, token: Int?, source: String) {
        var current: Int? = scopeId
        while let id = current, let scope = state.scopes[id] {
            if scope.variables[name] != nil {
                state.scopes[id]!.variables[name] = nil
                variablesChanged = true
                if !state.subscriptions.isEmpty { changedVariables.insert(name) }
                if trace != nil {
                    let element = token.flatMap { state.tokens[$0] }.map { processes[$0.process].spec.nodes[$0.node].id }
                    emit(.variableDeleted, element: element, token: token, scope: id,
                         extra: [("variable", .string(name)), ("source", .string(source))])
                }
                return
            }
            if scope.isVariableRoot { return }
            current = scope.parent
        }
    }
}
