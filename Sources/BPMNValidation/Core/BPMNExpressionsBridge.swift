import BPMNExpressions

/// The JUEL parser, as the rules use it.
enum BPMNExpressionsBridge {
    static func containsExpression(_ s: String) -> Bool { JUELExpression.containsExpression(s) }

    /// Functions the Camunda Spin plugin (part of the standard distributions) adds to JUEL.
    static let spinFunctions: Set<String> = ["S", "XML", "JSON"]

    /// nil when `text` parses, else the error. Calls of Spin's functions are accepted (bpmnrun's
    /// JUEL does not provide them, Camunda with Spin does).
    static func syntaxError(_ text: String) -> JUELSyntaxError? {
        do {
            _ = try JUELExpression(parsing: text)
            return nil
        } catch {
            let prefix = "Could not resolve function '"
            if error.message.hasPrefix(prefix) {
                let name = error.message.dropFirst(prefix.count).prefix { $0 != "'" }
                if spinFunctions.contains(String(name)) { return nil }
            }
            return error
        }
    }
}
