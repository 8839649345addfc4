import ArgumentParser
import BPMNEngine
import Foundation

/// `bpmnrun resume STATE`: continues a run saved with `run --state STATE` where it stopped.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a run saved with `bpmnrun run FILE --state STATE` where it stopped.",
        discussion: """
        The run continues with the options it was started with (process, service-task mode, script \
        timeout, clock, --lib folders), on the same diagram: the state records the SHA-256 of every \
        diagram file. A changed diagram is refused with the ids of the added, removed and changed \
        elements that affect the waiting tokens; --force continues anyway when every element the run \
        waits at still exists. The state file keeps being updated after every step.

        --answers: when it is the same answers file the run was started with (same content), its \
        steps continue after the ones already applied; any other answers file gives the remaining \
        steps from its first one. --trace writes the whole trace, the events before the stop included, \
        with the same sequence numbers; without --trace, the trace goes where the run's own --trace \
        sent it. Two processes cannot continue the same state file at once.

        Exit codes: as for run, and 4 when the state file cannot be used (damaged, truncated, another \
        format version, or a changed diagram without --force).
        """
    )

    @Argument(help: ArgumentHelp("The state file written by `run --state`.", valueName: "state"))
    var statePath: String

    @Option(name: .long, help: ArgumentHelp("Answers file for the remaining steps (see above).", valueName: "file"))
    var answers: String?

    @Option(name: .long, help: ArgumentHelp("Write the complete JSON trace to this file ('-' for standard output); default: the run's own --trace, if it had one.", valueName: "file"))
    var trace: String?

    @Option(name: .long, help: ArgumentHelp("Also write the whole run, the events before the stop included, as an XES event log (see docs/xes.md).", valueName: "file"))
    var xes: String?

    @Flag(name: .long, help: "Never read standard input: stop as 'waiting' when the answers run out.")
    var nonInteractive = false

    @Flag(name: .long, help: "Resume on a changed diagram when every element the run waits at still exists.")
    var force = false

    @Flag(name: .long, help: "No colours.")
    var noColor = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the final summary.")
    var quiet = false

    func run() throws {
        Terminal.installSignalHandlers()
        var saved: SavedRun
        do {
            try StateLock.acquire(for: statePath)
            saved = try StateFile.load(path: statePath)
            saved.trace = try TraceJournal.events(forState: statePath, record: saved.traceJournal)
        } catch {
            FileHandleOutput.stderr("bpmnrun: \(error)")
            throw ExitCode(ExitStatus.stateRefused)
        }
        if saved.instance.status.hasEnded {
            let how = saved.instance.status == .failed ? "failed" + (saved.instance.error.map { ": \($0.message)" } ?? "") : saved.instance.status.rawValue
            FileHandleOutput.stderr("bpmnrun: the run saved in \(statePath) has already \(how); there is nothing to resume")
            throw ExitCode(saved.instance.status == .failed ? ExitStatus.failed : ExitStatus.completed)
        }
        let command: RunCommand
        do {
            command = try RunCommand.parse(arguments(for: saved))
        } catch {
            FileHandleOutput.stderr("bpmnrun: \(statePath): the saved options cannot be used: \(RunCommand.message(for: error))")
            throw ExitCode(ExitStatus.stateRefused)
        }
        let code = RunSession(command: command, resume: ResumeRequest(statePath: statePath, saved: saved, force: force)).execute()
        if code != 0 { throw ExitCode(code) }
    }

    /// The `run` arguments that continue the saved run with its own options.
    private func arguments(for saved: SavedRun) -> [String] {
        let o = saved.options
        var args = [DiagramFile.pathToOpen(saved.diagram), "--process", o.process, "--service-tasks", o.serviceTasks,
                    "--script-timeout", String(o.scriptTimeout), "--clock", o.clock, "--state", statePath]
        if let t = o.startTime { args += ["--start-time", t] }
        if let d = o.dialect { args += ["--dialect", d] }
        if let m = o.startMessage { args += ["--message", m] }
        if let s = o.startSignal { args += ["--signal", s] }
        for lib in o.libraries { args += ["--lib", lib] }
        if let answers { args += ["--answers", answers] }
        if let trace = trace ?? o.trace { args += ["--trace", trace] }
        if let xes { args += ["--xes", xes] }
        if nonInteractive { args.append("--non-interactive") }
        if noColor { args.append("--no-color") }
        if quiet { args.append("--quiet") }
        return args
    }
}
