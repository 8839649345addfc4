// Tokenizer for JUEL 2.2 as Camunda 7 ships it (org.camunda.bpm.impl.juel.Scanner): the same
// token set, the same text/eval modes and the same error positions (UTF-16 offsets).

enum JUELSymbol: Equatable, Sendable {
    case eof
    case plus, minus, mul, div, mod
    case lparen, rparen
    case identifier
    case not, and, or
    case empty, instanceof
    case integer, float, `true`, `false`, string, null
    case le, lt, ge, gt, eq, ne
    case question, colon
    case text
    case dot, lbrack, rbrack, comma
    case startEvalDeferred, startEvalDynamic, endEval

    /// JUEL's rendering of a symbol in "expected ..." messages.
    var expectedText: String {
        switch self {
        case .eof: return "<EOF>"
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .mul: return "'*'"
        case .div: return "'/'|'div'"
        case .mod: return "'%'|'mod'"
        case .lparen: return "'('"
        case .rparen: return "')'"
        case .identifier: return "<IDENTIFIER>"
        case .not: return "'!'|'not'"
        case .and: return "'&&'|'and'"
        case .or: return "'||'|'or'"
        case .empty: return "'empty'"
        case .instanceof: return "'instanceof'"
        case .integer: return "<INTEGER>"
        case .float: return "<FLOAT>"
        case .true: return "'true'"
        case .false: return "'false'"
        case .string: return "<STRING>"
        case .null: return "'null'"
        case .le: return "'<='|'le'"
        case .lt: return "'<'|'lt'"
        case .ge: return "'>='|'ge'"
        case .gt: return "'>'|'gt'"
        case .eq: return "'=='|'eq'"
        case .ne: return "'!='|'ne'"
        case .question: return "'?'"
        case .colon: return "':'"
        case .text: return "<TEXT>"
        case .dot: return "'.'"
        case .lbrack: return "'['"
        case .rbrack: return "']'"
        case .comma: return "','"
        case .startEvalDeferred: return "'#{'"
        case .startEvalDynamic: return "'${'"
        case .endEval: return "'}'"
        }
    }
}

struct JUELToken: Sendable {
    var symbol: JUELSymbol
    /// The token's value (identifier name, string contents, number text, literal text); for fixed
    /// tokens the operator as written.
    var image: String
    /// Number of UTF-16 units the token occupies in the input.
    var size: Int
    /// UTF-16 offset of the token's first unit.
    var position: Int
}

/// A lexical error (`lexical error at position N, encountered X, expected Y`).
struct JUELScanError: Error {
    var position: Int
    var encountered: String
    var expected: String
    var message: String { "lexical error at position \(position), encountered \(encountered), expected \(expected)" }
}

struct JUELScanner {
    private let input: [UInt16]
    private var position = 0
    private var current: JUELToken?

    init(_ text: String) {
        input = Array(text.utf16)
    }

    private static let keywords: [String: JUELSymbol] = [
        "null": .null, "true": .true, "false": .false, "empty": .empty,
        "div": .div, "mod": .mod, "not": .not, "and": .and, "or": .or,
        "le": .le, "lt": .lt, "eq": .eq, "ne": .ne, "ge": .ge, "gt": .gt,
        "instanceof": .instanceof,
    ]

    private static let ch_backslash: UInt16 = 0x5C, ch_dollar: UInt16 = 0x24, ch_hash: UInt16 = 0x23
    private static let ch_lbrace: UInt16 = 0x7B, ch_rbrace: UInt16 = 0x7D

    private var isEval: Bool {
        guard let t = current else { return false }
        return t.symbol != .text && t.symbol != .endEval
    }

    /// Scans the next token (JUEL's `Scanner.next`).
    mutating func next() throws(JUELScanError) -> JUELToken {
        if let t = current { position += t.size }
        let length = input.count
        if isEval {
            while position < length && Self.isJavaWhitespace(input[position]) { position += 1 }
        }
        if position == length {
            let t = JUELToken(symbol: .eof, image: "<EOF>", size: 0, position: position)
            current = t
            return t
        }
        let t = try nextToken()
        current = t
        return t
    }

