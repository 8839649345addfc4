import BPMNEngine
import BPMNModel

/// The few lines at the end of a run: how it ended, where tokens wait, the final variables.
struct RunSummary {
    let terminal: Terminal
    let run: ProcessRun
    let file: String

    func print(remainingSteps: Int) {
        let state = run.state
        terminal.line()
        switch state.status {
        case .completed:
            terminal.line(terminal.green("✔ Process completed") + terminal.dim(" (\(run.nodeExecutions) flow nodes executed)"))
        case .terminated:
            terminal.line(terminal.green("✔ Process terminated") + terminal.dim(" by a terminate end event"))
        case .failed:
            let e = state.error
            let place = e?.line.map { "\(file):\($0):\(e?.column ?? 0): " } ?? "\(file): "
            terminal.line(terminal.red("✗ Process failed: ") + place + (e?.message ?? "unknown error") + (e?.element.map { " (\($0))" } ?? ""))
        case .interrupted:
            terminal.line(terminal.yellow("⏹ Interrupted") + waitingText())
        default:
            terminal.line(terminal.yellow("⏸ Stopped while waiting") + waitingText())
            if state.tokens.values.allSatisfy({ $0.state == .joined }) && !state.tokens.isEmpty {
                terminal.line("  " + terminal.dim("only joining gateways wait: the tokens they expect can no longer arrive"))
            }
        }
        if remainingSteps > 0 {
            terminal.line("  " + terminal.yellow("\(remainingSteps) answers step\(remainingSteps == 1 ? "" : "s") not used"))
        }
        let variables = state.processVariables
        if !variables.isEmpty {
            terminal.line("  Variables:")
            for name in variables.keys.sorted() {
                terminal.line("    \(name) = " + JSONText.encode(variables[name]!))
            }
        }
    }

    private func waitingText() -> String {
        let active = run.activeElementIds
        return active.isEmpty ? "" : ": waiting at " + active.joined(separator: ", ")
    }
}

/// Shows progress on the terminal as the run goes: tasks completed, gateway decisions, and the
/// name and documentation of manual tasks and plain tasks that pass through.
final class TerminalProgress: TraceSink {
    let terminal: Terminal
    let process: ExecutableProcess

    init(terminal: Terminal, process: ExecutableProcess) {
        self.terminal = terminal
        self.process = process
    }

    func record(_ event: TraceEvent) {
        guard let id = event.element else { return }
        switch event.kind {
        case .activityCompleted:
            guard let node = process.spec.node(id: id), node.kind.isActivity else { return }
            terminal.line(terminal.green("  ✓ ") + node.displayName + terminal.dim(" (\(node.kind.rawValue))"))
            if node.kind == .manualTask || node.kind == .task, let doc = node.documentation, !doc.isEmpty {
                for l in doc.split(separator: "\n") { terminal.line("    " + terminal.dim(String(l))) }
            }
        case .gatewayDecision:
            if case .array(let taken)? = event["taken"] {
                let names = taken.compactMap { $0.stringValue }.map { process.spec.flow(id: $0).flatMap(\.name) ?? $0 }
                terminal.line(terminal.cyan("  ◆ ") + (process.spec.node(id: id)?.displayName ?? id) + " → " + names.joined(separator: ", "))
            }
        case .serviceSkipped:
            terminal.line(terminal.yellow("  ↷ skipped ") + (process.spec.node(id: id)?.displayName ?? id))
        case .scriptFailed:
            terminal.line(terminal.red("  ✗ script of \(id) failed: \(event["message"]?.description ?? "")"))
        default:
            break
        }
    }

    func finish(_ summary: TraceSummary) {}
}
