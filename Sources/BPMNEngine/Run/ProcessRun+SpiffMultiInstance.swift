import BPMNModel

/// Spiff dialect: multi-instance instances are SpiffWorkflow child tasks
/// (`bpmn/specs/mixins/multiinstance_task.py`). Each starts with a copy of the data of the task
/// that holds the body (a sequential instance after the previous ones were merged back) plus its
/// element variable, so parallel instances do not see each other's changes. When one finishes,
/// `merge_child` either writes its element variable back into the `camunda:collection` (the
/// collection is the output too: `camunda/parser/task_spec.py` makes it `data_output` and the
/// element variable `output_item`), or, without one, deep-merges all its data back.
extension ProcessRun {
    func giveInstanceItsData(_ token: Int, element: VariableValue, node n: FlowNode, from parent: Int) {
        var data = spiffData(token: parent)
        if let itemName = n.multiInstance?.elementVariable ?? n.multiInstance?.inputDataItem, !itemName.isEmpty {
            data[itemName] = element
        }
        state.tokens[token]?.branchData = data
    }

    func mergeInstanceData(_ childData: [String: VariableValue], into parent: Int, instanceScope: Int, node n: FlowNode) {
        let current = spiffData(token: parent)
        if let mi = n.multiInstance, let collection = mi.collection, let itemName = mi.elementVariable, !itemName.isEmpty,
           let output = current[collection] {
            guard let item = childData[itemName] else { return }
            let locals = state.scopes[instanceScope]?.variables ?? [:]
            switch output {
            case .array(var items):
                let index = locals["loopCounter"]?.intValue ?? items.count
                if index >= 0 && index < items.count { items[index] = item } else { items.append(item) }
                writeTaskData(collection, .array(items), token: parent, source: "multiInstance")
            case .object(var entries):
                guard case .string(let key)? = locals[itemName] else { return }
                entries[key] = item
                writeTaskData(collection, .object(entries), token: parent, source: "multiInstance")
            default:
                return
            }
            return
        }
        let merged = SpiffDataMerge.merge(current, childData)
        for name in merged.keys.sorted() where current[name] != merged[name] {
            writeTaskData(name, merged[name]!, token: parent, source: "multiInstance")
        }
    }
}
