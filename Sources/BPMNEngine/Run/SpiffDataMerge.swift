import BPMNModel

/// SpiffWorkflow's `util/deep_merge.py` `DeepMerge.merge(a, b)`: how task data comes together at
/// joins. Keys of `b` win, except that dicts merge key by key and lists merge element-wise: a list
/// item of `b` that `a` lacks is appended, a dict item is merged into the item at the same index,
/// and the result is cut to `b`'s length. Keys only in `a` stay (a deletion in one branch does not
/// survive a merge with a branch that still has the variable).
enum SpiffDataMerge {
    static func merge(_ a: [String: VariableValue], _ b: [String: VariableValue]) -> [String: VariableValue] {
        var result = a
        for (key, new) in b {
            guard let old = result[key] else {
                result[key] = new
                continue
            }
            if old == new { continue }
            switch (old, new) {
            case (.object(let x), .object(let y)): result[key] = .object(merge(x, y))
            case (.array(let x), .array(let y)): result[key] = .array(mergeArray(x, y))
            default: result[key] = new
            }
        }
        return result
    }

    static func mergeArray(_ a: [VariableValue], _ b: [VariableValue]) -> [VariableValue] {
        var result = a
        var seen = a
        for (index, item) in b.enumerated() {
            if case .object(let y) = item {
                if result.count > index, case .object(let x) = result[index] {
                    result[index] = .object(merge(x, y))
                } else if result.count > index {
                    // Python's DeepMerge.merge(a[idx], val) iterates val's keys on a non-dict a[idx]:
                    // for a list or string that fails; bpmnrun keeps b's item instead.
                    result[index] = item
                } else {
                    result.append(item)
                }
            } else {
                if seen.contains(item) { continue }
                seen.append(item)
                result.append(item)
            }
        }
        if result.count > b.count { result.removeSubrange(b.count...) }
        return result
    }
}
