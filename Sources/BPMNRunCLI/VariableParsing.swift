import BPMNModel

/// `--var name=value` and typed `name=value` lines: the value is JSON when it parses as JSON,
/// else a plain string.
enum VariableParsing {
    struct Invalid: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static func value(from text: String) -> VariableValue {
        (try? JSONText.decode(text)) ?? .string(text)
    }

    static func assignment(_ text: String) throws -> (String, VariableValue) {
        guard let eq = text.firstIndex(of: "=") else {
            throw Invalid(message: "'\(text)' is not name=value")
        }
        let name = text[..<eq].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw Invalid(message: "'\(text)' has no variable name before '='") }
        return (name, value(from: String(text[text.index(after: eq)...])))
    }
}
