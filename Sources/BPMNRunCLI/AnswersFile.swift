import BPMNEngine
import BPMNModel
import Foundation

/// An answers file drives a run without a human:
/// `{"process": "id", "variables": {...}, "steps": [{"complete": "taskId", "variables": {...}}, ...]}`.
/// Steps are consumed in order. Besides completing tasks, a step can deliver a message, broadcast
/// a signal, fire the next timer, advance the clock, throw a BPMN error from a waiting task or set
/// variables from outside.
struct AnswersFile {
    enum Step {
        case complete(task: String, variables: [String: VariableValue], where: TaskSelector)
        case message(name: String, variables: [String: VariableValue])
        /// Spiff dialect: a message carrying one value of any type, stored under `resultVariable`
        /// (else `<catching id>_Response`), as a SpiffWorkflow application sends one.
        case messagePayload(name: String, payload: VariableValue, resultVariable: String?)
        case signal(name: String, variables: [String: VariableValue])
        case nextTimer
        case advance(duration: String, seconds: Double)
        case error(task: String, code: String, message: String?)
        case set(variables: [String: VariableValue])
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

    static let stepKinds = """
        {"complete": "<task id>", "variables": {...}, "where": {"name"|"assignee"|"loopCounter": ...}}, {"message": "<name>", "variables": {...}}, \
        {"message": "<name>", "payload": <any value>, "resultVariable": "<name>"} (spiff dialect), \
        {"signal": "<name>"}, {"timer": "next"}, {"advance": "PT2H"}, {"error": "<task id>", "code": "<errorCode>"}, \
        {"set": {...}}
        """

    private static func parseStep(_ item: VariableValue, number: Int, path: String) throws -> Step {
        guard case .object(let step) = item else { throw Invalid(path: path, message: "step \(number) must be a JSON object") }
        func variables() throws -> [String: VariableValue] {
            switch step["variables"] {
            case nil, .null?: return [:]
            case .object(let v)?: return v
            default: throw Invalid(path: path, message: "step \(number): \"variables\" must be an object")
            }
        }
        func string(_ key: String) throws -> String {
            guard case .string(let s)? = step[key], !s.isEmpty else {
                throw Invalid(path: path, message: "step \(number): \"\(key)\" must be a non-empty string")
            }
            return s
        }
        let kinds = ["complete", "message", "signal", "timer", "advance", "error", "set"].filter { step[$0] != nil }
        guard kinds.count == 1 else {
            let found = step.keys.filter { !$0.hasPrefix("_") }.sorted().joined(separator: ", ")
            let what = kinds.isEmpty ? "is not a step bpmnrun knows" : "has more than one kind (\(kinds.joined(separator: ", ")))"
            throw Invalid(path: path, message: "step \(number) (\(found)) \(what); a step is one of \(stepKinds)")
        }
        switch kinds[0] {
        case "complete":
            var selector = TaskSelector()
            switch step["where"] {
            case nil, .null?: break
            case .object(let conditions)?:
                do { selector = try TaskSelector(conditions) } catch let e as TaskSelector.Invalid {
                    throw Invalid(path: path, message: "step \(number): \"where\": \(e.message)")
                }
            default: throw Invalid(path: path, message: "step \(number): \"where\" must be an object such as {\"name\": \"Review 2\"}")
            }
            return .complete(task: try string("complete"), variables: try variables(), where: selector)
        case "message":
            guard step["payload"] != nil || step["resultVariable"] != nil else {
                return .message(name: try string("message"), variables: try variables())
            }
            guard step["variables"] == nil else {
                throw Invalid(path: path, message: "step \(number): a message has \"variables\" or a \"payload\", not both")
            }
            var resultVariable: String?
            if step["resultVariable"] != nil { resultVariable = try string("resultVariable") }
            return .messagePayload(name: try string("message"), payload: step["payload"] ?? .null, resultVariable: resultVariable)
        case "signal":
            return .signal(name: try string("signal"), variables: try variables())
        case "timer":
            guard case .string("next")? = step["timer"] else {
                throw Invalid(path: path, message: "step \(number): \"timer\" takes \"next\" (fire the timer due soonest); use {\"advance\": \"PT2H\"} to move the clock")
            }
            return .nextTimer
        case "advance":
            let text = try string("advance")
            do {
                let seconds = try ISODuration.parse(text).secondsFromEpoch
                guard seconds >= 0 else { throw Invalid(path: path, message: "step \(number): the clock cannot go back (\(text))") }
                return .advance(duration: text, seconds: seconds)
            } catch let e as TimerDefinitionError {
                throw Invalid(path: path, message: "step \(number): \"advance\": \(e.message)")
            }
        case "error":
            var message: String?
            if case .string(let m)? = step["message"] { message = m }
            return .error(task: try string("error"), code: try string("code"), message: message)
        default:
            guard case .object(let vars)? = step["set"] else {
                throw Invalid(path: path, message: "step \(number): \"set\" must be an object of variables")
            }
            return .set(variables: vars)
        }
    }
}
