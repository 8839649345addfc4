import BPMNEngine
import BPMNModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Saves a run's state to its `--state` file whenever it has changed and the run has settled (every
/// token waits, or the run ended). A step in progress is never saved half done: when the process
/// dies during a step, the file still holds the state before it, and `resume` does the step again.
final class StateStore {
    let path: String
    /// Everything but the instance, trace and waiting summary, filled in when the run starts.
    var template: SavedRun
    let recorder: TraceRecorder
    let journal: TraceJournal
    private var lastSavedSeq = -1
    private var lastSavedStatus: RunStatus?
    private var lastSavedConsumed = -1
    private var saves = 0
    /// Shapes of the loaded processes, by key: the diagram does not change during a run.
    private var shapes: [String: SavedRun.ProcessShape] = [:]
    /// Test hooks (docs/state-format.md): kill the process with SIGKILL after the Nth save, or
    /// during it (temporary file written, not yet renamed).
    private let killAfterSave = ProcessInfo.processInfo.environment["BPMNRUN_FAULT_KILL_AFTER_SAVE"].flatMap { Int($0) }
    private let killBeforeRename = ProcessInfo.processInfo.environment["BPMNRUN_FAULT_KILL_BEFORE_RENAME"].flatMap { Int($0) }

    /// Whether this session reads an answers file (else the recorded consumed count stays as it is).
    let countsAnswers: Bool

    init(path: String, template: SavedRun, recorder: TraceRecorder, journal: TraceJournal, countsAnswers: Bool) {
        self.path = path
        self.journal = journal
        self.countsAnswers = countsAnswers
        self.template = template
        self.recorder = recorder
    }

    /// Saves when anything changed since the last save. Returns the error when the file cannot be written.
    func save(_ run: ProcessRun, answersConsumed: Int) throws {
        let state = run.state
        // Mid-step (interrupted while tokens were about to run): keep the last settled state.
        if state.status == .running || state.tokens.values.contains(where: { $0.state == .ready }) { return }
        if state.seq == lastSavedSeq && state.status == lastSavedStatus && answersConsumed == lastSavedConsumed { return }
        var saved = template
        saved.savedAt = DateFormats.iso8601String(Date())
        saved.instance = state
        if countsAnswers { saved.answers?.consumed = answersConsumed }
        if state.status != .notStarted { saved.startVariables = [:] }
        saved.processes = run.processes.map(shape(of:))
        saved.calledFiles = calledFiles(of: run)
        saved.waiting = run.waitingTasks.map(Self.summary(of:))
        saved.pending = run.pendingEvents.map { Self.pendingValue($0) }
        try write(saved)
        lastSavedSeq = state.seq
        lastSavedStatus = state.status
        lastSavedConsumed = answersConsumed
    }

    /// Writes the state of a run that has not started yet (so a kill before the first wait can
    /// start it again with the same variables).
    func saveBeforeStart(_ run: ProcessRun) throws {
        var saved = template
        saved.savedAt = DateFormats.iso8601String(Date())
        saved.instance = run.state
        saved.processes = [shape(of: run.process)]
        try write(saved)
    }

    /// Appends the step's trace events to the journal, then replaces the state file: a kill between
    /// the two leaves journal bytes the old state does not count, which resume cuts off.
    private func write(_ saved: SavedRun) throws {
        var saved = saved
        try journal.append(recorder.unsaved)
        recorder.markSaved()
        saved.traceJournal = journal.record
        let bytes = try StateFile.encode(saved)
        saves += 1
        let number = saves
        try AtomicFile.write(bytes, to: path, beforeRename: { [killBeforeRename] in
            if killBeforeRename == number { kill(getpid(), SIGKILL) }
        })
        if killAfterSave == number { kill(getpid(), SIGKILL) }
    }

    private func shape(of process: ExecutableProcess) -> SavedRun.ProcessShape {
        if let known = shapes[process.key] { return known }
        let made = ProcessShapes.shape(of: process)
        shapes[process.key] = made
        return made
    }

    /// The other files the run loaded called processes from, hashed once, when first seen (the
    /// content the run used).
    private var calledFileRecords: [String: SavedRun.SavedFile] = [:]

    private func calledFiles(of run: ProcessRun) -> [SavedRun.SavedFile] {
        var seen: Set<String> = [template.diagram.path]
        var files: [SavedRun.SavedFile] = []
        for process in run.processes.dropFirst() where !seen.contains(process.fileName) {
            seen.insert(process.fileName)
            if calledFileRecords[process.fileName] == nil { calledFileRecords[process.fileName] = DiagramFile.record(process.fileName) }
            if let file = calledFileRecords[process.fileName] { files.append(file) }
        }
        return files
    }

    static func summary(of task: WaitingTask) -> SavedRun.WaitingTaskSummary {
        SavedRun.WaitingTaskSummary(
            element: task.node.id, name: task.node.name, reason: task.reason, token: task.token, assignee: task.assignee,
            formKey: task.form?.formKey ?? task.node.camunda("formKey"),
            fields: (task.form?.fields ?? []).map { .init(id: $0.id, label: $0.label, type: $0.type ?? "string") })
    }

    static func pendingValue(_ event: PendingEvent) -> VariableValue {
        var o: [String: VariableValue] = ["kind": .string(event.kind.rawValue), "name": .string(event.name),
                                          "element": .string(event.element), "interrupting": .boolean(event.interrupting)]
        if let name = event.elementName { o["elementName"] = .string(name) }
        if let due = event.due { o["due"] = .string(DateFormats.iso8601String(due)) }
        return .object(o)
    }
}
