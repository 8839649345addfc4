import ArgumentParser
import BPMNEngine
import BPMNModel
import Foundation

/// `bpmnrun status STATE`: where a saved run stands, read from the state file alone.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show where a saved run waits: tasks and their forms, pending timers, messages and signals, variables.",
        discussion: "Exit codes: 0 shown, 4 when the state file cannot be used (damaged, truncated, another format version)."
    )

    @Argument(help: ArgumentHelp("The state file written by `run --state`.", valueName: "state"))
    var statePath: String

    @Option(name: .long, help: ArgumentHelp("'text' or 'json'.", valueName: "text|json"))
    var format: String = "text"

    func validate() throws {
        guard format == "text" || format == "json" else { throw ValidationError("--format takes 'text' or 'json', not '\(format)'") }
    }

    func run() throws {
        let saved: SavedRun
        do {
            saved = try StateFile.load(path: statePath)
        } catch {
            FileHandleOutput.stderr("bpmnrun: \(error)")
            throw ExitCode(ExitStatus.stateRefused)
        }
        let report = StatusReport(saved: saved)
        print(format == "json" ? JSONText.encode(report.json, pretty: true) : report.text, terminator: format == "json" ? "\n" : "")
    }
}
