import BPMNModel
import Foundation

/// How a run stands. The raw values are the trace's `status` strings.
public enum RunStatus: String, Codable, Sendable {
    case notStarted
    case running
    case waiting
    case completed
    case failed
    case terminated
    case interrupted

    public var hasEnded: Bool { self == .completed || self == .terminated || self == .failed }
}

/// The error that stopped a run (an incident in Camunda's terms).
public struct RunError: Error, Codable, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// The BPMN element id where it happened, if any.
    public var element: String?
    /// Line and column of that element in the file.
    public var line: Int?
    public var column: Int?

    public init(message: String, element: String? = nil, location: SourceLocation? = nil) {
        self.message = message
        self.element = element
        if let location, location.line > 0 {
            self.line = location.line
            self.column = location.column
        }
    }

    public var description: String { message }
}

/// Everything about a running instance that is not in the diagram: plain Codable values, so a run
/// can be saved and resumed.
public struct InstanceState: Codable, Sendable {
    public var processId: String
    public var status: RunStatus
    public var error: RunError?
    public var tokens: [Int: Token]
    public var scopes: [Int: ScopeInstance]
    public var nextTokenId: Int
    public var nextScopeId: Int
    /// Messages, signals, timers and conditions that tokens and scopes wait for.
    public var subscriptions: [Int: EventSubscription]
    public var nextSubscriptionId: Int
    /// The processes tokens run in: index 0 is the started one, others were reached through call
    /// activities ("file#processId"), so a saved run can load them again.
    public var processKeys: [String]
    /// Listeners that cannot run here (Java classes) already reported in the trace, by element and event.
    public var reportedListeners: Set<String>
    /// Sequence number of the last trace event written.
    public var seq: Int
    /// The run's clock: seconds since 1970, and whether it follows the wall clock.
    public var clock: Double
    public var clockIsVirtual: Bool

    public init(processId: String, clock: Double, clockIsVirtual: Bool) {
        self.processId = processId
        self.status = .notStarted
        self.error = nil
        self.tokens = [:]
        self.scopes = [:]
        self.nextTokenId = 1
        self.nextScopeId = 1
        self.subscriptions = [:]
        self.nextSubscriptionId = 1
        self.processKeys = []
        self.reportedListeners = []
        self.seq = 0
        self.clock = clock
        self.clockIsVirtual = clockIsVirtual
    }

    /// The process instance's own variables.
    public var processVariables: [String: VariableValue] { scopes[1]?.variables ?? [:] }
}
