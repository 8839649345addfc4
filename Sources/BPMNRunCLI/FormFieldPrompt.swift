import BPMNEngine
import BPMNModel

/// Asks for one form field on the terminal: label, type and default shown; enums as a numbered
/// menu; booleans as yes/no; dates in the field's pattern. Re-asks until the value converts and
/// passes the field's constraints.
struct FormFieldPrompt {
    let terminal: Terminal
    let field: FormField
    /// The value offered when the user just presses Enter: the variable's current value, else the
    /// field's default.
    let offered: VariableValue?
    let existing: VariableValue?

    enum Outcome { case value(VariableValue?), stop(Terminal.Line) }

    func ask() -> Outcome {
        let type = field.fieldType
        if type == .enumeration {
            terminal.line("  \(terminal.bold(field.displayLabel)) \(terminal.dim("[\(field.id), enum]"))")
            for (i, entry) in field.enumValues.enumerated() {
                terminal.line("    \(i + 1)) \(entry.value ?? entry.name) \(terminal.dim("[\(entry.name)]"))")
            }
        }
        while true {
            switch terminal.ask(promptText(type)) {
            case .text(let text):
                do {
                    var value = try FormValueConverter.parse(text: text, for: field)
                    if value == nil, let offered { value = try FormValueConverter.convert(offered, for: field) }
                    try FormValidation.validate(field, submitted: value, existing: existing)
                    return .value(value)
                } catch {
                    terminal.line("  " + terminal.red("✗ \(error)"))
                }
            case let other:
                return .stop(other)
            }
        }
    }

    private func promptText(_ type: FormFieldType) -> String {
        var hints: [String] = []
        switch type {
        case .boolean: hints.append("y/n")
        case .date: hints.append(field.effectiveDatePattern)
        case .enumeration: hints.append("1-\(field.enumValues.count)")
        case .long: hints.append("whole number")
        default: break
        }
        for c in field.constraints where c.name != "readonly" {
            hints.append(c.value.map { "\(c.name) \($0)" } ?? c.name)
        }
        var text = "  "
        if type != .enumeration {
            text += terminal.bold(field.displayLabel) + " " + terminal.dim("[\(field.id), \(type.name)]")
        } else {
            text += "Choice"
        }
        if !hints.isEmpty { text += " " + terminal.dim("(" + hints.joined(separator: ", ") + ")") }
        if let offered, !offered.isNull {
            var shown = FormValueConverter.display(offered, for: field)
            if type == .boolean, case .boolean(let b) = offered { shown = b ? "yes" : "no" }
            if type == .enumeration, case .string(let id) = offered,
               let i = field.enumValues.firstIndex(where: { $0.name == id }) { shown = "\(i + 1) \(id)" }
            text += " " + terminal.cyan("default: \(shown)")
        }
        return text + ": "
    }
}
