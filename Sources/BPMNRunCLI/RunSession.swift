import BPMNEngine
import BPMNModel
import BPMNParser
import BPMNPython
import Foundation

/// Carries out one `bpmnrun run`: load, start, feed answers or ask the terminal, write the trace,
/// summarise, and return the exit code.
final class RunSession {
    let command: RunCommand
    let terminal: Terminal
    /// Set by `bpmnrun resume`: the saved run this session continues.
    let resume: ResumeRequest?

    init(command: RunCommand, resume: ResumeRequest? = nil) {
        self.command = command
        self.resume = resume
        self.terminal = Terminal(humanOutputToStderr: command.trace == "-" || command.xes == "-", allowColor: !command.noColor)
    }

    /// Reports an error that stops the run before it starts (usage, unreadable input): exit 2.
    private func reject(_ message: String) -> Int32 {
        FileHandleOutput.stderr("bpmnrun: \(message)")
        return ExitStatus.usage
    }

    func execute() -> Int32 {
        Terminal.installSignalHandlers()
        var answers: AnswersFile?
        if let path = command.answers {
            do { answers = try AnswersFile.load(path: path) } catch { return reject("\(error)") }
        }

        let definitions: BPMNDefinitions
        do {
            definitions = try BPMNLoader.load(path: command.file)
        } catch {
            return reject("\(error)")
        }
        let process: ExecutableProcess
        let dialect: DialectChoice.Resolved
        do {
            let spec = try ExecutableProcess.selectProcess(in: definitions, id: command.process ?? answers?.process)
            switch DialectChoice(rawValue: command.dialect)!.resolve(for: spec) {
            case .success(let resolved): dialect = resolved
            case .failure(let conflict):
                FileHandleOutput.stderr("\(command.file): \(conflict)")
                return ExitStatus.usage
            }
            if !command.quiet { FileHandleOutput.stderr("bpmnrun: dialect \(dialect.reason)") }
            process = try ProcessCompiler.compile(definitions, process: spec, dialect: dialect.dialect)
        } catch let failure as LoadFailure {
            for d in failure.diagnostics { FileHandleOutput.stderr(d.description) }
            FileHandleOutput.stderr("bpmnrun: \(command.file) cannot run: fix the problem\(failure.diagnostics.count == 1 ? "" : "s") above")
            return ExitStatus.usage
        } catch {
            return reject("\(error)")
        }

        var start = resume.map { $0.saved.startVariables } ?? answers?.variables ?? [:]
        if let path = command.variablesFile {
            guard let data = FileManager.default.contents(atPath: path) else { return reject("cannot read --vars file \(path)") }
            do {
                guard case .object(let vars) = try JSONText.decode(String(decoding: data, as: UTF8.self)) else {
                    return reject("\(path): --vars needs a JSON object of variables")
                }
                start.merge(vars) { _, new in new }
            } catch let e as JSONText.SyntaxError {
                return reject("\(path):\(e.line):\(e.column): not valid JSON: \(e.message)")
            } catch {
                return reject("\(path): not valid JSON: \(error)")
            }
        }
        for assignment in command.variables {
            do {
                let (name, value) = try VariableParsing.assignment(assignment)
                start[name] = value
            } catch {
                return reject("--var \(error)")
            }
        }

        var options = RunOptions()
        options.serviceTasks = ServiceTaskMode(rawValue: command.serviceTasks) ?? .wait
        options.scriptTimeout = command.scriptTimeout
        options.startTime = command.startTime.flatMap(DateFormats.parseISO8601)
        options.clock = ClockMode(rawValue: command.clock) ?? .virtual
        options.calledProcessResolver = CalledProcessFinder(libraries: command.libraries, dialect: dialect.dialect).resolver
        options.shouldInterrupt = { Terminal.wasInterrupted }
        // A saved run is checked against the diagram before anything is written (the trace file included).
        var resumedInstance: InstanceState?
        if let resume, resume.hasStarted {
            do {
                resumedInstance = try checkedInstance(resume, process: process, resolver: options.calledProcessResolver)
            } catch {
                FileHandleOutput.stderr("bpmnrun: \(error)")
                return ExitStatus.stateRefused
            }
        }
        let store: StateStore?
        switch makeStateStore(process: process, dialect: command.dialect, answers: answers, startVariables: start) {
        case .success(let made): store = made
        case .failure(let error):
            FileHandleOutput.stderr("bpmnrun: \(error)")
            return resume == nil ? ExitStatus.usage : ExitStatus.stateRefused
        }
        var sinks: [TraceSink] = []
        if let path = command.trace {
            do {
                let writer = try JSONTraceWriter(path: path, diagramFile: resume?.saved.diagram.path ?? command.file, processId: process.processId,
                                                 dialect: (dialect.dialect.rawValue, dialect.reason))
                replaySavedTrace(into: writer)
                sinks.append(writer)
            } catch {
                return reject("\(error)")
            }
        }
        if let path = command.xes {
            do {
                let writer = try XESTraceWriter(path: path, diagramFile: resume?.saved.diagram.path ?? command.file, processId: process.processId)
                replaySavedTrace(into: writer)
                sinks.append(writer)
            } catch {
                return reject("\(error)")
            }
        }
        if let store { sinks.append(store.recorder) }
        let interactive = !command.nonInteractive
        if !command.quiet && interactive {
            sinks.append(TerminalProgress(terminal: terminal, process: process))
        }

        let trace: TraceSink? = sinks.isEmpty ? nil : (sinks.count == 1 ? sinks[0] : TraceFanOut(sinks))
        let run: ProcessRun
        if let resumedInstance {
            do {
                run = try ProcessRun(process: process, resuming: resumedInstance, options: options, trace: trace)
            } catch {
                FileHandleOutput.stderr("bpmnrun: \(error)")
                return ExitStatus.stateRefused
            }
        } else {
            run = ProcessRun(process: process, options: options, trace: trace)
            do { try store?.saveBeforeStart(run) } catch { return reject("\(error)") }
        }

        if !command.quiet {
            terminal.line(terminal.bold("bpmnrun") + " · \(process.spec.name ?? process.processId) " + terminal.dim("(\(process.processId) in \(command.file))"))
        }
        var steps = answers?.steps ?? []
        var stepNumber = 0
        if resume?.hasStarted == true {
            stepNumber = answersAlreadyConsumed(answers)
            steps.removeFirst(stepNumber)
        } else {
            // A process that only a message or signal can start, with an answers file whose first step
            // is that message or signal: the step starts it (as SpiffWorkflow's tests start such a
            // process by sending the message), instead of failing for want of a none start event.
            var startStep: (trigger: StartTrigger, variables: [String: VariableValue])?
            if command.message == nil && command.signal == nil && !process.hasNoneStartEvent, let first = steps.first {
                switch first {
                case .message(let name, let vars): startStep = (.message(name), vars)
                case .signal(let name, let vars): startStep = (.signal(name), vars)
                default: break
                }
                if startStep != nil {
                    steps.removeFirst()
                    if !command.quiet && !command.nonInteractive {
                        terminal.line(terminal.dim("  answers step 1 starts the process"))
                    }
                }
            }
            if let name = command.message { run.start(variables: start, trigger: .message(name)) }
            else if let name = command.signal { run.start(variables: start, trigger: .signal(name)) }
            else if let startStep { run.start(variables: start.merging(startStep.variables) { _, new in new }, trigger: startStep.trigger) }
            else { run.start(variables: start) }
            stepNumber = startStep == nil ? 0 : 1
        }
        var rejected = false
        var saveFailure: Error?
        driving: while run.state.status == .waiting {
            do { try store?.save(run, answersConsumed: stepNumber) } catch { saveFailure = error; break }
            if Terminal.wasInterrupted { run.interrupt(); break }
            let tasks = run.waitingTasks
            let events = run.pendingEvents
            if tasks.isEmpty && events.isEmpty { break }  // only joins wait: nothing anyone can do
            if !steps.isEmpty {
                let step = steps.removeFirst()
                stepNumber += 1
                if let error = apply(step, number: stepNumber, to: run, answersPath: answers!.path) {
                    run.recordRejectedInput(error)
                    FileHandleOutput.stderr("bpmnrun: \(error.message)")
                    rejected = true
                    break
                }
                continue
            }
            if options.clock == .real, tasks.isEmpty, events.allSatisfy({ $0.kind == .timer }), let due = run.nextTimerDue {
                // Real time: sleep until the next timer is due (Ctrl-C still stops the run).
                if !command.quiet { terminal.line(terminal.dim("  waiting for the timer due \(DateFormats.iso8601String(due))")) }
                while Date() < due && !Terminal.wasInterrupted { usleep(useconds_t(min(200_000, max(1000, due.timeIntervalSinceNow * 1e6)))) }
                if Terminal.wasInterrupted { continue }
                _ = try? run.fireDueTimers()
                continue
            }
            guard interactive else { break }
            if options.clock == .real { _ = try? run.fireDueTimers(); if run.state.status != .waiting { break } }
            let chosen: WaitingTask
            if tasks.count == 1 && events.isEmpty {
                chosen = tasks[0]
            } else if events.isEmpty {
                switch TaskPicker(terminal: terminal).pick(from: tasks) {
                case .task(let t): chosen = t
                case .stop(let line): stop(run, line); break driving
                }
            } else {
                switch WaitMenu(terminal: terminal).choose(tasks: tasks, events: events, now: run.now) {
                case .task(let t): chosen = t
                case .stop(let line): stop(run, line); break driving
                case .message(let name):
                    let vars = askVariables("Variables for message '\(name)'")
                    report { try run.deliverMessage(name, variables: vars) }
                    continue
                case .signal(let name):
                    let vars = askVariables("Variables for signal '\(name)'")
                    report { try run.broadcastSignal(name, variables: vars) }
                    continue
                case .nextTimer:
                    report { try run.fireNextTimer() }
                    continue
                case .advance(let seconds, _):
                    report { try run.advanceClock(by: seconds) }
                    continue
                case .set(let vars):
                    report { try run.setVariablesFromOutside(vars) }
                    continue
                }
            }
            let prompt = TaskPrompt(terminal: terminal, run: run, task: chosen)
            prompt.show()
            switch prompt.collect() {
            case .complete(let values):
                do {
                    let variables = try Self.completionVariables(for: chosen, submitted: values, run: run)
                    try run.complete(token: chosen.token, variables: variables, source: "form")
                } catch {
                    terminal.line(terminal.red("✗ \(error)"))
                }
            case .stop(let line):
                stop(run, line)
                break driving
            }
        }
        if Terminal.wasInterrupted && !run.state.status.hasEnded { run.interrupt() }
        // The trace is finished before the last save: a kill between the two leaves the state of the
        // step before, which resume does again, writing the whole trace again.
        run.finishTrace()
        if saveFailure == nil {
            do { try store?.save(run, answersConsumed: rejected ? stepNumber - 1 : stepNumber) } catch { saveFailure = error }
        }
        if let saveFailure { FileHandleOutput.stderr("bpmnrun: \(saveFailure)") }
        RunSummary(terminal: terminal, run: run, file: command.file).print(remainingSteps: steps.count)
        if rejected || saveFailure != nil { return ExitStatus.usage }
        switch run.state.status {
        case .completed, .terminated: return ExitStatus.completed
        case .failed: return ExitStatus.failed
        case .interrupted: return ExitStatus.interrupted
        default: return ExitStatus.waiting
        }
    }

