import BPMNModel

/// Recursive-descent parser following JUEL's grammar (org.camunda.bpm.impl.juel.Parser) with its
/// precedence, associativity and error positions:
///
///     tree    := text? ((dynamic text?)+ | (deferred text?)+)?
///     expr    := or ('?' expr ':' expr)?
///     or      := and ('||' and)*          and := eq ('&&' eq)*
///     eq      := cmp (('=='|'!=') cmp)*   cmp := add (('<'|'<='|'>'|'>=') add)*
///     add     := mul (('+'|'-') mul)*     mul := unary (('*'|'/'|'%') unary)*
///     unary   := ('!'|'-'|'empty') unary | value
///     value   := (nonliteral | literal) ('.' IDENT params? | '[' expr ']' params?)*
///     nonliteral := IDENT | function | '(' expr ')'
///
/// Additionally, nesting is limited to `maxDepth` levels so hostile input cannot exhaust the stack.
struct JUELParser {
    static let maxDepth = 200

    private var scanner: JUELScanner
    private var token: JUELToken
    private var lookahead: [JUELToken] = []
    private var nesting = 0

    private typealias P = (node: JUELNode, depth: Int)

    init(_ text: String) {
        self.scanner = JUELScanner(text)
        self.token = JUELToken(symbol: .eof, image: "", size: 0, position: 0)
    }

    static func parse(_ text: String) throws(JUELSyntaxError) -> JUELNode {
        var parser = JUELParser(text)
        do {
            return try parser.tree()
        } catch {
            switch error {
            case .scan(let e): throw JUELSyntaxError(message: e.message, expression: text, offset: e.position)
            case .parse(let message, let position): throw JUELSyntaxError(message: message, expression: text, offset: position)
            }
        }
    }

    enum Failure: Error {
        case scan(JUELScanError)
        case parse(String, Int)
    }

    // MARK: token handling

    private mutating func scan() throws(Failure) -> JUELToken {
        do { return try scanner.next() } catch { throw .scan(error) }
    }

    private mutating func peek(_ index: Int) throws(Failure) -> JUELToken {
        while index >= lookahead.count { lookahead.append(try scan()) }
        return lookahead[index]
    }

    @discardableResult
    private mutating func consume() throws(Failure) -> JUELToken {
        let result = token
        if lookahead.isEmpty { token = try scan() } else { token = lookahead.removeFirst() }
        return result
    }

    @discardableResult
    private mutating func consume(_ expected: JUELSymbol) throws(Failure) -> JUELToken {
        if token.symbol != expected { throw fail(expected.expectedText) }
        return try consume()
    }

    private func fail(_ expected: String) -> Failure {
        .parse("syntax error at position \(token.position), encountered '\(token.image)', expected \(expected)", token.position)
    }

    private func checkDepth(_ depth: Int, at position: Int) throws(Failure) {
        if depth > Self.maxDepth {
            throw .parse("expression nested too deeply at position \(position) (more than \(Self.maxDepth) levels)", position)
        }
    }

    private static let exprFirst = [JUELSymbol.identifier, .string, .float, .integer, .true, .false, .null,
                                    .minus, .not, .empty, .lparen].map(\.expectedText).joined(separator: "|")

    // MARK: grammar

    mutating func tree() throws(Failure) -> JUELNode {
        try consume()
        var t = try text()
        if token.symbol == .eof { return t ?? .text("") }
        let first = try evalAny()
        if token.symbol == .eof && t == nil { return first.node }
        var list: [JUELNode] = []
        if let t { list.append(t) }
        list.append(first.node)
        t = try text()
        if let t { list.append(t) }
        while token.symbol != .eof {
            list.append(try eval(deferred: first.deferred, required: true)!)
            if let t = try text() { list.append(t) }
        }
        return .composite(list)
    }

    private mutating func text() throws(Failure) -> JUELNode? {
        guard token.symbol == .text else { return nil }
        let v = JUELNode.text(token.image)
        try consume()
        return v
    }

