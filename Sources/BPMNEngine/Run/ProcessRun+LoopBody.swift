import BPMNModel

extension ProcessRun {
    /// Under the spiff dialect a standard loop ends by listing `<id>#loopBody` (type `loopBody`)
    /// after its iterations: SpiffWorkflow's `StandardLoopTask` is a task of its own that completes
    /// once the loop is over (`bpmn/specs/mixins/multiinstance_task.py`), like the body of a
    /// multi-instance activity. A test-before loop whose condition is false at once lists only the
    /// body, so the trace shows the activity was reached and ran no time.
    func completeLoopBody(_ tokenId: Int) {
        guard trace != nil, let t = state.tokens[tokenId] else { return }
        let n = processes[t.process].spec.nodes[t.node]
        emit(.activityCompleted, element: n.id + "#loopBody", type: "loopBody", name: n.name, token: tokenId, scope: t.scope)
    }
}
