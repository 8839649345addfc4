import ArgumentParser
import Foundation

/// `bpmnrun`: the root command. `run` is the default, so `bpmnrun FILE.bpmn` runs a diagram.
public struct BPMNRunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bpmnrun",
        abstract: "Run, check and trace BPMN 2.0 diagrams made for Camunda 7.",
        discussion: """
        Run a diagram interactively, filling in each user task's form on the terminal:
          bpmnrun order.bpmn

        Run it unattended from an answers file and keep a JSON trace (for CI):
          bpmnrun run order.bpmn --answers order.answers.json --trace trace.json --non-interactive

        Check diagrams in CI without running them (see `bpmnrun validate --help`):
          bpmnrun validate processes/ --format github

        Turn saved JSON traces into an XES event log for process-mining tools:
          bpmnrun trace convert monday.json tuesday.json --to xes -o week.xes

        Exit codes of run: 0 completed or terminated, 1 failed (an incident), 2 usage or unreadable/invalid \
        file or answers, 3 stopped while tasks wait, 130 interrupted.
        """,
        version: "0.1.0",
        subcommands: [RunCommand.self, ValidateCommand.self, TraceCommand.self],
        defaultSubcommand: RunCommand.self
    )

    public init() {}

    /// Like ArgumentParser's `main`, but usage errors exit with 2 (as documented) instead of 64.
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                if !message.isEmpty { FileHandle.standardError.write((message + "\n").data(using: .utf8)!) }
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes shared by every subcommand.
public enum ExitStatus {
    public static let completed: Int32 = 0
    public static let failed: Int32 = 1
    public static let usage: Int32 = 2
    public static let waiting: Int32 = 3
    public static let interrupted: Int32 = 130
}