    private func fixed(_ symbol: JUELSymbol, _ image: String) -> JUELToken {
        JUELToken(symbol: symbol, image: image, size: image.utf16.count, position: position)
    }

    private mutating func nextToken() throws(JUELScanError) -> JUELToken {
        if isEval {
            if input[position] == Self.ch_rbrace { return fixed(.endEval, "}") }
            return try nextEval()
        }
        if position + 1 < input.count && input[position + 1] == Self.ch_lbrace {
            if input[position] == Self.ch_hash { return fixed(.startEvalDeferred, "#{") }
            if input[position] == Self.ch_dollar { return fixed(.startEvalDynamic, "${") }
        }
        return nextText()
    }

    /// Literal text up to the next unescaped `${` / `#{`. A backslash escapes `${`/`#{`; any other
    /// backslash is kept (and, as in JUEL, `\\` keeps the escape armed).
    private func nextText() -> JUELToken {
        var builder: [UInt16] = []
        var i = position
        let l = input.count
        var escaped = false
        while i < l {
            let c = input[i]
            switch c {
            case Self.ch_backslash:
                if escaped { builder.append(Self.ch_backslash) } else { escaped = true }
            case Self.ch_hash, Self.ch_dollar:
                if i + 1 < l && input[i + 1] == Self.ch_lbrace {
                    if escaped {
                        builder.append(c)
                    } else {
                        return JUELToken(symbol: .text, image: String(decoding: builder, as: UTF16.self),
                                         size: i - position, position: position)
                    }
                } else {
                    if escaped { builder.append(Self.ch_backslash) }
                    builder.append(c)
                }
                escaped = false
            default:
                if escaped { builder.append(Self.ch_backslash) }
                builder.append(c)
                escaped = false
            }
            i += 1
        }
        if escaped { builder.append(Self.ch_backslash) }
        return JUELToken(symbol: .text, image: String(decoding: builder, as: UTF16.self), size: i - position, position: position)
    }

    /// A quoted string: only `\\` and `\<quote>` are valid escapes.
    private func nextString() throws(JUELScanError) -> JUELToken {
        var builder: [UInt16] = []
        let quote = input[position]
        let quoteText = String(decoding: [quote], as: UTF16.self)
        var i = position + 1
        let l = input.count
        while i < l {
            var c = input[i]; i += 1
            if c == Self.ch_backslash {
                if i == l {
                    throw JUELScanError(position: position, encountered: "unterminated string", expected: "\(quoteText) or \\")
                }
                c = input[i]; i += 1
                if c == Self.ch_backslash || c == quote {
                    builder.append(c)
                } else {
                    let shown = String(decoding: [c], as: UTF16.self)
                    throw JUELScanError(position: position, encountered: "invalid escape sequence \\\(shown)",
                                        expected: "\\\(quoteText) or \\\\")
                }
            } else if c == quote {
                return JUELToken(symbol: .string, image: String(decoding: builder, as: UTF16.self), size: i - position, position: position)
            } else {
                builder.append(c)
            }
        }
        throw JUELScanError(position: position, encountered: "unterminated string", expected: quoteText)
    }

