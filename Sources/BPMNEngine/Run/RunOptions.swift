import Foundation

/// What a run does with service tasks whose implementation is Java code or an external worker.
public enum ServiceTaskMode: String, Sendable, CaseIterable {
    /// Wait like a user task: the user completes it by entering its result variables.
    case wait
    /// Complete at once with no result (recorded in the trace as `serviceSkipped`).
    case skip
}

public struct RunOptions: Sendable {
    public var serviceTasks: ServiceTaskMode = .wait
    /// Seconds a single script may run before it is stopped.
    public var scriptTimeout: Double = 5
    /// Fixes the run's clock (reproducible traces); nil follows the wall clock.
    public var startTime: Date?
    /// Checked between steps; returning true stops the run as `interrupted`.
    public var shouldInterrupt: @Sendable () -> Bool = { false }

    public init() {}
}
