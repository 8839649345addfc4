import BPMNModel
import Foundation

/// A value during evaluation: a process variable value, or the `execution` object.
enum JUELValue {
    case value(VariableValue)
    case execution

    static let null = JUELValue.value(.null)

    var isNull: Bool {
        if case .value(.null) = self { return true }
        return false
    }
}

/// Why an evaluation failed, in the classes Camunda's JuelExpression distinguishes when wrapping.
enum JUELFailure: Error {
    /// PropertyNotFoundException → `Unknown property used in expression: <expr>. Cause: <msg>`
    case propertyNotFound(String)
    /// MethodNotFoundException → `Unknown method used in expression: <expr>. Cause: <msg>`
    case methodNotFound(String)
    /// ELException without cause, or any other runtime exception →
    /// `Error while evaluating expression: <expr>. Cause: <msg>`
    case el(String)
    /// An exception thrown inside an invoked method: Camunda rethrows the cause itself, so the
    /// message is the Java exception's `toString()`.
    case javaException(String)
}

// MARK: - Java type names and string forms

extension JUELValue {
    /// The Java class this value has inside Camunda's engine.
    var javaClassName: String {
        switch self {
        case .execution: return "org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity"
        case .value(let v):
            switch v {
            case .null: return "null"
            case .boolean: return "java.lang.Boolean"
            case .integer: return "java.lang.Long"
            case .double: return "java.lang.Double"
            case .string: return "java.lang.String"
            case .date: return "java.util.Date"
            case .array: return "java.util.ArrayList"
            case .object: return "java.util.HashMap"
            }
        }
    }

    /// `getClass()` as printed by Java: `class java.lang.String`.
    var javaClass: String { "class \(javaClassName)" }

    /// EL's coercion to String (`null` → "", otherwise `toString()` as Java prints it).
    var javaString: String {
        switch self {
        case .execution: return "Execution"
        case .value(let v): return JUELValue.javaString(v)
        }
    }

    static func javaString(_ v: VariableValue) -> String {
        switch v {
        case .null: return ""
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .double(let d): return javaDoubleString(d)
        case .string(let s): return s
        case .date(let d): return javaDateString(d)
        case .array(let a): return "[" + a.map(javaElementString).joined(separator: ", ") + "]"
        case .object(let o):
            return "{" + o.keys.sorted().map { "\($0)=\(javaElementString(o[$0]!))" }.joined(separator: ", ") + "}"
        }
    }

    /// Element rendering inside a collection's toString (null prints as "null").
    private static func javaElementString(_ v: VariableValue) -> String {
        if case .null = v { return "null" }
        return javaString(v)
    }

    /// Java's `Double.toString`: shortest round-tripping digits, plain notation for
    /// 10^-3 <= |d| < 10^7, otherwise `d.dddE[-]n`.
    static func javaDoubleString(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let text = "\(Swift.abs(d))"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
        }
        var intDigits = mantissa
        var fracDigits: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intDigits = mantissa[..<dot]
            fracDigits = mantissa[mantissa.index(after: dot)...]
        }
        var digits = Array(intDigits + fracDigits)
        var pointPos = intDigits.count
        while digits.count > 1 && digits.first == "0" { digits.removeFirst(); pointPos -= 1 }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        let sciExp = pointPos - 1 + exponent
        let sign = d < 0 ? "-" : ""
        let magnitude = Swift.abs(d)
        if magnitude >= 1e-3 && magnitude < 1e7 {
            if sciExp >= 0 {
                var intPart = digits.prefix(sciExp + 1).map(String.init).joined()
                if digits.count < sciExp + 1 { intPart += String(repeating: "0", count: sciExp + 1 - digits.count) }
                let rest = digits.count > sciExp + 1 ? String(digits[(sciExp + 1)...]) : "0"
                return sign + intPart + "." + rest
            }
            return sign + "0." + String(repeating: "0", count: -sciExp - 1) + String(digits)
        }
        let rest = digits.count > 1 ? String(digits[1...]) : "0"
        return sign + String(digits[0]) + "." + rest + "E" + String(sciExp)
    }

    /// `java.util.Date.toString()` (rendered in UTC, bpmnrun's zone for dates).
    static func javaDateString(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE MMM dd HH:mm:ss 'UTC' yyyy"
        return f.string(from: date)
    }
}

// MARK: - EL coercions (TypeConverterImpl)

enum JUELCoerce {
    static func cannotCoerce(_ v: JUELValue, to target: String) -> JUELFailure {
        .el("Cannot coerce from \(v.javaClass) to class \(target)")
    }

    static func cannotCoerceValue(_ s: String, to target: String) -> JUELFailure {
        .el("Cannot coerce '\(s)' to class \(target)")
    }

