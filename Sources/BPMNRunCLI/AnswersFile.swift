import BPMNModel
import Foundation

/// An answers file drives a run without a human:
/// `{"process": "id", "variables": {...}, "steps": [{"complete": "taskId", "variables": {...}}, ...]}`.
/// Steps are consumed in order.
struct AnswersFile {
    enum Step {
        case complete(task: String, variables: [String: VariableValue])
    }

    var path: String
    var process: String?
    var variables: [String: VariableValue]
    var steps: [Step]

    struct Invalid: Error, CustomStringConvertible {
        let path: String
        let message: String
        var description: String { "\(path): \(message)" }
    }

    static func load(path: String) throws -> AnswersFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Invalid(path: path, message: "cannot read the answers file")
        }
        let root: VariableValue
        do {
            root = try JSONText.decode(String(decoding: data, as: UTF8.self))
        } catch let e as JSONText.SyntaxError {
            // FILE:LINE:COL, the form editors and the BPMN loader use.
            throw Invalid(path: "\(path):\(e.line):\(e.column)", message: "not valid JSON: \(e.message)")
        }
        guard case .object(let top) = root else { throw Invalid(path: path, message: "the answers file must be a JSON object") }
        for key in top.keys where !["process", "variables", "steps"].contains(key) && !key.hasPrefix("_") {
            throw Invalid(path: path, message: "unknown key '\(key)'; an answers file has \"process\", \"variables\" and \"steps\"")
        }
        var answers = AnswersFile(path: path, process: nil, variables: [:], steps: [])
        switch top["process"] {
        case nil, .null?: break
        case .string(let p)?: answers.process = p
        default: throw Invalid(path: path, message: "\"process\" must be a string (a process id)")
        }
        switch top["variables"] {
        case nil, .null?: break
        case .object(let v)?: answers.variables = v
        default: throw Invalid(path: path, message: "\"variables\" must be an object of start variables")
        }
        switch top["steps"] {
        case nil, .null?: break
        case .array(let items)?:
            for (i, item) in items.enumerated() {
                answers.steps.append(try parseStep(item, number: i + 1, path: path))
            }
        default: throw Invalid(path: path, message: "\"steps\" must be an array")
        }
        return answers
    }

    private static func parseStep(_ item: VariableValue, number: Int, path: String) throws -> Step {
        guard case .object(let step) = item else { throw Invalid(path: path, message: "step \(number) must be a JSON object") }
        if case .string(let task)? = step["complete"] {
            var variables: [String: VariableValue] = [:]
            switch step["variables"] {
            case nil, .null?: break
            case .object(let v)?: variables = v
            default: throw Invalid(path: path, message: "step \(number): \"variables\" must be an object")
            }
            return .complete(task: task, variables: variables)
        }
        let kinds = step.keys.filter { !$0.hasPrefix("_") }.sorted().joined(separator: ", ")
        if step.keys.contains(where: { ["message", "signal", "timer", "advance", "error", "set"].contains($0) }) {
            throw Invalid(path: path, message: "step \(number) (\(kinds)): message, signal, timer and error steps are not supported yet; use {\"complete\": \"<task id>\", \"variables\": {...}}")
        }
        throw Invalid(path: path, message: "step \(number) (\(kinds)) is not a step bpmnrun knows; use {\"complete\": \"<task id>\", \"variables\": {...}}")
    }
}
