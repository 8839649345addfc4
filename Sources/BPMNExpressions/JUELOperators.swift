import BPMNModel

/// EL arithmetic (NumberOperations) and comparison/equality (BooleanOperations), restricted to the
/// value kinds bpmnrun has (no BigDecimal/BigInteger: Long and Double only).
enum JUELOperators {
    // MARK: arithmetic

    /// Double or a String containing '.', 'e' or 'E' selects double arithmetic.
    @inline(__always)
    private static func isDoubleOrDotEe(_ v: JUELValue) -> Bool {
        switch v {
        case .value(.double): return true
        case .value(.string(let s)):
            for u in s.utf8 where u == 0x2E || u == 0x45 || u == 0x65 { return true }
            return false
        default: return false
        }
    }

    static func add(_ a: JUELValue, _ b: JUELValue) throws(JUELFailure) -> JUELValue {
        if case .value(.integer(let x)) = a, case .value(.integer(let y)) = b { return .value(.integer(x &+ y)) }
        if a.isNull && b.isNull { return .value(.integer(0)) }
        if isDoubleOrDotEe(a) || isDoubleOrDotEe(b) {
            return .value(.double(try JUELCoerce.toDouble(a) + JUELCoerce.toDouble(b)))
        }
        return .value(.integer(try JUELCoerce.toLong(a) &+ JUELCoerce.toLong(b)))
    }

    static func sub(_ a: JUELValue, _ b: JUELValue) throws(JUELFailure) -> JUELValue {
        if case .value(.integer(let x)) = a, case .value(.integer(let y)) = b { return .value(.integer(x &- y)) }
        if a.isNull && b.isNull { return .value(.integer(0)) }
        if isDoubleOrDotEe(a) || isDoubleOrDotEe(b) {
            return .value(.double(try JUELCoerce.toDouble(a) - JUELCoerce.toDouble(b)))
        }
        return .value(.integer(try JUELCoerce.toLong(a) &- JUELCoerce.toLong(b)))
    }

    static func mul(_ a: JUELValue, _ b: JUELValue) throws(JUELFailure) -> JUELValue {
        if case .value(.integer(let x)) = a, case .value(.integer(let y)) = b { return .value(.integer(x &* y)) }
        if a.isNull && b.isNull { return .value(.integer(0)) }
        if isDoubleOrDotEe(a) || isDoubleOrDotEe(b) {
            return .value(.double(try JUELCoerce.toDouble(a) * JUELCoerce.toDouble(b)))
        }
        return .value(.integer(try JUELCoerce.toLong(a) &* JUELCoerce.toLong(b)))
    }

    /// `/` and `div`: always Double (x/0 → ±Infinity, 0/0 → NaN), except null/null → 0.
    static func div(_ a: JUELValue, _ b: JUELValue) throws(JUELFailure) -> JUELValue {
        if a.isNull && b.isNull { return .value(.integer(0)) }
        return .value(.double(try JUELCoerce.toDouble(a) / JUELCoerce.toDouble(b)))
    }

    /// `%` and `mod`: Long remainder (x % 0 → ArithmeticException "/ by zero"), Double when
    /// either side is a Double or a decimal-looking String.
    static func mod(_ a: JUELValue, _ b: JUELValue) throws(JUELFailure) -> JUELValue {
        if a.isNull && b.isNull { return .value(.integer(0)) }
        if isDoubleOrDotEe(a) || isDoubleOrDotEe(b) {
            return .value(.double(try JUELCoerce.toDouble(a).truncatingRemainder(dividingBy: JUELCoerce.toDouble(b))))
        }
        let x = try JUELCoerce.toLong(a), y = try JUELCoerce.toLong(b)
        if y == 0 { throw .el("/ by zero") }
        if y == -1 { return .value(.integer(0)) }
        return .value(.integer(x % y))
    }

