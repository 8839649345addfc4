import BPMNModel
import Foundation

/// Optional extras an `ExpressionContext` can provide to JUEL. Everything has a default, so a
/// context opts in by declaring conformance and implementing only what it knows; contexts that
/// don't conform get the defaults (local variables = visible variables, wall-clock time, no user).
public protocol ExtendedExpressionContext: ExpressionContext {
    /// `execution.getVariableLocal(name)`: a variable of the current execution's own scope only.
    func localVariable(_ name: String) -> VariableValue?
    /// `execution.getVariablesLocal()`.
    func localVariables() -> [String: VariableValue]
    /// The `now()` / `dateTime()` functions (the engine's clock; may be simulated).
    var currentTime: Date { get }
    /// The `authenticatedUserId` identifier and `currentUser()`.
    var authenticatedUserId: String? { get }
    /// `currentUserGroups()`.
    var authenticatedGroupIds: [String]? { get }
}

extension ExtendedExpressionContext {
    public func localVariable(_ name: String) -> VariableValue? { variable(name) }
    public func localVariables() -> [String: VariableValue] { visibleVariables() }
    public var currentTime: Date { Date() }
    public var authenticatedUserId: String? { nil }
    public var authenticatedGroupIds: [String]? { nil }
}

extension ExpressionError {
    /// Camunda raises these from a PropertyNotFoundException (unknown variable, null base of a
    /// method call); conditional events treat such a condition as `false` (`tryEvaluate`).
    public var isUnknownProperty: Bool { message.hasPrefix("Unknown property used in expression: ") }
    /// Raised from a MethodNotFoundException.
    public var isUnknownMethod: Bool { message.hasPrefix("Unknown method used in expression: ") }
}
