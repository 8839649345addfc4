import BPMNEngine
import BPMNModel
import Foundation

/// The `--state` and `resume` parts of a run session: the state file's fixed fields, the trace
/// so far, answers already consumed, and a saved instance matched to the diagram again.
extension RunSession {
    /// The store that saves this run, when `--state` is given (resume always gives it).
    func makeStateStore(process: ExecutableProcess, dialect: String, answers: AnswersFile?, startVariables: [String: VariableValue]) -> Result<StateStore?, StateFileError> {
        guard let path = command.state else { return .success(nil) }
        do { try StateLock.acquire(for: path) } catch let error as StateFileError { return .failure(error) } catch {}
        if resume == nil, let existing = try? StateFile.load(path: path), !existing.instance.status.hasEnded {
            return .failure(StateFileError(path: path, message: "holds a run that has not finished (\(existing.instance.status.rawValue)); continue it with `bpmnrun resume \(path)`, or delete the file to start a new run"))
        }
        guard let diagram = DiagramFile.record(command.file) else {
            return .failure(StateFileError(path: command.file, message: "cannot read the diagram to record its hash"))
        }
        var answersRecord: SavedRun.Answers?
        if let answers, let data = FileManager.default.contents(atPath: answers.path) {
            answersRecord = SavedRun.Answers(path: answers.path, sha256: SHA256.hex(Array(data)), consumed: 0)
        } else if answers == nil {
            // Resumed without answers: the run's answers file and its consumed steps stay on record,
            // so resuming with it later still skips what it already applied.
            answersRecord = resume?.saved.answers
        }
        let options = SavedRun.Options(
            process: process.processId, dialect: dialect, serviceTasks: command.serviceTasks, scriptTimeout: command.scriptTimeout,
            clock: command.clock, startTime: command.startTime, startMessage: command.message, startSignal: command.signal,
            libraries: command.libraries.map(DiagramFile.absolute),
            trace: command.trace.map { $0 == "-" ? $0 : DiagramFile.absolute($0) })
        let journal: TraceJournal
        do {
            if let resume {
                journal = try TraceJournal.continuing(forState: path, record: resume.saved.traceJournal)
            } else {
                journal = try TraceJournal.create(forState: path)
            }
        } catch let error as StateFileError {
            return .failure(error)
        } catch {
            return .failure(StateFileError(path: path, message: "\(error)"))
        }
        let template = SavedRun(
            tool: "bpmnrun \(BPMNRunCommand.configuration.version)", savedAt: "", diagram: diagram, calledFiles: [], options: options,
            startVariables: startVariables, answers: answersRecord, processes: [], waiting: [], pending: [],
            instance: InstanceState(processId: process.processId, clock: 0, clockIsVirtual: true), traceJournal: journal.record)
        return .success(StateStore(path: path, template: template, recorder: TraceRecorder(), journal: journal,
                                   countsAnswers: answers != nil))
    }

    /// Writes the saved trace events to a new trace file, so the resumed trace is complete.
    func replaySavedTrace(into sink: TraceSink) {
        guard let resume else { return }
        for value in resume.saved.trace {
            if let event = TraceRecorder.event(from: value) { sink.record(event) }
        }
    }

    /// How many steps of this answers file the saved run already applied: all recorded ones when it
    /// is the same file (same SHA-256), none when it is another file (its steps are the remaining ones).
    func answersAlreadyConsumed(_ answers: AnswersFile?) -> Int {
        guard let resume, let answers, let recorded = resume.saved.answers,
              let data = FileManager.default.contents(atPath: answers.path), SHA256.hex(Array(data)) == recorded.sha256 else { return 0 }
        return min(recorded.consumed, answers.steps.count)
    }

    /// The saved instance, checked against the diagram files as they are now, with its element
    /// references matched to the diagram, ready to continue where it stopped.
    func checkedInstance(_ request: ResumeRequest, process: ExecutableProcess, resolver: CalledProcessResolver?) throws -> InstanceState {
        let saved = request.saved
        var changed: [String] = []
        for file in [saved.diagram] + saved.calledFiles {
            let now = FileManager.default.contents(atPath: DiagramFile.pathToOpen(file)).map { SHA256.hex(Array($0)) }
            if now != file.sha256 {
                changed.append("\(file.path) (SHA-256 was \(file.sha256.prefix(12))…, now \(now.map { String($0.prefix(12)) + "…" } ?? "unreadable"))")
            }
        }
        var processes = [process]
        for key in saved.instance.processKeys.dropFirst() {
            let id = String(key.split(separator: "#").last ?? "")
            if let spec = process.definitions.process(id: id) {
                processes.append(try ProcessCompiler.compile(process.definitions, process: spec))
            } else if let resolver {
                processes.append(try resolver(id, process.fileName))
            } else {
                throw StateFileError(path: request.statePath, message: "the run had called process '\(id)', which cannot be found now")
            }
        }
        var instance = try DiagramMatch(saved: saved, statePath: request.statePath)
            .instance(for: processes, changedFiles: changed, force: request.force)
        if instance.status == .interrupted { instance.status = .waiting }
        if instance.status == .waiting { instance.error = nil }
        return instance
    }
}
