import ArgumentParser
import BPMNEngine
import Foundation

/// `bpmnrun trace convert TRACE.json... --to xes [-o FILE]`: one XES log from saved JSON traces.
struct TraceConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert saved JSON traces into one XES event log (IEEE 1849) for process-mining tools.",
        discussion: """
        Each JSON trace becomes one trace of the log (one process instance), in the order given, \
        named <process>#<n>. A trace whose run was killed before it finished writing is refused. \
        When any file is unreadable or not a bpmnrun trace, every such file is named and nothing \
        is written.

        Exit codes: 0 written, 2 usage error or a bad input file, 1 the output cannot be written.

        Example:
          bpmnrun trace convert monday.json tuesday.json --to xes -o week.xes
        """
    )

    @Argument(help: ArgumentHelp("JSON trace files (bpmnrun-trace/1).", valueName: "trace.json"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The format to write: xes.", valueName: "format"))
    var to: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard to == "xes" else { throw ValidationError("--to takes 'xes', not '\(to)'") }
        guard !files.isEmpty else { throw ValidationError("give at least one JSON trace file") }
    }

    func run() throws {
        var runs: [XESLog.Run] = []
        var problems: [String] = []
        for path in files {
            do {
                runs.append(XESLog.Run(try SavedTrace.load(path: path), source: path))
            } catch {
                problems.append("\(error)")
            }
        }
        if !problems.isEmpty {
            for p in problems { FileHandleOutput.stderr("bpmnrun: \(p)") }
            FileHandleOutput.stderr("bpmnrun: nothing written: \(problems.count) of \(files.count) trace file\(files.count == 1 ? "" : "s") cannot be converted")
            throw ExitCode(ExitStatus.usage)
        }
        let xml = Data(XESWriter.xml(XESLog(runs: runs)).utf8)
        guard let output else {
            FileHandle.standardOutput.write(xml)
            return
        }
        if let reason = AtomicFile.write(xml, to: output) {
            FileHandleOutput.stderr("bpmnrun: cannot write \(output): \(reason)")
            throw ExitCode(ExitStatus.failed)
        }
    }
}
