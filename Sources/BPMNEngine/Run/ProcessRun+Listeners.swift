import BPMNModel

/// `camunda:executionListener` (start, end, take) and `camunda:taskListener` (create, assignment,
/// complete) with an expression or a script. Listeners implemented by Java code (`class`,
/// `delegateExpression`) cannot run here: each is reported once in the trace and skipped.
extension ProcessRun {
    func runExecutionListeners(_ n: FlowNode, event: String, token: Int) throws {
        for listener in n.extensions.executionListeners where (listener.event ?? "start") == event {
            try runListener(listener, element: n, event: event, token: token, scope: nil)
        }
    }

    func runTaskListeners(_ n: FlowNode, event: String, token: Int) throws {
        for listener in n.extensions.taskListeners where listener.event == event {
            try runListener(listener, element: n, event: event, token: token, scope: nil)
        }
    }

    func runProcessListeners(process: Int, event: String, token: Int?) throws {
        let spec = processes[process].spec
        guard !spec.extensions.executionListeners.isEmpty else { return }
        var element = FlowNode(id: spec.id, name: spec.name, kind: .subProcess, location: spec.location)
        element.extensions = spec.extensions
        for listener in spec.extensions.executionListeners where (listener.event ?? "start") == event {
            try runListener(listener, element: element, event: event, token: token, scope: token == nil ? 1 : nil)
        }
    }

    func runFlowListeners(process: Int, flow: Int, token: Int) throws {
        let f = processes[process].spec.flows[flow]
        var element = FlowNode(id: f.id, name: f.name, kind: .task, location: f.location)
        element.extensions = f.extensions
        for listener in f.extensions.executionListeners where (listener.event ?? "take") == "take" {
            try runListener(listener, element: element, event: "take", token: token, scope: nil)
        }
    }

    private func runListener(_ listener: ListenerSpec, element: FlowNode, event: String, token: Int?, scope: Int?) throws {
        let what = "\(event) listener"
        context.source = "listener"
        switch listener.implementation {
        case .expression(let text):
            _ = try evaluateJUEL(text, token: token, scope: scope, element: element, what: what)
        case .script(let spec):
            _ = try runScript(compile(spec, element: element, what: what), token: token, scope: scope, element: element, what: what)
        case .javaClass(let name), .delegateExpression(let name):
            let key = "\(element.id)#\(event)#\(name)"
            if state.reportedListeners.insert(key).inserted {
                emit(.listenerSkipped, element: element.id, type: element.kind.rawValue, token: token,
                     extra: [("listenerEvent", .string(event)), ("implementation", .string(name)),
                             ("reason", .string("Java listeners cannot run in bpmnrun; skipped"))])
            }
        case .none:
            break
        }
    }
}
