import BPMNEngine
import BPMNModel

/// Checks a saved instance against the diagram as it is now and moves its element references
/// (stored as indices) to where those elements are in the diagram now.
///
/// An unchanged diagram (same SHA-256 for every file) is used as it is. A changed one is refused
/// with the ids of the added, removed and changed elements that waiting tokens can reach; with
/// `force`, it is accepted when every element that tokens, scopes and subscriptions sit at still
/// exists.
struct DiagramMatch {
    let saved: SavedRun
    let statePath: String

    /// `processes` are the loaded processes in the order of `saved.instance.processKeys`;
    /// `changedFiles` the files whose hash differs, as "path (was X, now Y)".
    func instance(for processes: [ExecutableProcess], changedFiles: [String], force: Bool) throws -> InstanceState {
        guard processes.count == saved.processes.count else {
            throw StateFileError(path: statePath, message: "the run had loaded \(saved.processes.count) processes but \(processes.count) could be loaded now")
        }
        let referenced = referencedElements()
        var missing: [String] = []
        var report: [String] = []
        for (index, process) in processes.enumerated() {
            let old = saved.processes[index]
            let now = ProcessShapes.shape(of: process)
            let nowIds = Set(now.prints.keys)
            missing += referenced[index].filter { !nowIds.contains($0) }.sorted()
            guard !changedFiles.isEmpty else { continue }
            let affected = reach(from: referenced[index], in: old.next).union(reach(from: referenced[index], in: now.next))
            let added = now.prints.keys.filter { old.prints[$0] == nil && affected.contains($0) }.sorted()
            let removed = old.prints.keys.filter { now.prints[$0] == nil && affected.contains($0) }.sorted()
            let changed = now.prints.keys.filter { old.prints[$0] != nil && old.prints[$0] != now.prints[$0] && affected.contains($0) }.sorted()
            var parts: [String] = []
            if !added.isEmpty { parts.append("added " + added.joined(separator: ", ")) }
            if !removed.isEmpty { parts.append("removed " + removed.joined(separator: ", ")) }
            if !changed.isEmpty { parts.append("changed " + changed.joined(separator: ", ")) }
            if !parts.isEmpty { report.append("  process \(process.spec.id): " + parts.joined(separator: "; ")) }
        }
        if !changedFiles.isEmpty || !missing.isEmpty {
            var message = "the diagram changed since the run was saved: " + changedFiles.joined(separator: ", ")
            if changedFiles.isEmpty { message = "the diagram does not have the elements the run waits at" }
            message += report.isEmpty ? "\n  (no element the waiting tokens can reach changed)" : "\n  elements that affect the waiting tokens:\n" + report.joined(separator: "\n")
            if !missing.isEmpty {
                message += "\n  cannot resume, not even with --force: the run waits at elements that no longer exist: " + missing.joined(separator: ", ")
                throw StateFileError(path: statePath, message: message)
            }
            if !force {
                message += "\n  resume with --force to continue on the changed diagram (every element the run waits at still exists)"
                throw StateFileError(path: statePath, message: message)
            }
        }
        return try remapped(to: processes)
    }

    /// Element ids the instance refers to, per process index: where tokens are, the scopes'
    /// nodes, subscriptions' catching nodes.
    func referencedElements() -> [Set<String>] {
        var sets = [Set<String>](repeating: [], count: saved.processes.count)
        func add(_ process: Int, _ node: Int?) {
            guard let node, saved.processes.indices.contains(process), saved.processes[process].nodes.indices.contains(node) else { return }
            sets[process].insert(saved.processes[process].nodes[node])
        }
        let state = saved.instance
        for t in state.tokens.values { add(t.process, t.node) }
        for s in state.scopes.values { add(s.process, s.node) }
        for s in state.subscriptions.values { add(s.process, s.node) }
        return sets
    }

    private func reach(from start: Set<String>, in next: [String: [String]]) -> Set<String> {
        var seen = start
        var queue = Array(start)
        while let id = queue.popLast() {
            for n in next[id] ?? [] where !seen.contains(n) {
                seen.insert(n)
                queue.append(n)
            }
        }
        return seen
    }

    /// The instance with every node and flow index pointing at the same id in `processes`.
    /// Also catches a state whose indices are out of range for the diagram it records.
    private func remapped(to processes: [ExecutableProcess]) throws -> InstanceState {
        var state = saved.instance
        func fail(_ what: String) -> StateFileError {
            StateFileError(path: statePath, message: "the state file does not fit the diagram it names: \(what)")
        }
        func nodeIndex(_ process: Int, _ node: Int) throws -> Int {
            guard saved.processes.indices.contains(process) else { throw fail("process index \(process) is not among the \(saved.processes.count) loaded") }
            let old = saved.processes[process]
            guard old.nodes.indices.contains(node) else { throw fail("node index \(node) in process \(old.key) is out of range") }
            guard let now = processes[process].spec.nodeIndex(of: old.nodes[node]) else { throw fail("element \(old.nodes[node]) is missing") }
            return now
        }
        func flowIndex(_ process: Int, _ flow: Int?) throws -> Int? {
            guard let flow else { return nil }
            let old = saved.processes[process]
            guard old.flows.indices.contains(flow) else { throw fail("flow index \(flow) in process \(old.key) is out of range") }
            return processes[process].spec.flowIndex(of: old.flows[flow])
        }
        for (id, token) in state.tokens {
            guard id == token.id, state.scopes[token.scope] != nil else { throw fail("token \(id) is inconsistent (its id or scope does not exist)") }
            state.tokens[id]!.node = try nodeIndex(token.process, token.node)
            state.tokens[id]!.arrivedVia = try flowIndex(token.process, token.arrivedVia)
        }
        for (id, scope) in state.scopes {
            guard id == scope.id else { throw fail("scope \(id) is inconsistent") }
            if let node = scope.node { state.scopes[id]!.node = try nodeIndex(scope.process, node) }
            state.scopes[id]!.compensable = try scope.compensable.map { try nodeIndex(scope.process, $0) }
            if let parent = scope.parent, state.scopes[parent] == nil { throw fail("scope \(id) has no parent scope \(parent)") }
        }
        for (id, s) in state.subscriptions {
            guard id == s.id, state.scopes[s.scope] != nil else { throw fail("subscription \(id) is inconsistent") }
            state.subscriptions[id]!.node = try nodeIndex(s.process, s.node)
        }
        if state.status != .notStarted && state.scopes[1] == nil { throw fail("the process instance's scope is missing") }
        return state
    }
}
