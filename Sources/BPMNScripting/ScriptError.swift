/// An error from checking or running a script. `line`/`column` are 1-based positions inside the
/// script source (not the BPMN file) when JavaScriptCore reports them.
public struct ScriptError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The source does not parse.
        case syntax
        /// The script threw (JS exceptions, including stack-overflow `RangeError`s), or a value it
        /// produced cannot be turned into a process variable.
        case runtime
        /// The script ran longer than the engine's time limit (or grew memory past its limit).
        case timeout
        /// The script needs something this engine does not provide.
        case unsupported
    }

    public let kind: Kind
    public let message: String
    public let line: Int?
    public let column: Int?

    public init(kind: Kind, message: String, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
    }

    /// `message` followed by ` (line L, column C)` when known.
    public var description: String {
        switch (line, column) {
        case let (l?, c?): return "\(message) (line \(l), column \(c))"
        case let (l?, nil): return "\(message) (line \(l))"
        default: return message
        }
    }
}
