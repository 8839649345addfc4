import Foundation

/// What a run does with service tasks whose implementation is Java code or an external worker.
public enum ServiceTaskMode: String, Sendable, CaseIterable {
    /// Wait like a user task: the user completes it by entering its result variables.
    case wait
    /// Complete at once with no result (recorded in the trace as `serviceSkipped`).
    case skip
}

/// How time passes for timers.
public enum ClockMode: String, Sendable, CaseIterable {
    /// Time stands still until a timer is fired or the clock is advanced: nothing sleeps.
    case virtual
    /// The wall clock: timers fire when they are due in real time.
    case real
}

/// Finds the process a call activity's `calledElement` names (same file, same folder, `--lib`).
public typealias CalledProcessResolver = @Sendable (_ processId: String, _ callerFile: String) throws -> ExecutableProcess

public struct RunOptions: Sendable {
    public var serviceTasks: ServiceTaskMode = .wait
    /// Seconds a single script may run before it is stopped.
    public var scriptTimeout: Double = 5
    /// The clock's start (reproducible traces); nil is the moment the run starts.
    public var startTime: Date?
    public var clock: ClockMode = .virtual
    /// Loads called processes; nil means only processes of the same file can be called.
    public var calledProcessResolver: CalledProcessResolver?
    /// Checked between steps; returning true stops the run as `interrupted`.
    public var shouldInterrupt: @Sendable () -> Bool = { false }

    public init() {}
}

/// How a process instance starts: at its none start event, or at a message or signal start event.
public enum StartTrigger: Sendable, Equatable {
    case none
    case message(String)
    case signal(String)
}
