import ArgumentParser
import BPMNEngine
import Foundation

/// `bpmnrun run FILE`: runs a diagram, interactively or from an answers file.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a process: fill in user-task forms on the terminal, or drive it from an answers file.",
        discussion: """
        The process starts at its none start event and runs until every token waits. Each waiting \
        task is then completed from the next answers step, or by asking on the terminal; with \
        several tasks waiting (after a parallel split) you pick one. End of input (Ctrl-D) stops the \
        run as 'waiting'; Ctrl-C stops it as 'interrupted'. The trace is written either way.

        When tokens wait for messages, signals or timers, a menu lets you deliver a message, \
        broadcast a signal, fire the next timer, advance the clock ('advance PT2H') or set \
        variables ('set approved=true'). Timers run on a virtual clock: nothing sleeps unless \
        --clock real.

        Answers file (steps are used in order; values pass the same form validation as typed input):
          {"process": "optional id", "variables": {"amount": 120},
           "steps": [{"complete": "Task_Approve", "variables": {"approved": true}},
                     {"message": "PaymentReceived", "variables": {"paid": 120}},
                     {"signal": "Cancel"}, {"timer": "next"}, {"advance": "PT48H"},
                     {"error": "Task_Charge", "code": "CARD_DECLINED"}, {"set": {"priority": 1}}]}

        Examples:
          bpmnrun expense.bpmn --var amount=750 --var requester=anna
          bpmnrun run expense.bpmn --answers expense.answers.json --trace - --non-interactive
        """
    )

    @Argument(help: ArgumentHelp("The .bpmn file to run.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Id of the process to run, when the file has several executable processes.", valueName: "id"))
    var process: String?

    @Option(name: .long, help: ArgumentHelp("Answers file (JSON) with start variables and the steps that complete tasks.", valueName: "file"))
    var answers: String?

    @Option(name: .customLong("var"), help: ArgumentHelp("A start variable, name=value; the value is read as JSON when it is valid JSON, else as a string. Repeatable.", valueName: "name=value"))
    var variables: [String] = []

    @Option(name: .customLong("vars"), help: ArgumentHelp("A JSON file with an object of start variables.", valueName: "file"))
    var variablesFile: String?

    @Option(name: .long, help: ArgumentHelp("Write the JSON trace to this file ('-' for standard output; human output then goes to standard error).", valueName: "file"))
    var trace: String?

    @Option(name: .long, help: ArgumentHelp("Also write the run as an XES event log (IEEE 1849) for process-mining tools, when the run stops ('-' for standard output).", valueName: "file"))
    var xes: String?

    @Flag(name: .long, help: "Never read standard input: stop as 'waiting' when the answers run out.")
    var nonInteractive = false

    @Option(name: .long, help: ArgumentHelp("Service tasks implemented by Java code or external workers: 'wait' for the user to enter their results, or 'skip' them.", valueName: "wait|skip"))
    var serviceTasks: String = "wait"

    @Option(name: .long, help: ArgumentHelp("Seconds a single script may run before it is stopped.", valueName: "seconds"))
    var scriptTimeout: Double = 5

    @Option(name: .long, help: ArgumentHelp("Fix the run's clock at this ISO 8601 time, for reproducible traces.", valueName: "time"))
    var startTime: String?

    @Option(name: .long, help: ArgumentHelp("Start at the message start event for this message (when there is no none start event).", valueName: "name"))
    var message: String?

    @Option(name: .long, help: ArgumentHelp("Start at the signal start event for this signal.", valueName: "name"))
    var signal: String?

    @Option(name: .customLong("lib"), help: ArgumentHelp("A folder (or one file) with more .bpmn files in which call activities find their called processes, besides the diagram's own folder. Repeatable.", valueName: "dir"))
    var libraries: [String] = []

    @Option(name: .long, help: ArgumentHelp("'virtual': timers fire only when asked (answers steps, the menu), so nothing sleeps; 'real': timers fire in real time.", valueName: "virtual|real"))
    var clock: String = "virtual"

    @Option(name: .long, help: ArgumentHelp("Whose semantics to run with: 'camunda' (JUEL, JavaScript), 'spiff' (SpiffWorkflow: Python conditions and scripts) or 'auto' (decided from the diagram's expressions and scripts).", valueName: "camunda|spiff|auto"))
    var dialect: String = "auto"

    @Flag(name: .long, help: "No colours (also off when NO_COLOR is set or output is not a terminal).")
    var noColor = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the final summary.")
    var quiet = false

    func validate() throws {
        guard ServiceTaskMode(rawValue: serviceTasks) != nil else {
            throw ValidationError("--service-tasks takes 'wait' or 'skip', not '\(serviceTasks)'")
        }
        guard DialectChoice(rawValue: dialect) != nil else {
            throw ValidationError("--dialect takes 'camunda', 'spiff' or 'auto', not '\(dialect)'")
        }
        guard ClockMode(rawValue: clock) != nil else { throw ValidationError("--clock takes 'virtual' or 'real', not '\(clock)'") }
        if message != nil && signal != nil { throw ValidationError("--message and --signal both choose a start event; give one") }
        if trace == "-" && xes == "-" { throw ValidationError("--trace - and --xes - would both write to standard output; give one a file") }
        guard scriptTimeout > 0 else { throw ValidationError("--script-timeout must be more than 0 seconds") }
        if let startTime, DateFormats.parseISO8601(startTime) == nil {
            throw ValidationError("--start-time '\(startTime)' is not an ISO 8601 date-time such as 2026-01-31T09:00:00Z")
        }
    }

    func run() throws {
        let session = RunSession(command: self)
        let code = session.execute()
        if code != 0 { throw ExitCode(code) }
    }
}

import BPMNModel
