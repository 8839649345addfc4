import BPMNEngine
import BPMNModel

/// Shows a waiting task (name, id, documentation, assignee, groups) and collects the variables
/// that complete it: its form fields, a service task's result variable, or free `name=value` lines.
struct TaskPrompt {
    let terminal: Terminal
    let run: ProcessRun
    let task: WaitingTask

    enum Outcome { case complete([String: VariableValue]), stop(Terminal.Line) }

    func show() {
        let node = task.node
        terminal.line()
        terminal.line(terminal.bold("▶ \(node.displayName)") + " " + terminal.dim("(\(node.id), \(task.reason))"))
        var who: [String] = []
        if let a = task.assignee { who.append("assignee: \(a)") }
        if let g = task.candidateGroups { who.append("candidate groups: \(g)") }
        if let u = task.candidateUsers { who.append("candidate users: \(u)") }
        if !who.isEmpty { terminal.line("  " + terminal.dim(who.joined(separator: " · "))) }
        if let doc = node.documentation, !doc.isEmpty {
            for l in doc.split(separator: "\n", omittingEmptySubsequences: false) { terminal.line("  " + l) }
        }
        if let key = task.form?.formKey, task.form?.fields.isEmpty != false {
            terminal.line("  " + terminal.dim("form key \(key): enter the form's variables below"))
        }
    }

    func collect() -> Outcome {
        if let form = task.form, !form.fields.isEmpty { return collectForm(form) }
        if let result = task.resultVariable { return collectResultVariable(result) }
        return collectFreeVariables()
    }

    private func collectForm(_ form: FormSpec) -> Outcome {
        var values: [String: VariableValue] = [:]
        let visible = run.variables(visibleTo: task.token)
        for field in form.fields {
            let existing = visible[field.id]
            var offered = existing
            if offered == nil, let def = field.defaultValue {
                offered = try? FormValueConverter.convert(run.resolveDefault(def, token: task.token), for: field)
            }
            if field.constraint("readonly") != nil {
                let shown = offered.map { FormValueConverter.display($0, for: field) } ?? "(empty)"
                terminal.line("  \(field.displayLabel) " + terminal.dim("[\(field.id), read-only]") + ": \(shown)")
                continue
            }
            let unsupported = FormValidation.unsupportedConstraints(field)
            if !unsupported.isEmpty {
                terminal.line("  " + terminal.yellow("note: validator(s) \(unsupported.joined(separator: ", ")) of '\(field.id)' cannot run here and are not checked"))
            }
            switch FormFieldPrompt(terminal: terminal, field: field, offered: offered, existing: existing).ask() {
            case .value(let v):
                if let v { values[field.id] = v }
            case .stop(let line):
                return .stop(line)
            }
        }
        return .complete(values)
    }

    private func collectResultVariable(_ name: String) -> Outcome {
        terminal.line("  " + terminal.dim("enter the result the task would produce (JSON, or plain text for a string)"))
        switch terminal.ask("  \(terminal.bold(name)): ") {
        case .text(let text):
            return .complete(text.isEmpty ? [:] : [name: VariableParsing.value(from: text)])
        case let other:
            return .stop(other)
        }
    }

    private func collectFreeVariables() -> Outcome {
        terminal.line("  " + terminal.dim("enter variables as name=value (value as JSON or plain text), an empty line to complete the task"))
        var values: [String: VariableValue] = [:]
        while true {
            switch terminal.ask("  variable: ") {
            case .text(let text):
                if text.trimmingCharacters(in: .whitespaces).isEmpty { return .complete(values) }
                do {
                    let (name, value) = try VariableParsing.assignment(text)
                    values[name] = value
                } catch {
                    terminal.line("  " + terminal.red("✗ \(error)"))
                }
            case let other:
                return .stop(other)
            }
        }
    }
}

/// Picks one of several waiting tasks (after a parallel split).
struct TaskPicker {
    let terminal: Terminal

    enum Outcome { case task(WaitingTask), stop(Terminal.Line) }

    func pick(from tasks: [WaitingTask]) -> Outcome {
        terminal.line()
        terminal.line(terminal.bold("\(tasks.count) tasks are waiting:"))
        for (i, t) in tasks.enumerated() {
            terminal.line("  \(i + 1)) \(t.node.displayName) " + terminal.dim("(\(t.node.id), \(t.reason))"))
        }
        while true {
            switch terminal.ask("Work on which task? (1-\(tasks.count), default 1): ") {
            case .text(let text):
                let t = text.trimmingCharacters(in: .whitespaces)
                if t.isEmpty { return .task(tasks[0]) }
                if let n = Int(t), n >= 1, n <= tasks.count { return .task(tasks[n - 1]) }
                if let match = tasks.first(where: { $0.node.id == t }) { return .task(match) }
                terminal.line("  " + terminal.red("✗ enter a number from 1 to \(tasks.count)"))
            case let other:
                return .stop(other)
            }
        }
    }
}
