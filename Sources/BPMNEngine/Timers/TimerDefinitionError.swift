/// Why a timer definition (`timeDate`, `timeDuration`, `timeCycle`) cannot be used.
///
/// Camunda 7 reports these as `ProcessEngineException`s ("Exception while parsing cycle expression",
/// "Exception while resolving duedate") wrapping a terse parser message. Here `message` says what is wrong
/// with the text and shows a valid example, so a user can fix the diagram; the engine prefixes the element id
/// and file location.
public struct TimerDefinitionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text that was parsed (after `${...}` substitution and trimming).
    public let text: String
    /// What is wrong and what a valid value looks like.
    public let message: String

    public init(text: String, message: String) {
        self.text = text
        self.message = message
    }

    public var description: String { message }
}