    private mutating func evalAny() throws(Failure) -> (node: JUELNode, deferred: Bool) {
        if let e = try eval(deferred: false, required: false) { return (e, false) }
        if let e = try eval(deferred: true, required: false) { return (e, true) }
        throw fail("\(JUELSymbol.startEvalDeferred.expectedText)|\(JUELSymbol.startEvalDynamic.expectedText)")
    }

    private mutating func eval(deferred: Bool, required: Bool) throws(Failure) -> JUELNode? {
        let start: JUELSymbol = deferred ? .startEvalDeferred : .startEvalDynamic
        if token.symbol == start {
            try consume()
            let v = try expr(required: true)!
            try consume(.endEval)
            return v.node
        }
        if required { throw fail(start.expectedText) }
        return nil
    }

    private mutating func expr(required: Bool) throws(Failure) -> P? {
        nesting += 1
        defer { nesting -= 1 }
        try checkDepth(nesting, at: token.position)
        guard let v = try or(required: required) else { return nil }
        if token.symbol == .question {
            let position = token.position
            try consume()
            let a = try expr(required: true)!
            try consume(.colon)
            let b = try expr(required: true)!
            let depth = max(v.depth, a.depth, b.depth) + 1
            try checkDepth(depth, at: position)
            return (.choice(v.node, a.node, b.node), depth)
        }
        return v
    }

    private mutating func combine(_ l: P, _ r: P, at position: Int, _ make: (JUELNode, JUELNode) -> JUELNode) throws(Failure) -> P {
        let depth = max(l.depth, r.depth) + 1
        try checkDepth(depth, at: position)
        return (make(l.node, r.node), depth)
    }

    private mutating func or(required: Bool) throws(Failure) -> P? {
        guard var v = try and(required: required) else { return nil }
        while token.symbol == .or {
            let position = token.position
            try consume()
            v = try combine(v, try and(required: true)!, at: position) { .or($0, $1) }
        }
        return v
    }

    private mutating func and(required: Bool) throws(Failure) -> P? {
        guard var v = try eq(required: required) else { return nil }
        while token.symbol == .and {
            let position = token.position
            try consume()
            v = try combine(v, try eq(required: true)!, at: position) { .and($0, $1) }
        }
        return v
    }

    private mutating func eq(required: Bool) throws(Failure) -> P? {
        guard var v = try cmp(required: required) else { return nil }
        while true {
            let op: JUELBinaryOperator
            switch token.symbol {
            case .eq: op = .eq
            case .ne: op = .ne
            default: return v
            }
            let position = token.position
            try consume()
            v = try combine(v, try cmp(required: true)!, at: position) { .binary(op, $0, $1) }
        }
    }

    private mutating func cmp(required: Bool) throws(Failure) -> P? {
        guard var v = try add(required: required) else { return nil }
        while true {
            let op: JUELBinaryOperator
            switch token.symbol {
            case .lt: op = .lt
            case .le: op = .le
            case .ge: op = .ge
            case .gt: op = .gt
            default: return v
            }
            let position = token.position
            try consume()
            v = try combine(v, try add(required: true)!, at: position) { .binary(op, $0, $1) }
        }
    }

    private mutating func add(required: Bool) throws(Failure) -> P? {
        guard var v = try mul(required: required) else { return nil }
        while true {
            let op: JUELBinaryOperator
            switch token.symbol {
            case .plus: op = .add
            case .minus: op = .sub
            default: return v
            }
            let position = token.position
            try consume()
            v = try combine(v, try mul(required: true)!, at: position) { .binary(op, $0, $1) }
        }
    }

    private mutating func mul(required: Bool) throws(Failure) -> P? {
        guard var v = try unary(required: required) else { return nil }
        while true {
            let op: JUELBinaryOperator
            switch token.symbol {
            case .mul: op = .mul
            case .div: op = .div
            case .mod: op = .mod
            default: return v
            }
            let position = token.position
            try consume()
            v = try combine(v, try unary(required: true)!, at: position) { .binary(op, $0, $1) }
        }
    }