    private func stop(_ run: ProcessRun, _ line: Terminal.Line) {
        if case .interrupted = line { run.interrupt() }
        terminal.line()
    }

    /// Completes the task an answers step names. Returns the reason when the step is rejected.
    private func apply(_ step: AnswersFile.Step, number: Int, to run: ProcessRun, answersPath: String) -> RunError? {
        switch step {
        case .complete(let taskId, let submitted, let selector):
            let waiting = run.waitingTasks
            guard let task = waiting.first(where: { $0.node.id == taskId && selector.matches($0, in: run) }) else {
                let list = waiting.map { "\($0.node.id) (\($0.name.map { "'\($0)', " } ?? "")\($0.reason))" }
                    + run.pendingEvents.map { "\($0.kind.rawValue) '\($0.name)' at \($0.element)" }
                let what = selector.isEmpty ? "'\(taskId)'" : "'\(taskId)' with \(selector.description)"
                return RunError(message: "\(answersPath): step \(number) completes \(what), which is not waiting; waiting now: \(list.isEmpty ? "nothing" : list.joined(separator: ", "))",
                                element: taskId)
            }
            let variables: [String: VariableValue]
            do {
                if run.process.dialect == .spiff, let form = task.form, !form.fields.isEmpty {
                    // SpiffWorkflow stores what is submitted (docs/dialects.md, "Forms").
                    let result = try SpiffFormSubmission.variables(
                        for: form, submitted: submitted,
                        defaultValue: { field in try field.defaultValue.map { try run.resolveDefault($0, token: task.token) } })
                    if !command.quiet {
                        for warning in result.warnings {
                            FileHandleOutput.stderr("bpmnrun: \(answersPath): step \(number) (task '\(taskId)'): \(warning)")
                        }
                    }
                    variables = result.variables
                } else {
                    variables = try Self.completionVariables(for: task, submitted: submitted, run: run)
                }
            } catch {
                return RunError(message: "\(answersPath): step \(number) (task '\(taskId)'): \(error)", element: taskId,
                                location: task.node.location)
            }
            if !command.quiet && !command.nonInteractive {
                terminal.line(terminal.dim("  answers step \(number): completing \(task.node.displayName) (\(taskId))"))
            }
            do {
                try run.complete(token: task.token, variables: variables, source: "answers")
            } catch {
                return RunError(message: "\(answersPath): step \(number): \(error)", element: taskId)
            }
            return nil
        case .message(let name, let variables):
            narrate(number, "delivering message '\(name)'")
            return attempt(number, answersPath) { try run.deliverMessage(name, variables: variables) }
        case .messagePayload(let name, let payload, let resultVariable):
            narrate(number, "delivering message '\(name)'")
            return attempt(number, answersPath) { try run.deliverMessage(name, payload: payload, resultVariable: resultVariable) }
        case .signal(let name, let variables):
            narrate(number, "broadcasting signal '\(name)'")
            return attempt(number, answersPath) { try run.broadcastSignal(name, variables: variables) }
        case .nextTimer:
            guard run.nextTimerDue != nil else {
                return RunError(message: "\(answersPath): step \(number) fires the next timer, but no timer is pending; \(run.waitingSummary())")
            }
            narrate(number, "firing the next timer")
            return attempt(number, answersPath) { try run.fireNextTimer() }
        case .advance(let text, let seconds):
            narrate(number, "advancing the clock by \(text)")
            return attempt(number, answersPath) { try run.advanceClock(by: seconds) }
        case .error(let taskId, let code, let message):
            guard let task = run.waitingTasks.first(where: { $0.node.id == taskId }) else {
                return RunError(message: "\(answersPath): step \(number) throws error '\(code)' from '\(taskId)', which is not waiting; \(run.waitingSummary())",
                                element: taskId)
            }
            narrate(number, "throwing BPMN error '\(code)' from \(taskId)")
            return attempt(number, answersPath) { try run.throwError(fromTask: task.token, code: code, message: message) }
        case .set(let variables):
            narrate(number, "setting \(variables.keys.sorted().joined(separator: ", "))")
            return attempt(number, answersPath) { try run.setVariablesFromOutside(variables) }
        }
    }

