import BPMNModel

/// Walks every script of a diagram: script tasks, `camunda:script` of execution and task
/// listeners, and scripts in input/output parameters.
enum ScriptCollector {
    /// `camunda:script` elements only (listeners and I/O parameters), with the owning element id
    /// and a short description of where the script sits.
    static func forEachCamundaScript(in diagram: DiagramContext, executableOnly: Bool = false, _ body: (ScriptSpec, String, String) -> Void) {
        func extensions(_ x: ExtensionElements, _ owner: String) {
            for l in x.executionListeners + x.taskListeners {
                if case .script(let s) = l.implementation { body(s, owner, "listener script") }
            }
            for p in x.inputParameters + x.outputParameters { io(p.value, owner, "script of parameter '\(p.name)'") }
        }
        func io(_ v: IOValue, _ owner: String, _ what: String) {
            switch v {
            case .script(let s): body(s, owner, what)
            case .list(let items): for i in items { io(i, owner, what) }
            case .map(let entries): for e in entries { io(e.value, owner, what) }
            case .none, .text: break
            }
        }
        for p in diagram.processes where !executableOnly || p.isExecutable == true {
            extensions(p.extensions, p.id)
            for n in p.nodes { extensions(n.extensions, n.id) }
            for f in p.flows { extensions(f.extensions, f.id) }
        }
    }

    /// Every script with its owner: script task bodies, then camunda:script elements.
    static func forEachScript(in diagram: DiagramContext, executableOnly: Bool = false, _ body: (ScriptSpec, String, String) -> Void) {
        for p in diagram.processes where !executableOnly || p.isExecutable == true {
            for n in p.nodes where n.kind == .scriptTask {
                if let s = n.script { body(s, n.id, "script") }
            }
        }
        forEachCamundaScript(in: diagram, executableOnly: executableOnly, body)
    }
}
