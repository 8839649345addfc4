import BPMNModel

/// Chooses the behaviour of each flow node at load time. Multi-instance, loops, I/O mappings,
/// listeners and boundary events are handled around the behaviour (ProcessRun+Activity).
enum BehaviorCatalog {
    static func behavior(for node: FlowNode) -> FlowNodeBehavior {
        let definition = node.eventDefinitions.first?.kind
        switch node.kind {
        case .startEvent, .boundaryEvent:
            return PassThroughBehavior()
        case .endEvent:
            switch definition {
            case nil: return NoneEndEventBehavior()
            case .terminate?: return TerminateEndEventBehavior()
            case .error?: return ErrorEndEventBehavior()
            case .escalation?: return EscalationThrowBehavior(isEnd: true)
            case .signal?: return SignalThrowBehavior(isEnd: true)
            case .message?: return SendTaskBehavior(isEnd: true)
            case .compensate?: return CompensationThrowBehavior(isEnd: true)
            default: return UnsupportedBehavior(reason: "\(definition!.rawValue) end events are not supported (they belong to transactions)")
            }
        case .intermediateThrowEvent:
            switch definition {
            case nil: return PassThroughBehavior()
            case .signal?: return SignalThrowBehavior(isEnd: false)
            case .message?: return SendTaskBehavior(isEnd: false)
            case .escalation?: return EscalationThrowBehavior(isEnd: false)
            case .link?: return LinkThrowBehavior()
            case .compensate?: return CompensationThrowBehavior(isEnd: false)
            default: return UnsupportedBehavior(reason: "\(definition!.rawValue) throw events are not supported")
            }
        case .intermediateCatchEvent:
            return CatchEventBehavior()
        case .receiveTask:
            return ReceiveTaskBehavior()
        case .sendTask:
            return SendTaskBehavior()
        case .task, .manualTask:
            return PassThroughBehavior()
        case .userTask:
            return UserTaskBehavior()
        case .scriptTask:
            return ScriptTaskBehavior()
        case .serviceTask, .businessRuleTask:
            return ServiceTaskBehavior()
        case .subProcess, .transaction:
            return SubProcessBehavior()
        case .adHocSubProcess:
            return UnsupportedBehavior(reason: "ad-hoc sub-processes are not supported (Camunda 7 does not run them either)")
        case .callActivity:
            return CallActivityBehavior()
        case .exclusiveGateway:
            return ExclusiveGatewayBehavior()
        case .parallelGateway:
            return ParallelGatewayBehavior()
        case .inclusiveGateway:
            return InclusiveGatewayBehavior()
        case .eventBasedGateway:
            return EventBasedGatewayBehavior()
        case .complexGateway:
            return UnsupportedBehavior(reason: "complex gateways are not supported (Camunda 7 does not run them either)")
        }
    }
}

/// Reached an element bpmnrun cannot run: stop with a clear error naming it.
struct UnsupportedBehavior: FlowNodeBehavior {
    let reason: String
    func execute(token: Int, run: ProcessRun) throws {
        let node = run.node(of: token)
        throw RunError(message: "cannot run \(node.kind.rawValue) '\(node.id)': \(reason)", element: node.id, location: node.location)
    }
}
