import ArgumentParser

/// `bpmnrun trace ...`: work with saved JSON traces.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Work with saved JSON traces (written by `run --trace`).",
        subcommands: [TraceConvertCommand.self]
    )
}