    static func negate(_ v: JUELValue) throws(JUELFailure) -> JUELValue {
        switch v {
        case .value(.null): return .value(.integer(0))
        case .value(.double(let d)): return .value(.double(-d))
        case .value(.integer(let i)): return .value(.integer(0 &- i))
        case .value(.string(let s)):
            if isDoubleOrDotEe(v) { return .value(.double(-(try JUELCoerce.toDouble(.value(.string(s)))))) }
            return .value(.integer(0 &- (try JUELCoerce.toLong(.value(.string(s))))))
        default:
            throw .el("Cannot negate '\(v.javaClass)'")
        }
    }

    /// `empty`: null, "", empty list or map.
    static func isEmpty(_ v: JUELValue) -> Bool {
        switch v {
        case .value(.null): return true
        case .value(.string(let s)): return s.isEmpty
        case .value(.array(let a)): return a.isEmpty
        case .value(.object(let o)): return o.isEmpty
        default: return false
        }
    }

    // MARK: equality

    private enum Kind { case double, long, boolean, string, other }

    @inline(__always)
    private static func kind(_ v: JUELValue) -> Kind {
        switch v {
        case .value(.double): return .double
        case .value(.integer): return .long
        case .value(.boolean): return .boolean
        case .value(.string): return .string
        default: return .other
        }
    }

    /// BooleanOperations.eq: numbers compare numerically (Double wins over Long), then Boolean,
    /// then String coercion, else `equals`.
    static func equals(_ a: JUELValue, _ b: JUELValue) throws(JUELFailure) -> Bool {
        // Fast paths for the common same-kind cases.
        switch (a, b) {
        case (.value(.integer(let x)), .value(.integer(let y))): return x == y
        case (.value(.string(let x)), .value(.string(let y))): return javaStringEquals(x, y)
        case (.value(.boolean(let x)), .value(.boolean(let y))): return x == y
        case (.value(.null), .value(.null)): return true
        case (.value(.null), _), (_, .value(.null)): return false
        default: break
        }
        let ka = kind(a), kb = kind(b)
        if ka == .double || kb == .double {
            return javaDoubleEquals(try JUELCoerce.toDouble(a), try JUELCoerce.toDouble(b))
        }
        if ka == .long || kb == .long {
            return try JUELCoerce.toLong(a) == JUELCoerce.toLong(b)
        }
        if ka == .boolean || kb == .boolean {
            return try JUELCoerce.toBoolean(a) == JUELCoerce.toBoolean(b)
        }
        if ka == .string || kb == .string {
            return javaStringEquals(a.javaString, b.javaString)
        }
        return javaObjectEquals(a, b)
    }

    /// `Double.equals`: bit equality after NaN canonicalisation (NaN equals NaN, 0.0 != -0.0).
    static func javaDoubleEquals(_ x: Double, _ y: Double) -> Bool {
        if x.isNaN && y.isNaN { return true }
        return x.bitPattern == y.bitPattern
    }

