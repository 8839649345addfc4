/// What `bpmnrun resume` hands to the run session: the saved run and how to treat a changed diagram.
struct ResumeRequest {
    let statePath: String
    let saved: SavedRun
    /// Resume on a changed diagram when every element the run waits at still exists.
    let force: Bool

    /// Whether the saved run had started (else it is started again, with the saved variables).
    var hasStarted: Bool { saved.instance.status != .notStarted }
}
