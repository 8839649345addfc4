import Foundation

/// An error from compiling, checking or running Python. `line`/`column` are 1-based positions
/// inside the script or expression text (not the BPMN file), when known.
public struct PythonError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// The source does not parse (`SyntaxError`, `IndentationError`, ...).
        case syntax
        /// The source uses something bpmnrun's restricted scripts refuse: an import outside the
        /// allow-list, a blocked attribute (`__class__`, `f_globals`, ...) or a dunder name.
        case restricted
        /// The script raised an exception.
        case runtime
        /// The script ran past the engine's time limit and was interrupted.
        case timeout
        /// A value cannot cross between Python and bpmnrun variables (a set, an object, a huge int).
        case unsupportedValue
        /// The embedded interpreter could not start or misbehaved.
        case interpreter
    }

    public let kind: Kind
    /// The Python exception class name (`NameError`, `ZeroDivisionError`, `SyntaxError`, ...),
    /// or nil for errors bpmnrun raises itself (value conversion, interpreter start).
    public let exceptionType: String?
    public let message: String
    public let line: Int?
    public let column: Int?
    /// The text of `line` in the source, as SpiffWorkflow's `error_line`.
    public let lineText: String?
    /// For a NameError: up to three variable names closest to the missing one, as SpiffWorkflow's
    /// `WorkflowTaskException` suggests them ("Did you mean ...?").
    public let suggestions: [String]

    public init(kind: Kind, exceptionType: String? = nil, message: String, line: Int? = nil, column: Int? = nil,
                lineText: String? = nil, suggestions: [String] = []) {
        self.kind = kind
        self.exceptionType = exceptionType
        self.message = message
        self.line = line
        self.column = column
        self.lineText = lineText
        self.suggestions = suggestions
    }

    /// `Type: message. Did you mean 'x'? (line L, column C: text)`, leaving out what is unknown.
    public var description: String {
        var text = exceptionType.map { message.isEmpty ? $0 : "\($0): \(message)" } ?? message
        switch suggestions.count {
        case 0: break
        case 1: text += ". Did you mean '\(suggestions[0])'?"
        default: text += ". Did you mean one of " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
        }
        if let line {
            var place = "line \(line)"
            if let column { place += ", column \(column)" }
            if let lineText, !lineText.trimmingCharacters(in: .whitespaces).isEmpty {
                place += ": \(lineText.trimmingCharacters(in: .whitespaces))"
            }
            text += " (\(place))"
        }
        return text
    }
}