    /// null and "" → false; Boolean; String → `Boolean.valueOf` ("true", any case); else an error.
    @inline(__always)
    static func toBoolean(_ v: JUELValue) throws(JUELFailure) -> Bool {
        switch v {
        case .value(.boolean(let b)): return b
        case .value(.null): return false
        case .value(.string(let s)): return s.utf8.count == 4 && s.lowercased() == "true"
        default: throw cannotCoerce(v, to: "java.lang.Boolean")
        }
    }

    /// null and "" → 0; numbers → `longValue()`; String → `Long.valueOf`; else an error.
    static func toLong(_ v: JUELValue) throws(JUELFailure) -> Int64 {
        switch v {
        case .value(.integer(let i)): return i
        case .value(.double(let d)): return javaLong(d)
        case .value(.null): return 0
        case .value(.string(let s)):
            if s.isEmpty { return 0 }
            guard let i = parseJavaLong(s) else { throw cannotCoerceValue(s, to: "java.lang.Long") }
            return i
        default: throw cannotCoerce(v, to: "java.lang.Long")
        }
    }

    /// null and "" → 0; numbers → `doubleValue()`; String → `Double.valueOf`; else an error.
    static func toDouble(_ v: JUELValue) throws(JUELFailure) -> Double {
        switch v {
        case .value(.double(let d)): return d
        case .value(.integer(let i)): return Double(i)
        case .value(.null): return 0
        case .value(.string(let s)):
            if s.isEmpty { return 0 }
            guard let d = parseJavaDouble(s) else { throw cannotCoerceValue(s, to: "java.lang.Double") }
            return d
        default: throw cannotCoerce(v, to: "java.lang.Double")
        }
    }

    /// Coercion to a Java `int` parameter (`Integer.valueOf` for strings, `intValue()` for numbers).
    static func toInt(_ v: JUELValue) throws(JUELFailure) -> Int {
        switch v {
        case .value(.integer(let i)): return Int(Int32(truncatingIfNeeded: i))
        case .value(.double(let d)): return Int(javaInt(d))
        case .value(.null): return 0
        case .value(.string(let s)):
            if s.isEmpty { return 0 }
            guard let i = parseJavaLong(s), let i32 = Int32(exactly: i) else {
                throw cannotCoerceValue(s, to: "java.lang.Integer")
            }
            return Int(i32)
        default: throw cannotCoerce(v, to: "java.lang.Integer")
        }
    }

    /// Java's `(long) d`: truncation, NaN → 0, saturating at the bounds.
    static func javaLong(_ d: Double) -> Int64 {
        if d.isNaN { return 0 }
        if d >= 9.223372036854775807e18 { return .max }
        if d <= -9.223372036854775808e18 { return .min }
        return Int64(d)
    }

    /// Java's `(int) d`.
    static func javaInt(_ d: Double) -> Int32 {
        if d.isNaN { return 0 }
        if d >= 2147483647 { return .max }
        if d <= -2147483648 { return .min }
        return Int32(d)
    }

    /// `Long.valueOf(String)`: optional sign, ASCII digits, in range.
    static func parseJavaLong(_ s: String) -> Int64? {
        Int64(s)
    }

    /// `Double.valueOf(String)`: surrounding whitespace allowed, optional sign, `NaN`, `Infinity`,
    /// decimal digits with optional fraction/exponent, optional `f`/`d` suffix, or a hex float.
    static func parseJavaDouble(_ text: String) -> Double? {
        var s = Substring(text.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0}"..."\u{20}")))
        guard !s.isEmpty else { return nil }
        var negative = false
        if s.first == "+" || s.first == "-" { negative = s.first == "-"; s = s.dropFirst() }
        if s == "NaN" { return .nan }
        if s == "Infinity" { return negative ? -.infinity : .infinity }
        if let last = s.last, "fFdD".contains(last) { s = s.dropLast() }
        guard !s.isEmpty else { return nil }
        let body = String(s)
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            guard body.contains("p") || body.contains("P"), let d = Double(body) else { return nil }
            return negative ? -d : d
        }
        // digits[.digits][(e|E)[+-]digits] or .digits[...]
        var sawDigit = false, i = body.startIndex
        while i < body.endIndex, body[i].isASCII, body[i].isNumber { sawDigit = true; i = body.index(after: i) }
        if i < body.endIndex, body[i] == "." {
            i = body.index(after: i)
            while i < body.endIndex, body[i].isASCII, body[i].isNumber { sawDigit = true; i = body.index(after: i) }
        }
        guard sawDigit else { return nil }
        if i < body.endIndex, body[i] == "e" || body[i] == "E" {
            i = body.index(after: i)
            if i < body.endIndex, body[i] == "+" || body[i] == "-" { i = body.index(after: i) }
            var expDigit = false
            while i < body.endIndex, body[i].isASCII, body[i].isNumber { expDigit = true; i = body.index(after: i) }
            guard expDigit else { return nil }
        }
        guard i == body.endIndex, let d = Double(body) else { return nil }
        return negative ? -d : d
    }
}
