import BPMNModel

/// Chooses the behaviour of each flow node at load time.
enum BehaviorCatalog {
    static func behavior(for node: FlowNode) -> FlowNodeBehavior {
        if node.multiInstance != nil {
            return UnsupportedBehavior(reason: "multi-instance activities are not supported yet")
        }
        if node.standardLoop != nil {
            return UnsupportedBehavior(reason: "standard loop activities are not supported yet")
        }
        let definition = node.eventDefinitions.first?.kind
        switch node.kind {
        case .startEvent:
            return PassThroughBehavior()
        case .endEvent:
            switch definition {
            case nil, .message?, .signal?, .escalation?, .compensate?: return NoneEndEventBehavior()
            case .terminate?: return TerminateEndEventBehavior()
            case .error?: return ErrorEndEventBehavior()
            default: return UnsupportedBehavior(reason: "\(definition!.rawValue) end events are not supported yet")
            }
        case .intermediateThrowEvent:
            return PassThroughBehavior()
        case .intermediateCatchEvent, .receiveTask:
            return WaitStateBehavior()
        case .boundaryEvent:
            return UnsupportedBehavior(reason: "boundary events are triggered by events, which bpmnrun does not deliver yet")
        case .task, .manualTask:
            return PassThroughBehavior()
        case .userTask:
            return UserTaskBehavior()
        case .scriptTask:
            return ScriptTaskBehavior()
        case .serviceTask, .sendTask, .businessRuleTask:
            return ServiceTaskBehavior()
        case .subProcess, .transaction:
            return SubProcessBehavior()
        case .adHocSubProcess:
            return UnsupportedBehavior(reason: "ad-hoc sub-processes are not supported (Camunda 7 does not run them either)")
        case .callActivity:
            return UnsupportedBehavior(reason: "call activities are not supported yet")
        case .exclusiveGateway:
            return ExclusiveGatewayBehavior()
        case .parallelGateway:
            return ParallelGatewayBehavior()
        case .inclusiveGateway:
            return InclusiveGatewayBehavior()
        case .eventBasedGateway:
            return UnsupportedBehavior(reason: "event-based gateways are not supported yet")
        case .complexGateway:
            return UnsupportedBehavior(reason: "complex gateways are not supported (Camunda 7 does not run them either)")
        }
    }
}

/// Reached an element bpmnrun cannot run yet: stop with a clear error naming it.
struct UnsupportedBehavior: FlowNodeBehavior {
    let reason: String
    func execute(token: Int, run: ProcessRun) throws {
        let node = run.process.spec.nodes[run.state.tokens[token]!.node]
        throw RunError(message: "cannot run \(node.kind.rawValue) '\(node.id)': \(reason)", element: node.id, location: node.location)
    }
}
