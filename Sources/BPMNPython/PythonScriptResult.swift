import BPMNModel

/// The data after a script, and what changed compared with the data it was given.
public struct PythonScriptResult: Equatable, Sendable {
    /// All variables after the script (callables and modules removed).
    public var variables: [String: VariableValue]
    /// Variables the script added or whose value differs from before (in-place changes such as
    /// `items.append(x)` included).
    public var changed: [String: VariableValue]
    /// Variables the script deleted (`del name`), sorted.
    public var removed: [String]

    public init(before: [String: VariableValue], after: [String: VariableValue]) {
        variables = after
        changed = after.filter { before[$0.key] != $0.value }
        removed = before.keys.filter { after[$0] == nil }.sorted()
    }
}
