import BPMNModel
/// What a flow node does when a token arrives. One type per kind of element, each in its own file
/// (the way bpmn-elements organises bpmn-engine). Behaviours hold no instance data: everything they
/// change lives in the run's state.
protocol FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws
}
