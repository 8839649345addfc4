import BPMNModel

/// Shared predicates of the bpmnlint-derived rules (same meaning as bpmnlint's helpers).
extension FlowNode {
    var isLinkEvent: Bool { !eventDefinitions.isEmpty && eventDefinitions.allSatisfy { $0.kind == .link } }
    var isCompensationBoundary: Bool { kind == .boundaryEvent && eventDefinitions.count == 1 && eventDefinitions[0].kind == .compensate }
    var isEventSubProcess: Bool { kind.isSubProcess && triggeredByEvent }
    /// bpmn:Task and its subtypes.
    var isTask: Bool {
        switch kind {
        case .task, .userTask, .manualTask, .scriptTask, .serviceTask, .sendTask, .receiveTask, .businessRuleTask: return true
        default: return false
        }
    }
}

extension ProcessSpec {
    /// Whether the node sits directly in an ad-hoc sub-process (where anything goes).
    func isInAdHoc(_ n: FlowNode) -> Bool { n.parent.map { nodes[$0].kind == .adHocSubProcess } ?? false }

    /// "Process" or "Sub process", as bpmnlint words it.
    static func containerWord(_ sub: FlowNode?) -> String { sub == nil ? "Process" : "Sub process" }
}
