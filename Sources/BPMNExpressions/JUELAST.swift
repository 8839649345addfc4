import BPMNModel

/// The parsed form of an expression; evaluation is a walk over this tree.
indirect enum JUELNode: Sendable {
    /// Literal text of a composite expression (escapes already processed).
    case text(String)
    /// Text and evals mixed: evaluated to the concatenation of each part coerced to String.
    case composite([JUELNode])
    /// `true`, `false`, `null`, a Long, a Double or a String literal.
    case literal(VariableValue)
    /// A top-level name resolved against the process variables.
    case identifier(String)
    /// The `execution` identifier (resolved before variables, as Camunda's VariableScopeElResolver does).
    case execution
    /// The `authenticatedUserId` identifier.
    case authenticatedUserId
    case unary(JUELUnaryOperator, JUELNode)
    case binary(JUELBinaryOperator, JUELNode, JUELNode)
    case and(JUELNode, JUELNode)
    case or(JUELNode, JUELNode)
    case choice(JUELNode, JUELNode, JUELNode)
    /// Parentheses; kept so error texts can name the base expression the way JUEL does.
    case nested(JUELNode)
    /// `base.name`
    case dot(JUELNode, String)
    /// `base[expr]`
    case bracket(JUELNode, JUELNode)
    /// `base.name(args)` or `base[expr](args)`
    case method(JUELNode, JUELMethodName, [JUELNode])
    /// `f(args)`: one of the functions Camunda registers.
    case function(JUELFunction, [JUELNode])
}

enum JUELMethodName: Sendable {
    case fixed(String)
    case computed(JUELNode)
}

enum JUELUnaryOperator: Sendable {
    case negate, not, empty
}

enum JUELBinaryOperator: Sendable {
    case add, sub, mul, div, mod
    case eq, ne, lt, le, gt, ge
}

/// Functions the Camunda engine registers with its expression manager.
enum JUELFunction: String, Sendable, CaseIterable {
    case now
    case dateTime
    case currentUser
    case currentUserGroups

    var parameterCount: Int { 0 }
}

extension JUELNode {
    /// JUEL's `toString` of a node, as used in "base expression '...' resolved to null".
    var juelDescription: String {
        switch self {
        case .text(let s): return "\"\(s)\""
        case .composite: return "composite"
        case .literal(let v):
            switch v {
            case .string(let s): return "\"\(s)\""
            case .null: return "null"
            default: return JUELValue.value(v).javaString
            }
        case .identifier(let name): return name
        case .execution: return "execution"
        case .authenticatedUserId: return "authenticatedUserId"
        case .unary(let op, _):
            switch op {
            case .negate: return "'-'"
            case .not: return "'!'"
            case .empty: return "'empty'"
            }
        case .binary(let op, _, _):
            switch op {
            case .add: return "'+'"
            case .sub: return "'-'"
            case .mul: return "'*'"
            case .div: return "'/'"
            case .mod: return "'%'"
            case .eq: return "'=='"
            case .ne: return "'!='"
            case .lt: return "'<'"
            case .le: return "'<='"
            case .gt: return "'>'"
            case .ge: return "'>='"
            }
        case .and: return "'&&'"
        case .or: return "'||'"
        case .choice: return "?"
        case .nested: return "(...)"
        case .dot(_, let name): return ". \(name)"
        case .bracket: return "[...]"
        case .method: return "<method>"
        case .function(let f, _): return f.rawValue
        }
    }

    /// Top-level identifiers used anywhere in the tree (not property names after a dot).
    func collectIdentifiers(into set: inout Set<String>) {
        switch self {
        case .text, .literal: break
        case .identifier(let name): set.insert(name)
        case .execution: set.insert("execution")
        case .authenticatedUserId: set.insert("authenticatedUserId")
        case .composite(let parts): for p in parts { p.collectIdentifiers(into: &set) }
        case .unary(_, let a), .nested(let a), .dot(let a, _): a.collectIdentifiers(into: &set)
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b), .bracket(let a, let b):
            a.collectIdentifiers(into: &set); b.collectIdentifiers(into: &set)
        case .choice(let a, let b, let c):
            a.collectIdentifiers(into: &set); b.collectIdentifiers(into: &set); c.collectIdentifiers(into: &set)
        case .method(let base, let name, let args):
            base.collectIdentifiers(into: &set)
            if case .computed(let n) = name { n.collectIdentifiers(into: &set) }
            for a in args { a.collectIdentifiers(into: &set) }
        case .function(_, let args): for a in args { a.collectIdentifiers(into: &set) }
        }
    }
}
