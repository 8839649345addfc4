import BPMNModel

/// A Camunda 7 JUEL value expression (`${...}` / `#{...}` mixed with literal text), parsed once
/// and evaluated any number of times.
///
/// - A single eval (`${a + 1}`) evaluates to its typed value.
/// - Text mixed with evals (`Hello ${name}!`) evaluates to the concatenation (each part coerced
///   to String as EL does: null → "").
/// - Pure literal text (no unescaped `${`/`#{`) evaluates to the text itself (`\${` unescaped).
public struct JUELExpression: Sendable {
    /// The expression as written in the diagram.
    public let text: String
    let root: JUELNode
    /// True when the text has no `${...}`/`#{...}` at all.
    public let isLiteralText: Bool
    /// Top-level identifiers the expression reads (`execution`, variable names); property and
    /// method names after a dot are not included.
    public let referencedIdentifiers: Set<String>

    /// Parses `text`; throws `JUELSyntaxError` with JUEL's message and the error's offset.
    public init(parsing text: String) throws(JUELSyntaxError) {
        self.text = text
        self.root = try JUELParser.parse(text)
        if case .text = root { isLiteralText = true } else { isLiteralText = false }
        var ids = Set<String>()
        root.collectIdentifiers(into: &ids)
        referencedIdentifiers = ids
    }

    /// Whether `text` contains an expression start (`${` or `#{`); `\${` escapes do not count.
    public static func containsExpression(_ text: String) -> Bool {
        var previous: UInt8 = 0, escaped = false
        for u in text.utf8 {
            if u == 0x7B && (previous == 0x24 || previous == 0x23) && !escaped { return true }
            if u == 0x24 || u == 0x23 {
                escaped = previous == 0x5C
            } else if u != 0x7B {
                escaped = false
            }
            previous = u
        }
        return false
    }

    /// Evaluates the expression. Errors carry Camunda's wording, e.g.
    /// `Unknown property used in expression: ${x}. Cause: Cannot resolve identifier 'x'`.
    public func evaluate(in context: ExpressionContext) throws(ExpressionError) -> VariableValue {
        let evaluator = JUELEvaluator(context: context)
        do {
            switch try evaluator.eval(root) {
            case .value(let v): return v
            case .execution: return .string(evaluator.string(.execution))
            }
        } catch {
            throw wrap(error)
        }
    }

    /// Evaluates the expression as a sequence-flow / conditional condition with Camunda's rules
    /// (UelExpressionCondition): the result must be a Boolean — no coercion; null and any other
    /// type are errors.
    public func evaluateCondition(in context: ExpressionContext) throws(ExpressionError) -> Bool {
        switch try evaluate(in: context) {
        case .boolean(let b):
            return b
        case .null:
            throw ExpressionError("condition expression returns null: result is null")
        case let other:
            let className = JUELValue.value(other).javaClassName
            throw ExpressionError("condition expression returns non-Boolean: result has class \(className) and not java.lang.Boolean")
        }
    }

    /// Camunda's `tryEvaluate` (conditional events): like `evaluateCondition`, but an unknown
    /// property (e.g. a variable that does not exist yet) makes the condition false.
    public func tryEvaluateCondition(in context: ExpressionContext) throws(ExpressionError) -> Bool {
        do {
            return try evaluateCondition(in: context)
        } catch where error.isUnknownProperty {
            return false
        }
    }

    /// JuelExpression.getValue's wrapping of EL exceptions.
    private func wrap(_ failure: JUELFailure) -> ExpressionError {
        switch failure {
        case .propertyNotFound(let m): return ExpressionError("Unknown property used in expression: \(text). Cause: \(m)")
        case .methodNotFound(let m): return ExpressionError("Unknown method used in expression: \(text). Cause: \(m)")
        case .el(let m): return ExpressionError("Error while evaluating expression: \(text). Cause: \(m)")
        case .javaException(let m): return ExpressionError(m)
        }
    }
}

extension JUELExpression: CustomStringConvertible {
    public var description: String { text }
}

/// `scriptFormat="juel"` script tasks: the script text is one composite JUEL expression whose
/// value is the script's result.
public enum JUELScript {
    /// Parses and evaluates `text`. A syntax error is reported as an `ExpressionError` carrying
    /// the parse message (Camunda fails the script the same way at execution time).
    public static func run(_ text: String, in context: ExpressionContext) throws(ExpressionError) -> VariableValue {
        let expression: JUELExpression
        do {
            expression = try JUELExpression(parsing: text)
        } catch {
            throw ExpressionError(error.description)
        }
        return try expression.evaluate(in: context)
    }

    public static func containsExpression(_ text: String) -> Bool {
        JUELExpression.containsExpression(text)
    }
}
