import BPMNEngine
import BPMNModel

/// An answers step's `"where"`: picks one of several waiting tasks with the same id (parallel
/// multi-instance, a task reached twice) by its resolved name, its assignee or its multi-instance
/// `loopCounter`, as a Camunda test picks a task from a task query.
struct TaskSelector {
    struct Invalid: Error { let message: String }

    var name: String?
    var assignee: String?
    var loopCounter: Int64?

    init() {}

    init(_ conditions: [String: VariableValue]) throws {
        for (key, value) in conditions {
            switch (key, value) {
            case ("name", .string(let s)): name = s
            case ("assignee", .string(let s)): assignee = s
            case ("loopCounter", .integer(let i)): loopCounter = i
            case ("loopCounter", .double(let d)) where d == d.rounded(): loopCounter = Int64(d)
            case ("name", _), ("assignee", _):
                throw Invalid(message: "\"\(key)\" must be a string")
            case ("loopCounter", _):
                throw Invalid(message: "\"loopCounter\" must be a whole number")
            default:
                throw Invalid(message: "unknown key '\(key)'; a task is chosen by \"name\", \"assignee\" or \"loopCounter\"")
            }
        }
    }

    var isEmpty: Bool { name == nil && assignee == nil && loopCounter == nil }

    func matches(_ task: WaitingTask, in run: ProcessRun) -> Bool {
        if let name, task.name != name { return false }
        if let assignee, task.assignee != assignee { return false }
        if let loopCounter {
            guard let value = run.variables(visibleTo: task.token)["loopCounter"], value.doubleValue == Double(loopCounter) else {
                return false
            }
        }
        return true
    }

    var description: String {
        var parts: [String] = []
        if let name { parts.append("name '\(name)'") }
        if let assignee { parts.append("assignee '\(assignee)'") }
        if let loopCounter { parts.append("loopCounter \(loopCounter)") }
        return parts.joined(separator: ", ")
    }
}