    private mutating func unary(required: Bool) throws(Failure) -> P? {
        let op: JUELUnaryOperator
        switch token.symbol {
        case .not: op = .not
        case .minus: op = .negate
        case .empty: op = .empty
        default:
            if let v = try value() { return v }
            if required { throw fail(Self.exprFirst) }
            return nil
        }
        let position = token.position
        nesting += 1
        defer { nesting -= 1 }
        try checkDepth(nesting, at: position)
        try consume()
        let child = try unary(required: true)!
        let depth = child.depth + 1
        try checkDepth(depth, at: position)
        return (.unary(op, child.node), depth)
    }

    private mutating func value() throws(Failure) -> P? {
        var v: P
        if let n = try nonliteral() {
            v = n
        } else if let l = try literal() {
            v = (l, 1)
        } else {
            return nil
        }
        while true {
            switch token.symbol {
            case .dot:
                let position = token.position
                try consume()
                let name = try consume(.identifier).image
                if token.symbol == .lparen {
                    let (args, argDepth) = try params()
                    let depth = max(v.depth, argDepth) + 1
                    try checkDepth(depth, at: position)
                    v = (.method(v.node, .fixed(name), args), depth)
                } else {
                    let depth = v.depth + 1
                    try checkDepth(depth, at: position)
                    v = (.dot(v.node, name), depth)
                }
            case .lbrack:
                let position = token.position
                try consume()
                nesting += 1
                try checkDepth(nesting, at: position)
                let property = try expr(required: true)!
                nesting -= 1
                try consume(.rbrack)
                if token.symbol == .lparen {
                    let (args, argDepth) = try params()
                    let depth = max(v.depth, property.depth, argDepth) + 1
                    try checkDepth(depth, at: position)
                    v = (.method(v.node, .computed(property.node), args), depth)
                } else {
                    let depth = max(v.depth, property.depth) + 1
                    try checkDepth(depth, at: position)
                    v = (.bracket(v.node, property.node), depth)
                }
            default:
                return v
            }
        }
    }

    private mutating func nonliteral() throws(Failure) -> P? {
        switch token.symbol {
        case .identifier:
            let start = token
            var name = try consume().image
            if token.symbol == .colon, try peek(0).symbol == .identifier, try peek(1).symbol == .lparen {
                try consume()
                name += ":" + token.image
                try consume()
            }
            if token.symbol == .lparen {
                guard let function = JUELFunction(rawValue: name) else {
                    throw .parse("Could not resolve function '\(name)'", start.position)
                }
                let (args, depth) = try params()
                if args.count != function.parameterCount {
                    throw .parse("Parameters for function '\(name)' do not match", start.position)
                }
                return (.function(function, args), depth + 1)
            }
            switch name {
            case "execution": return (.execution, 1)
            case "authenticatedUserId": return (.authenticatedUserId, 1)
            default: return (.identifier(name), 1)
            }
        case .lparen:
            try consume()
            let v = try expr(required: true)!
            try consume(.rparen)
            return (.nested(v.node), v.depth + 1)
        default:
            return nil
        }
    }

    private mutating func params() throws(Failure) -> ([JUELNode], Int) {
        try consume(.lparen)
        var list: [JUELNode] = []
        var depth = 0
        if let v = try expr(required: false) {
            list.append(v.node)
            depth = v.depth
            while token.symbol == .comma {
                try consume()
                let a = try expr(required: true)!
                list.append(a.node)
                depth = max(depth, a.depth)
            }
        }
        try consume(.rparen)
        return (list, depth)
    }

    private mutating func literal() throws(Failure) -> JUELNode? {
        let v: VariableValue
        switch token.symbol {
        case .true: v = .boolean(true)
        case .false: v = .boolean(false)
        case .string: v = .string(token.image)
        case .integer:
            guard let i = Int64(token.image) else { throw fail(JUELSymbol.integer.expectedText) }
            v = .integer(i)
        case .float:
            guard let d = Double(token.image) else { throw fail(JUELSymbol.float.expectedText) }
            v = .double(d)
        case .null: v = .null
        default: return nil
        }
        try consume()
        return .literal(v)
    }
}
