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

        Exit codes: 0 completed or terminated, 1 failed (an incident), 2 usage or unreadable/invalid \
        file or answers, 3 stopped while tasks wait, 130 interrupted.
        """,
        version: "0.1.0",
        subcommands: [RunCommand.self],
        defaultSubcommand: RunCommand.self
    )

    public init() {}

    /// Parses and runs like ArgumentParser's `main()`, except that usage errors (unknown option,
    /// missing file argument, a bad option value) exit with 2, the code bpmnrun documents for them,
    /// instead of ArgumentParser's 64.
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandleOutput.stderr(fullMessage(for: error))
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
