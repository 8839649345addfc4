import BPMNModel
import Foundation

/// Property access (`.`/`[]`) and method invocation on values, as Camunda's resolver chain does it:
/// ListELResolver and MapELResolver for lists and maps, BeanELResolver (reflection over the Java
/// class) for everything else — here a fixed table of the methods of String, Long, Double,
/// Boolean, Date, ArrayList, HashMap and the execution that diagrams commonly use.
struct JUELMembers {
    let context: ExpressionContext

    private var extended: ExtendedExpressionContext? { context as? ExtendedExpressionContext }

    // MARK: - properties

    /// `base.property` / `base[property]` with non-null base and property.
    func property(of base: JUELValue, _ property: JUELValue) throws(JUELFailure) -> JUELValue {
        switch base {
        case .value(.object(let map)):
            // MapELResolver: map.get(key); a missing key (or a non-String key) is null.
            if case .value(.string(let key)) = property { return .value(map[key] ?? .null) }
            return .null
        case .value(.array(let list)):
            let index = try Self.listIndex(property)
            return index >= 0 && index < list.count ? .value(list[index]) : .null
        case .execution:
            return try executionProperty(property.javaString, property)
        case .value(.string(let s)):
            switch property.javaString {
            case "empty": return .value(.boolean(s.isEmpty))
            case "blank": return .value(.boolean(Self.isBlank(s)))
            default: break
            }
        case .value(.date(let d)):
            if property.javaString == "time" { return .value(.integer(JUELOperators.javaMillis(d))) }
        default:
            break
        }
        throw .propertyNotFound("Could not find property \(property.javaString) in \(base.javaClass)")
    }

    /// ListELResolver.toIndex: numbers → intValue, strings → Integer.valueOf, booleans → 1/0.
    static func listIndex(_ property: JUELValue) throws(JUELFailure) -> Int {
        switch property {
        case .value(.integer(let i)): return Int(Int32(truncatingIfNeeded: i))
        case .value(.double(let d)): return Int(JUELCoerce.javaInt(d))
        case .value(.boolean(let b)): return b ? 1 : 0
        case .value(.string(let s)):
            guard let i = Int32(s) else { throw .el("Cannot parse list index: \(s)") }
            return Int(i)
        default:
            throw .el("Cannot coerce property to list index: \(property.javaString)")
        }
    }

    private func executionProperty(_ name: String, _ property: JUELValue) throws(JUELFailure) -> JUELValue {
        switch name {
        case "id": return .value(.string(context.executionId))
        case "processInstanceId": return .value(.string(context.processInstanceId))
        case "processDefinitionId": return .value(.string(context.processDefinitionId))
        case "currentActivityId", "activityId": return .value(Self.optional(context.currentActivityId))
        case "currentActivityName": return .value(Self.optional(context.currentActivityName))
        case "businessKey", "processBusinessKey": return .value(Self.optional(context.businessKey))
        case "variables": return .value(.object(context.visibleVariables()))
        case "variablesLocal": return .value(.object(extended?.localVariables() ?? context.visibleVariables()))
        case "variableNames": return .value(.array(context.visibleVariables().keys.sorted().map { .string($0) }))
        case "variableNamesLocal":
            let vars = extended?.localVariables() ?? context.visibleVariables()
            return .value(.array(vars.keys.sorted().map { .string($0) }))
        case "tenantId": return .null
        default:
            throw .propertyNotFound("Could not find property \(name) in \(JUELValue.execution.javaClass)")
        }
    }

    static func optional(_ s: String?) -> VariableValue { s.map { .string($0) } ?? .null }

    // MARK: - methods