    /// `String.equals`: same UTF-16 content, no Unicode normalisation.
    static func javaStringEquals(_ x: String, _ y: String) -> Bool {
        guard x.utf8.count == y.utf8.count else { return false }
        var x = x, y = y
        return x.withUTF8 { a in
            y.withUTF8 { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }

    /// `Object.equals` for the remaining kinds (lists, maps, dates, the execution).
    static func javaObjectEquals(_ a: JUELValue, _ b: JUELValue) -> Bool {
        switch (a, b) {
        case (.execution, .execution): return true
        case (.value(let x), .value(let y)): return javaValueEquals(x, y)
        default: return false
        }
    }

    /// Java `equals` between two stored values (Long(1) does not equal Double(1.0)).
    static func javaValueEquals(_ x: VariableValue, _ y: VariableValue) -> Bool {
        switch (x, y) {
        case (.double(let p), .double(let q)): return javaDoubleEquals(p, q)
        case (.string(let p), .string(let q)): return javaStringEquals(p, q)
        case (.array(let p), .array(let q)):
            return p.count == q.count && zip(p, q).allSatisfy { javaValueEquals($0, $1) }
        case (.object(let p), .object(let q)):
            return p.count == q.count && p.allSatisfy { k, v in q[k].map { javaValueEquals(v, $0) } ?? false }
        default: return x == y
        }
    }

    // MARK: ordering

    private enum Order { case less, equal, greater, unordered }

    /// BooleanOperations.lt0/gt0: Double, then Long, then String coercion, then Comparable
    /// (Boolean, Date) — anything else cannot be compared.
    private static func compare(_ a: JUELValue, _ b: JUELValue) throws(JUELFailure) -> Order {
        let ka = kind(a), kb = kind(b)
        if ka == .double || kb == .double {
            let x = try JUELCoerce.toDouble(a), y = try JUELCoerce.toDouble(b)
            return x < y ? .less : x > y ? .greater : x == y ? .equal : .unordered
        }
        if ka == .long || kb == .long {
            let x = try JUELCoerce.toLong(a), y = try JUELCoerce.toLong(b)
            return x < y ? .less : x > y ? .greater : .equal
        }
        if ka == .string || kb == .string {
            let c = javaCompareStrings(a.javaString, b.javaString)
            return c < 0 ? .less : c > 0 ? .greater : .equal
        }
        switch (a, b) {
        case (.value(.boolean(let x)), .value(.boolean(let y))):
            return x == y ? .equal : (!x ? .less : .greater)
        case (.value(.date(let x)), .value(.date(let y))):
            let p = javaMillis(x), q = javaMillis(y)
            return p < q ? .less : p > q ? .greater : .equal
        case (.value(.boolean), _), (.value(.date), _):
            throw .el("\(b.javaClass) cannot be cast to \(a.javaClass)")
        case (_, .value(.boolean)), (_, .value(.date)):
            throw .el("\(a.javaClass) cannot be cast to \(b.javaClass)")
        default:
            throw .el("Cannot compare '\(a.javaClass)' and '\(b.javaClass)'")
        }
    }

    static func javaMillis(_ d: Foundation.Date) -> Int64 {
        JUELCoerce.javaLong((d.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// `String.compareTo`: UTF-16 code unit difference at the first mismatch, else the length difference.
    static func javaCompareStrings(_ x: String, _ y: String) -> Int {
        var i = x.utf16.makeIterator(), j = y.utf16.makeIterator()
        var common = 0
        while let p = i.next() {
            guard let q = j.next() else { return x.utf16.count - common }
            if p != q { return Int(p) - Int(q) }
            common += 1
        }
        return common - y.utf16.count
    }

    static func lessThan(_ a: JUELValue, _ b: JUELValue) throws(JUELFailure) -> Bool {
        if case .value(.integer(let x)) = a, case .value(.integer(let y)) = b { return x < y }
        if a.isNull || b.isNull { return false }
        return try compare(a, b) == .less
    }

    static func greaterThan(_ a: JUELValue, _ b: JUELValue) throws(JUELFailure) -> Bool {
        if case .value(.integer(let x)) = a, case .value(.integer(let y)) = b { return x > y }
        if a.isNull || b.isNull { return false }
        return try compare(a, b) == .greater
    }

    /// `ge` is `!lt0` (so NaN >= x is true, as in JUEL); null >= null is true.
    static func greaterOrEqual(_ a: JUELValue, _ b: JUELValue) throws(JUELFailure) -> Bool {
        if case .value(.integer(let x)) = a, case .value(.integer(let y)) = b { return x >= y }
        if a.isNull && b.isNull { return true }
        if a.isNull || b.isNull { return false }
        return try compare(a, b) != .less
    }

    static func lessOrEqual(_ a: JUELValue, _ b: JUELValue) throws(JUELFailure) -> Bool {
        if case .value(.integer(let x)) = a, case .value(.integer(let y)) = b { return x <= y }
        if a.isNull && b.isNull { return true }
        if a.isNull || b.isNull { return false }
        return try compare(a, b) != .greater
    }
}

import Foundation
