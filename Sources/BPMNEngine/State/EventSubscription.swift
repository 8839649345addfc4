/// Something a token (or a scope) waits for from outside: a message, a signal, a timer or a
/// condition becoming true. Plain value, saved with the state. Camunda keeps the same things as
/// event subscriptions and timer jobs.
public struct EventSubscription: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case message, signal, timer, conditional
    }

    public var id: Int
    public var kind: Kind
    /// Message or signal name (expressions resolved when the subscription was created); for
    /// timers the definition text; for conditions the condition text.
    public var name: String
    /// The process and node that catch the event: a boundary event, an intermediate catch event,
    /// a receive task, an event sub-process's start event, or a catch event after an event-based gateway.
    public var process: Int
    public var node: Int
    /// The token whose activity owns the subscription: the token at a boundary event's host
    /// activity, the token waiting at a catch event, receive task or event-based gateway. Nil for
    /// an event sub-process's start event, which belongs to `scope`.
    public var token: Int?
    /// The scope instance the subscription lives in.
    public var scope: Int
    /// Timers: when it is due next (seconds since 1970) and how often it has fired.
    public var due: Double?
    public var fired: Int
    /// Timers: when the timer was created (cycles repeat relative to it).
    public var created: Double?

    public init(id: Int, kind: Kind, name: String, process: Int, node: Int, token: Int?, scope: Int, due: Double? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.process = process
        self.node = node
        self.token = token
        self.scope = scope
        self.due = due
        self.fired = 0
        self.created = nil
    }
}