    func invoke(_ base: JUELValue, _ name: String, _ args: [JUELValue]) throws(JUELFailure) -> JUELValue {
        let result: JUELValue?
        switch base {
        case .execution: result = try executionMethod(name, args)
        case .value(let v):
            switch v {
            case .string(let s): result = try stringMethod(s, name, args)
            case .integer(let i): result = try longMethod(i, name, args)
            case .double(let d): result = try doubleMethod(d, name, args)
            case .boolean(let b): result = try booleanMethod(b, name, args)
            case .array(let a): result = try listMethod(a, name, args)
            case .object(let o): result = try mapMethod(o, name, args)
            case .date(let d): result = try dateMethod(d, name, args)
            case .null: result = nil
            }
        }
        if let result { return result }
        throw .methodNotFound("Cannot find method \(name) with \(args.count) parameters in \(base.javaClass)")
    }

    // MARK: parameter coercion (BeanELResolver.coerceParams)

    /// A `String` parameter: EL string coercion; null stays null.
    private static func stringParam(_ v: JUELValue) -> String? {
        v.isNull ? nil : v.javaString
    }

    /// A `CharSequence` parameter: only Strings (and null) are accepted.
    private static func charSequenceParam(_ v: JUELValue) throws(JUELFailure) -> String? {
        switch v {
        case .value(.null): return nil
        case .value(.string(let s)): return s
        default: throw .el("Cannot coerce from \(v.javaClass) to interface java.lang.CharSequence")
        }
    }

    private static func requireNonNull(_ s: String?) throws(JUELFailure) -> String {
        guard let s else { throw .javaException("java.lang.NullPointerException") }
        return s
    }

    // MARK: java.lang.String

