import BPMNModel

/// A reason a diagram cannot run, found before it starts: named by file, line, element and what to do.
public struct LoadDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation
    public var elementId: String?
    public var message: String

    public init(file: String, location: SourceLocation, elementId: String?, message: String) {
        self.file = file
        self.location = location
        self.elementId = elementId
        self.message = message
    }

    public var description: String {
        let place = location.line > 0 ? "\(file):\(location.line):\(location.column)" : file
        return "\(place): error: \(message)" + (elementId.map { " (\($0))" } ?? "")
    }
}

/// All the problems that keep a diagram from running.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [LoadDiagnostic]
    public init(_ diagnostics: [LoadDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
