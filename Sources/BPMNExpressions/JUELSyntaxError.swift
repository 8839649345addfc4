/// A JUEL expression that cannot be parsed. Raised at load time by `JUELExpression(parsing:)`.
///
/// `message` follows JUEL's own wording (`syntax error at position 7, encountered '}', expected ...`
/// or `lexical error at position 2, encountered unterminated string, expected '`), `offset` is the
/// 0-based UTF-16 offset of the offending token inside `expression` (the unit Java/Camunda count in),
/// and `column` the same position 1-based.
public struct JUELSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public let expression: String
    public let offset: Int

    public init(message: String, expression: String, offset: Int) {
        self.message = message
        self.expression = expression
        self.offset = offset
    }

    /// 1-based column of the error inside `expression`.
    public var column: Int { offset + 1 }

    /// Camunda's wording for a failed expression build: `Error parsing '<expr>': <message>`.
    public var description: String { "Error parsing '\(expression)': \(message)" }
}