    private func stringMethod(_ s: String, _ name: String, _ args: [JUELValue]) throws(JUELFailure) -> JUELValue? {
        func str(_ i: Int) throws(JUELFailure) -> String { try Self.requireNonNull(Self.stringParam(args[i])) }
        func int(_ i: Int) throws(JUELFailure) -> Int { try JUELCoerce.toInt(args[i]) }
        func bool(_ b: Bool) -> JUELValue { .value(.boolean(b)) }
        func long(_ i: Int) -> JUELValue { .value(.integer(Int64(i))) }
        func string(_ t: String) -> JUELValue { .value(.string(t)) }

        switch (name, args.count) {
        case ("length", 0): return long(s.utf16.count)
        case ("isEmpty", 0): return bool(s.isEmpty)
        case ("isBlank", 0): return bool(Self.isBlank(s))
        case ("toString", 0), ("intern", 0): return string(s)
        case ("toUpperCase", 0): return string(s.uppercased())
        case ("toLowerCase", 0): return string(s.lowercased())
        case ("trim", 0):
            let u = Array(s.utf16)
            var a = 0, b = u.count
            while a < b && u[a] <= 0x20 { a += 1 }
            while b > a && u[b - 1] <= 0x20 { b -= 1 }
            return string(String(decoding: u[a..<b], as: UTF16.self))
        case ("strip", 0):
            return string(String(s.drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed()))
        case ("equals", 1):
            if case .value(.string(let t)) = args[0] { return bool(JUELOperators.javaStringEquals(s, t)) }
            return bool(false)
        case ("equalsIgnoreCase", 1):
            guard let t = Self.stringParam(args[0]) else { return bool(false) }
            return bool(s.utf16.count == t.utf16.count && (s.uppercased() == t.uppercased() || s.lowercased() == t.lowercased()))
        case ("compareTo", 1):
            return long(JUELOperators.javaCompareStrings(s, try str(0)))
        case ("compareToIgnoreCase", 1):
            return long(JUELOperators.javaCompareStrings(s.uppercased().lowercased(), try str(0).uppercased().lowercased()))
        case ("contentEquals", 1):
            return bool(JUELOperators.javaStringEquals(s, try Self.requireNonNull(Self.charSequenceParam(args[0]))))
        case ("startsWith", 1):
            return bool(Array(s.utf16).starts(with: Array(try str(0).utf16)))
        case ("startsWith", 2):
            let prefix = Array(try str(0).utf16), offset = try int(1), u = Array(s.utf16)
            guard offset >= 0, offset <= u.count - prefix.count else { return bool(false) }
            return bool(u[offset...].starts(with: prefix))
        case ("endsWith", 1):
            return bool(Array(s.utf16).reversed().starts(with: Array(try str(0).utf16).reversed()))
        case ("contains", 1):
            let t = try Self.requireNonNull(Self.charSequenceParam(args[0]))
            return bool(Self.indexOf(Array(s.utf16), Array(t.utf16), from: 0) >= 0)
        case ("indexOf", 1), ("indexOf", 2), ("lastIndexOf", 1), ("lastIndexOf", 2):
            let u = Array(s.utf16)
            let needle: [UInt16]
            switch args[0] {
            case .value(.integer), .value(.double):  // indexOf(int ch)
                let ch = try int(0)
                guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: ch)) else { return long(-1) }
                needle = Array(String(Character(scalar)).utf16)
            default:
                needle = Array(try str(0).utf16)
            }
            if name == "indexOf" {
                return long(Self.indexOf(u, needle, from: args.count == 2 ? try int(1) : 0))
            }
            return long(Self.lastIndexOf(u, needle, from: args.count == 2 ? try int(1) : u.count))
        case ("substring", 1), ("substring", 2), ("subSequence", 2):
            let u = Array(s.utf16)
            let begin = try int(0), end = args.count == 2 ? try int(1) : u.count
            guard begin >= 0, end <= u.count, begin <= end else {
                throw .javaException("java.lang.StringIndexOutOfBoundsException: begin \(begin), end \(end), length \(u.count)")
            }
            return string(String(decoding: u[begin..<end], as: UTF16.self))
        case ("charAt", 1):
            let u = Array(s.utf16), i = try int(0)
            guard i >= 0, i < u.count else {
                throw .javaException("java.lang.StringIndexOutOfBoundsException: index \(i), length \(u.count)")
            }
            return string(String(decoding: [u[i]], as: UTF16.self))
        case ("concat", 1):
            return string(s + (try str(0)))
        case ("repeat", 1):
            let n = try int(0)
            guard n >= 0 else { throw .javaException("java.lang.IllegalArgumentException: count is negative: \(n)") }
            return string(String(repeating: s, count: n))
        case ("replace", 2):
            let target = try Self.requireNonNull(Self.charSequenceParam(args[0]))
            let replacement = try Self.requireNonNull(Self.charSequenceParam(args[1]))
            return string(Self.replaceLiteral(s, target, replacement))
        case ("matches", 1):
            let regex = try Self.regex(try str(0))
            let range = NSRange(location: 0, length: s.utf16.count)
            guard let m = regex.firstMatch(in: s, options: [.anchored], range: range) else { return bool(false) }
            return bool(m.range == range || Self.fullMatch(regex, s))
        case ("replaceAll", 2), ("replaceFirst", 2):
            let regex = try Self.regex(try str(0))
            let template = try str(1)
            let range = NSRange(location: 0, length: s.utf16.count)
            if name == "replaceAll" {
                return string(regex.stringByReplacingMatches(in: s, options: [], range: range, withTemplate: template))
            }
            guard let m = regex.firstMatch(in: s, options: [], range: range) else { return string(s) }
            let replaced = regex.replacementString(for: m, in: s, offset: 0, template: template)
            let ns = s as NSString
            return string(ns.replacingCharacters(in: m.range, with: replaced))
        case ("split", 1), ("split", 2):
            let parts = try Self.split(s, try str(0), limit: args.count == 2 ? try int(1) : 0)
            return .value(.array(parts.map { .string($0) }))
        case ("hashCode", 0):
            var h: Int32 = 0
            for u in s.utf16 { h = h &* 31 &+ Int32(u) }
            return long(Int(h))
        default:
            return nil
        }
    }

    static func isBlank(_ s: String) -> Bool {
        s.utf16.allSatisfy { JUELScanner.isJavaWhitespace($0) }
    }

    static func indexOf(_ hay: [UInt16], _ needle: [UInt16], from: Int) -> Int {
        let start = max(0, from)
        if needle.isEmpty { return min(start, hay.count) }
        guard hay.count >= needle.count, start <= hay.count - needle.count else { return -1 }
        for i in start...(hay.count - needle.count) where hay[i] == needle[0] {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return -1
    }

    static func lastIndexOf(_ hay: [UInt16], _ needle: [UInt16], from: Int) -> Int {
        let start = min(from, hay.count - needle.count)
        guard start >= 0 else { return -1 }
        if needle.isEmpty { return start }
        for i in stride(from: start, through: 0, by: -1) where hay[i] == needle[0] {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return -1
    }

    /// `String.replace(CharSequence, CharSequence)`: every literal occurrence, left to right; an
    /// empty target inserts the replacement around every char.
    static func replaceLiteral(_ s: String, _ target: String, _ replacement: String) -> String {
        let u = Array(s.utf16), t = Array(target.utf16), r = Array(replacement.utf16)
        var out: [UInt16] = []
        if t.isEmpty {
            for c in u { out += r; out.append(c) }
            out += r
            return String(decoding: out, as: UTF16.self)
        }
        var i = 0
        while i < u.count {
            if i <= u.count - t.count && u[i] == t[0] && u[i..<(i + t.count)].elementsEqual(t) {
                out += r
                i += t.count
            } else {
                out.append(u[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF16.self)
    }

    static func regex(_ pattern: String) throws(JUELFailure) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern, options: [])
        } catch {
            throw .javaException("java.util.regex.PatternSyntaxException: invalid regular expression '\(pattern)'")
        }
    }

    private static func fullMatch(_ regex: NSRegularExpression, _ s: String) -> Bool {
        // An anchored first match may be shorter than a full match exists (alternation order);
        // retry with explicit end anchoring.
        guard let whole = try? NSRegularExpression(pattern: "(?:\(regex.pattern))\\z", options: []) else { return false }
        let range = NSRange(location: 0, length: s.utf16.count)
        return whole.firstMatch(in: s, options: [.anchored], range: range)?.range == range
    }

    /// `String.split(regex, limit)` with Java's rules: a zero-width match at the start yields no
    /// leading empty string, and limit 0 drops trailing empty strings.
    static func split(_ s: String, _ pattern: String, limit: Int) throws(JUELFailure) -> [String] {
        let u = Array(s.utf16)
        let matches: [NSRange]
        let metachars = Set(".$|()[{^?*+\\".utf16)
        let p = Array(pattern.utf16)
        if p.count == 1 && !metachars.contains(p[0]) {
            matches = u.indices.filter { u[$0] == p[0] }.map { NSRange(location: $0, length: 1) }
        } else {
            let regex = try regex(pattern)
            matches = regex.matches(in: s, options: [], range: NSRange(location: 0, length: u.count)).map(\.range)
        }
        let limited = limit > 0
        var list: [String] = []
        var index = 0
        for m in matches {
            if !limited || list.count < limit - 1 {
                if index == 0 && m.location == 0 && m.length == 0 { continue }
                list.append(String(decoding: u[index..<m.location], as: UTF16.self))
                index = m.location + m.length
            } else if list.count == limit - 1 {
                break
            }
        }
        if index == 0 && list.isEmpty { return [s] }
        if !limited || list.count < limit { list.append(String(decoding: u[index...], as: UTF16.self)) }
        if limit == 0 {
            while let last = list.last, last.isEmpty { list.removeLast() }
        }
        return list
    }

    // MARK: java.lang.Long / Double / Boolean

    private func longMethod(_ i: Int64, _ name: String, _ args: [JUELValue]) throws(JUELFailure) -> JUELValue? {
        switch (name, args.count) {
        case ("toString", 0): return .value(.string(String(i)))
        case ("longValue", 0): return .value(.integer(i))
        case ("intValue", 0): return .value(.integer(Int64(Int32(truncatingIfNeeded: i))))
        case ("shortValue", 0): return .value(.integer(Int64(Int16(truncatingIfNeeded: i))))
        case ("byteValue", 0): return .value(.integer(Int64(Int8(truncatingIfNeeded: i))))
        case ("doubleValue", 0): return .value(.double(Double(i)))
        case ("equals", 1):
            if case .value(.integer(let j)) = args[0] { return .value(.boolean(i == j)) }
            return .value(.boolean(false))
        case ("compareTo", 1):
            let j = try JUELCoerce.toLong(args[0])
            return .value(.integer(i < j ? -1 : i > j ? 1 : 0))
        case ("hashCode", 0): return .value(.integer(Int64(Int32(truncatingIfNeeded: i ^ Int64(bitPattern: UInt64(bitPattern: i) >> 32)))))
        default: return nil
        }
    }

    private func doubleMethod(_ d: Double, _ name: String, _ args: [JUELValue]) throws(JUELFailure) -> JUELValue? {
        switch (name, args.count) {
        case ("toString", 0): return .value(.string(JUELValue.javaDoubleString(d)))
        case ("doubleValue", 0): return .value(.double(d))
        case ("longValue", 0): return .value(.integer(JUELCoerce.javaLong(d)))
        case ("intValue", 0): return .value(.integer(Int64(JUELCoerce.javaInt(d))))
        case ("isNaN", 0): return .value(.boolean(d.isNaN))
        case ("isInfinite", 0): return .value(.boolean(d.isInfinite))
        case ("equals", 1):
            if case .value(.double(let e)) = args[0] { return .value(.boolean(JUELOperators.javaDoubleEquals(d, e))) }
            return .value(.boolean(false))
        case ("compareTo", 1):
            let e = try JUELCoerce.toDouble(args[0])
            // Double.compare: -0.0 < 0.0, NaN greatest and equal to itself.
            let c: Int64
            if d < e { c = -1 } else if d > e { c = 1 } else {
                let x = d.isNaN ? Int64.max : Int64(bitPattern: d.bitPattern)
                let y = e.isNaN ? Int64.max : Int64(bitPattern: e.bitPattern)
                c = x == y ? 0 : (x < y ? -1 : 1)
            }
            return .value(.integer(c))
        default: return nil
        }
    }

    private func booleanMethod(_ b: Bool, _ name: String, _ args: [JUELValue]) throws(JUELFailure) -> JUELValue? {
        switch (name, args.count) {
        case ("toString", 0): return .value(.string(b ? "true" : "false"))
        case ("booleanValue", 0): return .value(.boolean(b))
        case ("equals", 1):
            if case .value(.boolean(let c)) = args[0] { return .value(.boolean(b == c)) }
            return .value(.boolean(false))
        case ("compareTo", 1):
            let c = try JUELCoerce.toBoolean(args[0])
            return .value(.integer(b == c ? 0 : (b ? 1 : -1)))
        default: return nil
        }
    }

    // MARK: java.util.Date

    private func dateMethod(_ d: Date, _ name: String, _ args: [JUELValue]) throws(JUELFailure) -> JUELValue? {
        func other() throws(JUELFailure) -> Date {
            switch args[0] {
            case .value(.date(let e)): return e
            case .value(.null): throw .javaException("java.lang.NullPointerException")
            default: throw .el("Cannot coerce from \(args[0].javaClass) to class java.util.Date")
            }
        }
        switch (name, args.count) {
        case ("getTime", 0): return .value(.integer(JUELOperators.javaMillis(d)))
        case ("toString", 0): return .value(.string(JUELValue.javaDateString(d)))
        case ("before", 1): return .value(.boolean(JUELOperators.javaMillis(d) < JUELOperators.javaMillis(try other())))
        case ("after", 1): return .value(.boolean(JUELOperators.javaMillis(d) > JUELOperators.javaMillis(try other())))
        case ("compareTo", 1):
            let x = JUELOperators.javaMillis(d), y = JUELOperators.javaMillis(try other())
            return .value(.integer(x < y ? -1 : x > y ? 1 : 0))
        case ("equals", 1):
            if case .value(.date(let e)) = args[0] { return .value(.boolean(JUELOperators.javaMillis(d) == JUELOperators.javaMillis(e))) }
            return .value(.boolean(false))
        default: return nil
        }
    }

    // MARK: java.util.List / java.util.Map

    private static func contains(_ list: [VariableValue], _ v: JUELValue) -> Int? {
        guard case .value(let x) = v else { return nil }
        return list.firstIndex { JUELOperators.javaValueEquals($0, x) }
    }

    private func listMethod(_ list: [VariableValue], _ name: String, _ args: [JUELValue]) throws(JUELFailure) -> JUELValue? {
        switch (name, args.count) {
        case ("size", 0): return .value(.integer(Int64(list.count)))
        case ("isEmpty", 0): return .value(.boolean(list.isEmpty))
        case ("contains", 1): return .value(.boolean(Self.contains(list, args[0]) != nil))
        case ("indexOf", 1): return .value(.integer(Int64(Self.contains(list, args[0]) ?? -1)))
        case ("lastIndexOf", 1):
            guard case .value(let x) = args[0] else { return .value(.integer(-1)) }
            return .value(.integer(Int64(list.lastIndex { JUELOperators.javaValueEquals($0, x) } ?? -1)))
        case ("get", 1):
            let i = try JUELCoerce.toInt(args[0])
            guard i >= 0, i < list.count else {
                throw .javaException("java.lang.IndexOutOfBoundsException: Index \(i) out of bounds for length \(list.count)")
            }
            return .value(list[i])
        case ("subList", 2):
            let a = try JUELCoerce.toInt(args[0]), b = try JUELCoerce.toInt(args[1])
            guard a >= 0, b <= list.count, a <= b else {
                throw .javaException("java.lang.IndexOutOfBoundsException: fromIndex: \(a), toIndex: \(b), size: \(list.count)")
            }
            return .value(.array(Array(list[a..<b])))
        case ("containsAll", 1):
            guard case .value(.array(let other)) = args[0] else { return nil }
            return .value(.boolean(other.allSatisfy { Self.contains(list, .value($0)) != nil }))
        case ("toString", 0): return .value(.string(JUELValue.javaString(.array(list))))
        case ("equals", 1): return .value(.boolean(JUELOperators.javaObjectEquals(.value(.array(list)), args[0])))
        default: return nil
        }
    }

    private func mapMethod(_ map: [String: VariableValue], _ name: String, _ args: [JUELValue]) throws(JUELFailure) -> JUELValue? {
        func key(_ v: JUELValue) -> String? {
            if case .value(.string(let k)) = v { return k }
            return nil
        }
        switch (name, args.count) {
        case ("get", 1): return .value(key(args[0]).flatMap { map[$0] } ?? .null)
        case ("getOrDefault", 2):
            if let k = key(args[0]), let v = map[k] { return .value(v) }
            return args[1]
        case ("containsKey", 1): return .value(.boolean(key(args[0]).map { map[$0] != nil } ?? false))
        case ("containsValue", 1):
            guard case .value(let x) = args[0] else { return .value(.boolean(false)) }
            return .value(.boolean(map.values.contains { JUELOperators.javaValueEquals($0, x) }))
        case ("size", 0): return .value(.integer(Int64(map.count)))
        case ("isEmpty", 0): return .value(.boolean(map.isEmpty))
        case ("keySet", 0): return .value(.array(map.keys.sorted().map { .string($0) }))
        case ("values", 0): return .value(.array(map.keys.sorted().map { map[$0]! }))
        case ("toString", 0): return .value(.string(JUELValue.javaString(.object(map))))
        case ("equals", 1): return .value(.boolean(JUELOperators.javaObjectEquals(.value(.object(map)), args[0])))
        default: return nil
        }
    }

    // MARK: the execution (DelegateExecution / ExecutionEntity)

    private static let unsupportedExecutionMethods: Set<String> = [
        "removeVariable", "removeVariableLocal", "removeVariables", "removeVariablesLocal",
        "setVariables", "setVariablesLocal", "getVariableTyped", "getVariableLocalTyped",
        "getVariablesTyped", "getVariablesLocalTyped", "createIncident", "resolveIncident",
        "getProcessEngineServices", "getProcessEngine", "getBpmnModelInstance", "getBpmnModelElementInstance",
        "getProcessInstance", "getSuperExecution", "getParent", "getParentId", "getEventName",
        "getCurrentTransitionId", "getActivityInstanceId", "getParentActivityInstanceId",
    ]

    var executionDescription: String {
        context.executionId == context.processInstanceId
            ? "ProcessInstance[\(context.executionId)]" : "Execution[\(context.executionId)]"
    }

    private func executionMethod(_ name: String, _ args: [JUELValue]) throws(JUELFailure) -> JUELValue? {
        func varName() -> String { Self.stringParam(args[0]) ?? "null" }
        func storable(_ v: JUELValue) throws(JUELFailure) -> VariableValue {
            guard case .value(let x) = v else {
                throw .el("The execution object cannot be stored as a variable value")
            }
            return x
        }
        switch (name, args.count) {
        case ("getVariable", 1): return .value(context.variable(varName()) ?? .null)
        case ("getVariableLocal", 1):
            let n = varName()
            return .value((extended.map { $0.localVariable(n) } ?? context.variable(n)) ?? .null)
        case ("hasVariable", 1): return .value(.boolean(context.variable(varName()) != nil))
        case ("hasVariableLocal", 1):
            let n = varName()
            return .value(.boolean((extended.map { $0.localVariable(n) } ?? context.variable(n)) != nil))
        case ("hasVariables", 0): return .value(.boolean(!context.visibleVariables().isEmpty))
        case ("hasVariablesLocal", 0):
            return .value(.boolean(!(extended?.localVariables() ?? context.visibleVariables()).isEmpty))
        case ("getVariables", 0): return try executionProperty("variables", .null)
        case ("getVariablesLocal", 0): return try executionProperty("variablesLocal", .null)
        case ("getVariableNames", 0): return try executionProperty("variableNames", .null)
        case ("getVariableNamesLocal", 0): return try executionProperty("variableNamesLocal", .null)
        case ("setVariable", 2), ("setVariableLocal", 2):
            let n = varName()
            let value = try storable(args[1])
            do {
                if name == "setVariable" { try context.setVariable(n, value) } else { try context.setVariableLocal(n, value) }
            } catch let e as ExpressionError {
                throw .javaException(e.message)
            } catch {
                throw .javaException(String(describing: error))
            }
            return .null
        case ("getId", 0): return try executionProperty("id", .null)
        case ("getProcessInstanceId", 0): return try executionProperty("processInstanceId", .null)
        case ("getProcessDefinitionId", 0): return try executionProperty("processDefinitionId", .null)
        case ("getCurrentActivityId", 0), ("getActivityId", 0): return try executionProperty("currentActivityId", .null)
        case ("getCurrentActivityName", 0): return try executionProperty("currentActivityName", .null)
        case ("getProcessBusinessKey", 0), ("getBusinessKey", 0): return try executionProperty("businessKey", .null)
        case ("getTenantId", 0): return .null
        case ("toString", 0): return .value(.string(executionDescription))
        case ("equals", 1): return .value(.boolean(JUELOperators.javaObjectEquals(.execution, args[0])))
        default:
            if Self.unsupportedExecutionMethods.contains(name) {
                throw .el("execution.\(name)() is not supported by bpmnrun")
            }
            return nil
        }
    }
}
