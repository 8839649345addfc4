import BPMNModel

/// Takes the first outgoing flow (in document order) whose condition is true; an unconditional
/// non-default flow counts as true; else the default flow; else Camunda's ENGINE-02004 error.
/// Does not synchronise: every arriving token passes on its own. The gateway completes only once
/// a flow is chosen (Camunda 7 evaluates the conditions before its end listeners and rolls a
/// failing gateway back; SpiffWorkflow leaves it unfinished), so a failing gateway is not listed
/// as completed.
struct ExclusiveGatewayBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let p = run.processes[t.process]
        let node = p.spec.nodes[t.node]
        var chosen: Int?
        var evaluated: [VariableValue] = []
        for flow in node.outgoing {
            if let condition = p.conditions[flow] {
                let result = try run.evaluateCondition(condition, flow: flow, token: token)
                if run.trace != nil { evaluated.append(run.conditionRecord(process: t.process, flow: flow, result: result)) }
                if result { chosen = flow; break }
            } else if flow != node.defaultFlow {
                if run.trace != nil { evaluated.append(run.conditionRecord(process: t.process, flow: flow, result: true)) }
                chosen = flow
                break
            }
        }
        if chosen == nil, let def = node.defaultFlow {
            chosen = def
            if run.trace != nil { evaluated.append(run.defaultRecord(process: t.process, flow: def)) }
        }
        if node.outgoing.isEmpty {
            run.completeActivity(token)
            run.endToken(token)
            return
        }
        guard let flow = chosen else {
            if run.isSpiff {  // specs/ExclusiveChoice.py, in SpiffWorkflow's words
                throw RunError(message: "No conditions satisfied for \(node.id)", element: node.id, location: node.location)
            }
            throw RunError(message: "ENGINE-02004 No outgoing sequence flow for the element with id '\(node.id)' could be selected for continuing the process.",
                           element: node.id, location: node.location)
        }
        run.completeActivity(token)
        if node.outgoing.count > 1 || node.defaultFlow != nil || !evaluated.isEmpty {
            run.recordDecision(token, conditions: evaluated, taken: [flow])
        }
        run.take(token, flows: [flow])
    }
}
