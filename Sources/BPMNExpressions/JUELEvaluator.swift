import BPMNModel
import Foundation

/// Tree-walking evaluation of a parsed JUEL expression against an `ExpressionContext`.
struct JUELEvaluator {
    let context: ExpressionContext

    func eval(_ node: JUELNode) throws(JUELFailure) -> JUELValue {
        switch node {
        case .literal(let v):
            return .value(v)
        case .identifier(let name):
            guard let v = context.variable(name) else {
                throw .propertyNotFound("Cannot resolve identifier '\(name)'")
            }
            return .value(v)
        case .binary(let op, let l, let r):
            let a = try eval(l)
            let b = try eval(r)
            switch op {
            case .lt: return .value(.boolean(try JUELOperators.lessThan(a, b)))
            case .le: return .value(.boolean(try JUELOperators.lessOrEqual(a, b)))
            case .gt: return .value(.boolean(try JUELOperators.greaterThan(a, b)))
            case .ge: return .value(.boolean(try JUELOperators.greaterOrEqual(a, b)))
            case .eq: return .value(.boolean(try JUELOperators.equals(a, b)))
            case .ne: return .value(.boolean(!(try JUELOperators.equals(a, b))))
            case .add: return try JUELOperators.add(a, b)
            case .sub: return try JUELOperators.sub(a, b)
            case .mul: return try JUELOperators.mul(a, b)
            case .div: return try JUELOperators.div(a, b)
            case .mod: return try JUELOperators.mod(a, b)
            }
        case .and(let l, let r):
            guard try JUELCoerce.toBoolean(eval(l)) else { return .value(.boolean(false)) }
            return .value(.boolean(try JUELCoerce.toBoolean(eval(r))))
        case .or(let l, let r):
            if try JUELCoerce.toBoolean(eval(l)) { return .value(.boolean(true)) }
            return .value(.boolean(try JUELCoerce.toBoolean(eval(r))))
        case .unary(let op, let child):
            let v = try eval(child)
            switch op {
            case .not: return .value(.boolean(!(try JUELCoerce.toBoolean(v))))
            case .negate: return try JUELOperators.negate(v)
            case .empty: return .value(.boolean(JUELOperators.isEmpty(v)))
            }
        case .choice(let q, let yes, let no):
            return try JUELCoerce.toBoolean(eval(q)) ? eval(yes) : eval(no)
        case .nested(let child):
            return try eval(child)
        case .execution:
            return .execution
        case .authenticatedUserId:
            return .value(JUELMembers.optional((context as? ExtendedExpressionContext)?.authenticatedUserId))
        case .dot(let baseNode, let name):
            let base = try eval(baseNode)
            if base.isNull { return .null }
            if case .value(.object(let map)) = base { return .value(map[name] ?? .null) }
            return try JUELMembers(context: context).property(of: base, .value(.string(name)))
        case .bracket(let baseNode, let propertyNode):
            let base = try eval(baseNode)
            if base.isNull { return .null }
            let property = try eval(propertyNode)
            if property.isNull { return .null }
            return try JUELMembers(context: context).property(of: base, property)
        case .method(let baseNode, let methodName, let argNodes):
            let base = try eval(baseNode)
            if base.isNull {
                throw .propertyNotFound("Target unreachable, base expression '\(baseNode.juelDescription)' resolved to null")
            }
            let name: String
            switch methodName {
            case .fixed(let n): name = n
            case .computed(let n):
                let v = try eval(n)
                if v.isNull { throw .propertyNotFound("Cannot find method 'null' in '\(string(base))'") }
                name = string(v)
            }
            var args: [JUELValue] = []
            args.reserveCapacity(argNodes.count)
            for a in argNodes { args.append(try eval(a)) }
            return try JUELMembers(context: context).invoke(base, name, args)
        case .function(let f, _):
            let extended = context as? ExtendedExpressionContext
            switch f {
            case .now, .dateTime: return .value(.date(extended?.currentTime ?? Date()))
            case .currentUser: return .value(JUELMembers.optional(extended?.authenticatedUserId))
            case .currentUserGroups:
                return .value(extended?.authenticatedGroupIds.map { .array($0.map { .string($0) }) } ?? .null)
            }
        case .text(let s):
            return .value(.string(s))
        case .composite(let parts):
            var out = ""
            for p in parts { out += string(try eval(p)) }
            return .value(.string(out))
        }
    }

    /// EL coercion to String, with the execution printed as Camunda's ExecutionEntity does.
    func string(_ v: JUELValue) -> String {
        if case .execution = v { return JUELMembers(context: context).executionDescription }
        return v.javaString
    }
}
