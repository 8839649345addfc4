import BPMNModel

/// What an expression or script sees of the running process: its variables and the `execution`
/// object's identity. The engine implements it over its scope tree; tests and validation use
/// `VariableMapContext`.
public protocol ExpressionContext: AnyObject {
    /// The value of a variable visible from the current execution (its own scope first, then the
    /// enclosing scopes), or nil when no visible variable has that name.
    func variable(_ name: String) -> VariableValue?
    /// `execution.setVariable`: writes where the variable already lives, else on the process instance.
    func setVariable(_ name: String, _ value: VariableValue) throws
    /// `execution.setVariableLocal`: writes on the current execution's own scope.
    func setVariableLocal(_ name: String, _ value: VariableValue) throws
    /// `execution.getVariables()`: every visible variable, inner scopes shadowing outer ones.
    func visibleVariables() -> [String: VariableValue]
    /// `execution.getCurrentActivityId()` / `getCurrentActivityName()`.
    var currentActivityId: String? { get }
    var currentActivityName: String? { get }
    /// `execution.getProcessInstanceId()`, `getProcessDefinitionId()`, `getProcessBusinessKey()`, `getId()`.
    var processInstanceId: String { get }
    var processDefinitionId: String { get }
    var businessKey: String? { get }
    var executionId: String { get }
}

/// An error raised while evaluating an expression or running a script, with Camunda-style text
/// (for example `Unknown property used in expression: ${x}. Cause: Cannot resolve identifier 'x'`).
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A flat variable map as an `ExpressionContext`: for tests, validation and conditions evaluated
/// outside a running instance.
public final class VariableMapContext: ExpressionContext {
    public var variables: [String: VariableValue]
    public var currentActivityId: String?
    public var currentActivityName: String?
    public var processInstanceId: String
    public var processDefinitionId: String
    public var businessKey: String?
    public var executionId: String

    public init(_ variables: [String: VariableValue] = [:], activityId: String? = nil) {
        self.variables = variables
        self.currentActivityId = activityId
        self.currentActivityName = nil
        self.processInstanceId = "1"
        self.processDefinitionId = "process:1"
        self.businessKey = nil
        self.executionId = "1"
    }

    public func variable(_ name: String) -> VariableValue? { variables[name] }
    public func setVariable(_ name: String, _ value: VariableValue) throws { variables[name] = value }
    public func setVariableLocal(_ name: String, _ value: VariableValue) throws { variables[name] = value }
    public func visibleVariables() -> [String: VariableValue] { variables }
}
