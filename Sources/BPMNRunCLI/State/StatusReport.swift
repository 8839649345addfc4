import BPMNEngine
import BPMNModel
import Foundation

/// What `bpmnrun status` shows about a saved run, as text or as JSON.
struct StatusReport {
    let saved: SavedRun

    private var variables: [String: VariableValue] { saved.instance.processVariables.isEmpty && saved.instance.status == .notStarted
        ? saved.startVariables : saved.instance.processVariables }

    var json: VariableValue {
        let i = saved.instance
        var o: [String: VariableValue] = [
            "status": .string(i.status.rawValue),
            "diagram": .string(saved.diagram.path),
            "process": .string(saved.options.process),
            "savedAt": .string(saved.savedAt),
            "clock": .string(DateFormats.iso8601String(Date(timeIntervalSince1970: i.clock))),
            "traceEvents": .integer(Int64(saved.traceJournal.events)),
            "lastSeq": .integer(Int64(i.seq)),
            "variables": .object(variables),
            "pending": .array(saved.pending),
            "waiting": .array(saved.waiting.map { w in
                var t: [String: VariableValue] = ["element": .string(w.element), "reason": .string(w.reason), "token": .integer(Int64(w.token)),
                                                  "fields": .array(w.fields.map { f in
                                                      var field: [String: VariableValue] = ["id": .string(f.id), "type": .string(f.type)]
                                                      if let label = f.label { field["label"] = .string(label) }
                                                      return .object(field)
                                                  })]
                if let name = w.name { t["name"] = .string(name) }
                if let a = w.assignee { t["assignee"] = .string(a) }
                if let k = w.formKey { t["formKey"] = .string(k) }
                return .object(t)
            }),
        ]
        if let answers = saved.answers {
            o["answers"] = .object(["path": .string(answers.path), "consumed": .integer(Int64(answers.consumed))])
        }
        if let error = i.error { o["error"] = .string(error.message) }
        return .object(o)
    }

    var text: String {
        let i = saved.instance
        var lines: [String] = []
        lines.append("\(saved.diagram.path) · process \(saved.options.process) · \(i.status.rawValue)")
        lines.append("  saved \(saved.savedAt), clock \(DateFormats.iso8601String(Date(timeIntervalSince1970: i.clock))), \(saved.traceJournal.events) trace events")
        if let error = i.error { lines.append("  error: \(error.message)") }
        if let answers = saved.answers { lines.append("  answers: \(answers.consumed) step\(answers.consumed == 1 ? "" : "s") of \(answers.path) applied") }
        if !saved.waiting.isEmpty {
            lines.append("Waiting tasks:")
            for w in saved.waiting {
                lines.append("  \(w.name.map { "\($0) " } ?? "")(\(w.element)): \(w.reason)" + (w.assignee.map { ", assignee \($0)" } ?? ""))
                if let key = w.formKey { lines.append("    form key \(key)") }
                for f in w.fields { lines.append("    field \(f.id) (\(f.type))" + (f.label.map { ": \($0)" } ?? "")) }
            }
        }
        if !saved.pending.isEmpty {
            lines.append("Pending events:")
            for case .object(let p) in saved.pending {
                let kind = p["kind"]?.stringValue ?? "?", name = p["name"]?.stringValue ?? "?", element = p["element"]?.stringValue ?? "?"
                lines.append("  \(kind) '\(name)' at \(element)" + (p["due"]?.stringValue.map { ", due \($0)" } ?? ""))
            }
        }
        let joined = saved.instance.tokens.values.filter { $0.state == .joined }.count
        if joined > 0 { lines.append("  \(joined) token\(joined == 1 ? "" : "s") waiting at joining gateways") }
        if saved.waiting.isEmpty && saved.pending.isEmpty && !i.status.hasEnded && i.status != .notStarted {
            lines.append("Nothing waits for input.")
        }
        if !variables.isEmpty {
            lines.append("Variables:")
            for name in variables.keys.sorted() { lines.append("  \(name) = \(JSONText.encode(variables[name]!))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