    private func narrate(_ number: Int, _ what: String) {
        if !command.quiet && !command.nonInteractive { terminal.line(terminal.dim("  answers step \(number): \(what)")) }
    }

    private func attempt(_ number: Int, _ path: String, _ action: () throws -> Void) -> RunError? {
        do {
            try action()
            return nil
        } catch let error as RunError {
            return RunError(message: "\(path): step \(number): \(error.message)", element: error.element)
        } catch {
            return RunError(message: "\(path): step \(number): \(error)")
        }
    }

    /// Runs an interactive action; an error is shown and the user chooses again.
    private func report(_ action: () throws -> Void) {
        do { try action() } catch { terminal.line(terminal.red("✗ \(error)")) }
    }

    /// Asks for `name=value` pairs (empty line: none).
    private func askVariables(_ title: String) -> [String: VariableValue] {
        while true {
            guard case .text(let text) = terminal.ask("\(title) (name=value ..., Enter for none): ") else { return [:] }
            var vars: [String: VariableValue] = [:]
            var bad = false
            for part in text.split(separator: " ") {
                do {
                    let (name, value) = try VariableParsing.assignment(String(part))
                    vars[name] = value
                } catch {
                    terminal.line("  " + terminal.red("✗ \(error)"))
                    bad = true
                }
            }
            if !bad { return vars }
        }
    }
}

extension RunSession {
    /// The variables that complete a task: a form's fields converted, validated and defaulted the same
    /// way for typed input and answers files (Camunda's form service rules); other tasks take the
    /// submitted variables as they are.
    static func completionVariables(for task: WaitingTask, submitted: [String: VariableValue], run: ProcessRun) throws -> [String: VariableValue] {
        guard let form = task.form, !form.fields.isEmpty else { return submitted }
        let visible = run.variables(visibleTo: task.token)
        return try FormSubmission.variables(
            for: form, submitted: submitted,
            defaultValue: { field in try field.defaultValue.map { try run.resolveDefault($0, token: task.token) } },
            existing: { visible[$0] })
    }
}

/// Unbuffered writes to standard error.
enum FileHandleOutput {
    static func stderr(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