    private static func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }

    private func nextNumber() -> JUELToken {
        var i = position
        let l = input.count
        while i < l && Self.isDigit(input[i]) { i += 1 }
        var symbol = JUELSymbol.integer
        if i < l && input[i] == 0x2E {  // '.'
            i += 1
            while i < l && Self.isDigit(input[i]) { i += 1 }
            symbol = .float
        }
        if i < l && (input[i] == 0x65 || input[i] == 0x45) {  // e E
            let e = i
            i += 1
            if i < l && (input[i] == 0x2B || input[i] == 0x2D) { i += 1 }
            if i < l && Self.isDigit(input[i]) {
                i += 1
                while i < l && Self.isDigit(input[i]) { i += 1 }
                symbol = .float
            } else {
                i = e
            }
        }
        return JUELToken(symbol: symbol, image: String(decoding: input[position..<i], as: UTF16.self), size: i - position, position: position)
    }

    private mutating func nextEval() throws(JUELScanError) -> JUELToken {
        let c1 = input[position]
        let c2: UInt16 = position < input.count - 1 ? input[position + 1] : 0
        switch c1 {
        case 0x2A: return fixed(.mul, "*")
        case 0x2F: return fixed(.div, "/")
        case 0x25: return fixed(.mod, "%")
        case 0x2B: return fixed(.plus, "+")
        case 0x2D: return fixed(.minus, "-")
        case 0x3F: return fixed(.question, "?")
        case 0x3A: return fixed(.colon, ":")
        case 0x5B: return fixed(.lbrack, "[")
        case 0x5D: return fixed(.rbrack, "]")
        case 0x28: return fixed(.lparen, "(")
        case 0x29: return fixed(.rparen, ")")
        case 0x2C: return fixed(.comma, ",")
        case 0x2E: if !Self.isDigit(c2) { return fixed(.dot, ".") }
        case 0x3D: if c2 == 0x3D { return fixed(.eq, "==") }
        case 0x26: if c2 == 0x26 { return fixed(.and, "&&") }
        case 0x7C: if c2 == 0x7C { return fixed(.or, "||") }
        case 0x21: return c2 == 0x3D ? fixed(.ne, "!=") : fixed(.not, "!")
        case 0x3C: return c2 == 0x3D ? fixed(.le, "<=") : fixed(.lt, "<")
        case 0x3E: return c2 == 0x3D ? fixed(.ge, ">=") : fixed(.gt, ">")
        case 0x22, 0x27: return try nextString()
        default: break
        }
        if Self.isDigit(c1) || c1 == 0x2E { return nextNumber() }

        if let (scalar, width) = scalar(at: position), Self.isJavaIdentifierStart(scalar) {
            var i = position + width
            while let (s, w) = self.scalar(at: i), Self.isJavaIdentifierPart(s) { i += w }
            let name = String(decoding: input[position..<i], as: UTF16.self)
            if let keyword = Self.keywords[name] {
                return JUELToken(symbol: keyword, image: name, size: i - position, position: position)
            }
            return JUELToken(symbol: .identifier, image: name, size: i - position, position: position)
        }
        let shown = scalar(at: position).map { String(Character($0.0)) } ?? String(decoding: [c1], as: UTF16.self)
        throw JUELScanError(position: position, encountered: "invalid character '\(shown)'", expected: "expression token")
    }

    /// The Unicode scalar starting at UTF-16 offset `i` and its width in UTF-16 units.
    private func scalar(at i: Int) -> (Unicode.Scalar, Int)? {
        guard i < input.count else { return nil }
        let u = input[i]
        if UTF16.isLeadSurrogate(u), i + 1 < input.count, UTF16.isTrailSurrogate(input[i + 1]) {
            let value = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(input[i + 1]) - 0xDC00)
            return Unicode.Scalar(value).map { ($0, 2) }
        }
        return Unicode.Scalar(u).map { ($0, 1) }
    }

    // Character.isJavaIdentifierStart / isJavaIdentifierPart, from Unicode general categories.
    static func isJavaIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x24 || v == 0x5F
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .letterNumber, .currencySymbol, .connectorPunctuation:
            return true
        default:
            return false
        }
    }

    static func isJavaIdentifierPart(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
                || v == 0x24 || v == 0x5F || (v <= 0x08) || (v >= 0x0E && v <= 0x1B) || v == 0x7F
        }
        if isJavaIdentifierStart(s) { return true }
        switch s.properties.generalCategory {
        case .decimalNumber, .spacingMark, .nonspacingMark, .format:
            return true
        default:
            return (v >= 0x80 && v <= 0x9F)
        }
    }

    /// Character.isWhitespace: Unicode space separators except no-break spaces, plus the ASCII
    /// control whitespace characters.
    static func isJavaWhitespace(_ c: UInt16) -> Bool {
        switch c {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F: return true
        case 0x00A0, 0x2007, 0x202F: return false
        case 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x2028, 0x2029, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
