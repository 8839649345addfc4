import ArgumentParser
import BPMNValidation
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `bpmnrun validate PATH...`: checks diagrams without running them, for CI.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check diagrams for everything that would keep them from deploying on Camunda 7 or running correctly.",
        discussion: """
        PATH is a .bpmn file, a folder (searched recursively for *.bpmn) or '-' for one diagram on \
        standard input. Files are checked in parallel; scripts are only syntax-checked, never run.

        Configuration: the nearest .bpmnrunrc.json above each file (or --config FILE), e.g.
          {"extends": "camunda7", "rules": {"label-required": "off", "no-bpmndi": "error"}}
        Presets: recommended (default), camunda7. `--rule id=level` overrides (off, warn, error).

        Dialect: with --dialect auto (default) each file is checked as Camunda 7 or SpiffWorkflow \
        (Python conditions and scripts) from what it contains, as `bpmnrun run` chooses. Spiff files \
        get their Python compiled (never run) and SpiffWorkflow's refusals reported; Camunda-only \
        rules (history time to live, listeners, JUEL, script formats, ...) do not apply to them.

        Exit codes: 0 no errors (warnings allowed), 1 errors found (or warnings with --strict), \
        2 usage error (bad option, configuration or path).

        Examples:
          bpmnrun validate processes/
          bpmnrun validate order.bpmn --format sarif > bpmnrun.sarif
          bpmnrun validate --list-rules
        """
    )

    @Argument(help: ArgumentHelp("Files, folders (searched for *.bpmn) or '-' for standard input.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output: text, json, junit, sarif or github (with --list-rules also markdown).", valueName: "format"))
    var format: String = "text"

    @Flag(name: .long, help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Flag(name: .long, help: "List every rule with its id, default level and description, and exit.")
    var listRules = false

    @Option(name: .long, help: ArgumentHelp("A folder of .bpmn files whose processes call activities may call (not checked themselves). Repeatable.", valueName: "folder"))
    var lib: [String] = []

    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of searching for .bpmnrunrc.json.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Set a rule's level, id=off|warn|error. Repeatable.", valueName: "id=level"))
    var rule: [String] = []

    @Option(name: .long, help: ArgumentHelp("Dialect to check files in: camunda, spiff or auto (per file, from its contents).", valueName: "dialect"))
    var dialect: String = "auto"

    @Flag(name: .long, help: "No colours (also off when NO_COLOR is set or output is not a terminal).")
    var noColor = false

    func run() throws {
        do {
            let output = try execute()
            FileHandle.standardOutput.write(output.text.data(using: .utf8)!)
            if output.code != 0 { throw ExitCode(output.code) }
        } catch let e as ConfigurationError {
            usageFailure(e.message)
        }
    }

    func usageFailure(_ message: String) -> Never {
        FileHandle.standardError.write("bpmnrun validate: error: \(message)\n".data(using: .utf8)!)
        Foundation.exit(ExitStatus.usage)
    }

    /// What to print and the exit code.
    func execute() throws -> (text: String, code: Int32) {
        if listRules {
            switch format {
            case "text": return (RulesMarkdown.listText(), 0)
            case "markdown", "md": return (RulesMarkdown.render(), 0)
            case "json": return (RulesMarkdown.listJSON(), 0)
            default: throw ConfigurationError("--list-rules prints text, markdown or json, not '\(format)'")
            }
        }
        guard let outputFormat = OutputFormat(rawValue: format) else {
            throw ConfigurationError("--format takes text, json, junit, sarif or github, not '\(format)'")
        }
        guard !paths.isEmpty else { throw ConfigurationError("give at least one file or folder to check (or '-' for standard input)") }
        var overrides: [String: RuleLevel] = [:]
        for r in rule {
            let (id, level) = try parseRuleOverride(r)
            overrides[id] = level
        }
        for folder in lib where !InputCollector.isFolder(folder) {
            throw ConfigurationError("--lib '\(folder)' is not a folder")
        }
        guard let choice = DialectChoice(rawValue: dialect) else {
            throw ConfigurationError("--dialect takes camunda, spiff or auto, not '\(dialect)'")
        }
        let inputs = try collectInputs()
        let validator = Validator(configs: try ConfigResolver(configPath: config, overrides: overrides), libraryFolders: lib,
                                  dialect: choice.fixedDialect)
        let report = try validator.validate(inputs)
        let noColorEnv = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let colors = outputFormat == .text && !noColor && !noColorEnv && isatty(1) == 1
        let failed = report.errorCount > 0 || (strict && report.warningCount > 0)
        return (outputFormat.render(report, colors: colors), failed ? ExitStatus.failed : ExitStatus.completed)
    }

    /// Files as given, folders expanded; a missing path is still passed on so that it is
    /// reported as an unreadable file while the others are checked.
    func collectInputs() throws -> [ValidationInput] {
        var inputs: [ValidationInput] = []
        var readStdin = false
        for path in paths {
            if path == "-" {
                guard !readStdin else { throw ConfigurationError("'-' (standard input) can be given only once") }
                readStdin = true
                let data = FileHandle.standardInput.readDataToEndOfFile()
                inputs.append(.data([UInt8](data), name: "<stdin>"))
            } else if InputCollector.isFolder(path) {
                let files = InputCollector.bpmnFiles(under: path)
                if files.isEmpty {
                    FileHandle.standardError.write("bpmnrun validate: warning: no .bpmn files in folder '\(path)'\n".data(using: .utf8)!)
                }
                inputs += files.map { .file($0) }
            } else {
                inputs.append(.file(path))
            }
        }
        return inputs
    }
}
