/// Where an element starts in its file (1-based line and column, as libxml2 reports them).
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let unknown = SourceLocation(line: 0, column: 0)

    public var description: String { "\(line):\(column)" }
}

/// An expression or condition exactly as written in the diagram, with the language it was declared
/// in (`language` attribute of a formal expression, if any). Compiled by the expression layer.
public struct ExpressionSpec: Hashable, Sendable {
    public var text: String
    public var language: String?
    public var location: SourceLocation

    public init(text: String, language: String? = nil, location: SourceLocation = .unknown) {
        self.text = text
        self.language = language
        self.location = location
    }
}
