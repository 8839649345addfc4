import BPMNModel

extension ProcessRun {
    /// The trace's `waiting`: one record per id in `active`, in the same order, saying in which scope
    /// the token waits and, for tasks a user completes, the task as Camunda's task service shows it
    /// (name and assignee resolved, the form's fields with typed defaults). `active` alone cannot say
    /// which of several same-id tasks is which, or where in the scope tree a token waits.
    var waitingRecords: [VariableValue] {
        activeTokens.map { token in
            let node = processes[token.process].spec.nodes[token.node]
            var o: [String: VariableValue] = ["token": .integer(Int64(token.id)), "element": .string(node.id),
                                              "scope": .integer(Int64(token.scope)), "state": .string(Self.waitKind(token.state))]
            guard token.state == .waiting else { return .object(o) }
            let task = waitingTask(for: token)
            if let name = task.name { o["name"] = .string(name) }
            if let assignee = task.assignee { o["assignee"] = .string(assignee) }
            if let groups = task.candidateGroups { o["candidateGroups"] = .string(groups) }
            if let form = task.form, !form.fields.isEmpty {
                o["form"] = .array(form.fields.map { formFieldRecord($0, token: token.id) })
            }
            return .object(o)
        }
    }

    /// The tokens behind `activeElementIds`, in token order.
    var activeTokens: [Token] {
        state.tokens.values.filter { $0.state == .waiting || $0.state == .joined || $0.state == .waitingForEvent
                                     || $0.state == .waitingForCompensation }
            .sorted { $0.id < $1.id }
    }

    private static func waitKind(_ state: Token.State) -> String {
        switch state {
        case .waiting: return "task"
        case .waitingForEvent: return "event"
        case .joined: return "join"
        case .waitingForCompensation: return "compensation"
        case .ready, .inSubProcess: return state.rawValue
        }
    }

    /// A form field as `formService.getTaskFormData` describes it: its default converted to the
    /// field's type (a date default read in the field's date pattern), enum entries in order.
    private func formFieldRecord(_ field: FormField, token: Int) -> VariableValue {
        var o: [String: VariableValue] = ["id": .string(field.id), "type": .string(field.fieldType.name)]
        if let label = field.label { o["label"] = .string(label) }
        if let text = field.defaultValue {
            // A default that cannot be converted is shown as written: the form still opens in Camunda.
            let value = (try? resolveDefault(text, token: token)).flatMap { try? FormValueConverter.convert($0, for: field) }
            o["default"] = value ?? .string(text)
        }
        if !field.enumValues.isEmpty {
            o["values"] = .array(field.enumValues.map { .object(["id": .string($0.name), "name": $0.value.map { .string($0) } ?? .null]) })
        }
        return .object(o)
    }
}
