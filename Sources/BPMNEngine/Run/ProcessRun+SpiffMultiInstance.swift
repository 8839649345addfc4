import BPMNModel

/// Spiff dialect: multi-instance instances are SpiffWorkflow child tasks
/// (`bpmn/specs/mixins/multiinstance_task.py`). Each starts with a copy of the data of the task
/// that holds the body (a sequential instance after the previous ones were merged back) plus its
/// element variable, so parallel instances do not see each other's changes. When one finishes,
/// `merge_child` either writes its element variable back into the `camunda:collection` (the
/// collection is the output too: `camunda/parser/task_spec.py` makes it `data_output` and the
/// element variable `output_item`), or, without one, deep-merges all its data back. With a
/// cardinality as well, the collection is only the output: it starts empty and each finished
/// instance's element is appended (`merge_child`: `data_output.append(item)`).
extension ProcessRun {
    func giveInstanceItsData(_ token: Int, element: VariableValue, node n: FlowNode, from parent: Int) {
        var data = spiffData(token: parent)
        // SpiffWorkflow's Camunda parser reads only camunda:elementVariable (not the BPMN
        // inputDataItem), and a cardinality gives no item.
        if let itemName = n.multiInstance?.elementVariable, !itemName.isEmpty, element != .null {
            data[itemName] = element
        }
        state.tokens[token]?.branchData = data
    }

    /// A collection that is only an output starts as an empty list when it does not exist yet
    /// (`init_data_output_with_cardinality`).
    func prepareOutputCollection(_ mi: MultiInstanceSpec, token: Int) {
        guard mi.loopCardinality != nil, let collection = mi.collection, !collection.isEmpty,
              spiffData(token: token)[collection] == nil else { return }
        writeTaskData(collection, .array([]), token: token, source: "multiInstance")
    }

    func mergeInstanceData(_ childData: [String: VariableValue], into parent: Int, instanceScope: Int, node n: FlowNode) {
        let current = spiffData(token: parent)
        if let mi = n.multiInstance, let collection = mi.collection, let itemName = mi.elementVariable, !itemName.isEmpty,
           let output = current[collection] {
            guard let item = childData[itemName] else { return }
            let locals = state.scopes[instanceScope]?.variables ?? [:]
            if mi.loopCardinality != nil, case .array(var items) = output {
                items.append(item)
                writeTaskData(collection, .array(items), token: parent, source: "multiInstance")
                return
            }
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
